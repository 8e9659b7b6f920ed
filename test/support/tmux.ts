// One tmux server per test file, for driving the built binary in a real terminal: keys in,
// screen out, with waits that fail naming what they waited for and showing the screen.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function tmuxServer(name: string) {
  const socket = `planboard-${name}-${process.pid}`;
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  const screen = (target: string) => tmux('capture-pane', '-p', '-t', target);
  /** Polls the pane until `test` holds; throws with the last screen after `ms`. */
  const waitFor = async (target: string, what: string, test: (s: string) => boolean, ms = 10000): Promise<string> => {
    const until = Date.now() + ms;
    let last = '';
    while (Date.now() < until) {
      last = screen(target);
      if (test(last)) return last;
      await sleep(50);
    }
    throw new Error(`timed out waiting for ${what}; screen:\n${last}`);
  };
  /** Sends keys one at a time (tmux key names: Enter, C-z, ...) and lets each frame settle. */
  const keys = async (target: string, ...names: string[]) => {
    for (const k of names) {
      tmux('send-keys', '-t', target, k);
      await sleep(150);
    }
  };
  const kill = () => spawnSync('tmux', ['-L', socket, 'kill-server']);
  return { socket, tmux, screen, waitFor, keys, kill };
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The built binary the real-terminal tests drive (`node scripts/build.mjs`). */
export const BIN = join(ROOT, 'dist/planboard.js');

/** Builds the binary when it is missing (one build at a time across test files). */
export function ensureBuilt(): void {
  if (!existsSync(BIN)) execFileSync('flock', ['/tmp/build.lock', 'node', 'scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
}

/**
 * A tmux server with one session's helpers bound (screen, waitFor, keys); fails at once, saying
 * how to get it, when tmux is missing.
 */
export function boardTerminal(server: string, session: string) {
  if (spawnSync('tmux', ['-V']).status !== 0) throw new Error('tmux is needed for the real-terminal tests: apt-get install tmux');
  const t = tmuxServer(server);
  return {
    ...t,
    session,
    screen: () => t.screen(session),
    waitFor: (what: string, test: (s: string) => boolean, ms?: number) => t.waitFor(session, what, test, ms),
    keys: (...names: string[]) => t.keys(session, ...names),
  };
}
