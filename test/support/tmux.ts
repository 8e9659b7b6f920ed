// One tmux server per test file, for driving the built binary in a real terminal: keys in,
// screen out, with waits that fail naming what they waited for and showing the screen.
import { execFileSync, spawnSync } from 'node:child_process';

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
