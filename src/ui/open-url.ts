// Opens a web link in the user's browser: $BROWSER, else the desktop's opener. No shell is
// involved and only http(s) links get here (use-commands checks), so plan text cannot run a command.
import { spawn, spawnSync } from 'node:child_process';

const onPath = (cmd: string) => spawnSync('sh', ['-c', 'command -v "$0"', cmd], { stdio: 'ignore' }).status === 0;

export function openUrl(url: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = [env.BROWSER, process.platform === 'darwin' ? 'open' : 'xdg-open', 'wslview'].filter((c): c is string => !!c);
  const cmd = candidates.find((c) => onPath(c));
  if (!cmd) return 'no browser: set $BROWSER';
  try {
    const child = spawn(cmd, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
