// The board itself, in a real terminal (tmux), on the hostile plan: an escape sequence in plan
// text would set tmux's pane title (OSC 0), fill its paste buffer (OSC 52, with set-clipboard on)
// or clear the screen. None of that may happen; the text shows inert instead. Every pane, the
// issue detail (notes, subtasks, log notes, deliverables) and the help overlay are visited.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, tempDir } from './helpers.js';
import { HOSTILE_PLAN } from './hostile-text.js';

const BIN = process.env.PLANBOARD_BIN ?? resolve(REPO, 'dist/planboard.js');
const socket = `planboard-hostile-${process.pid}`;
const session = 'hostile';
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const screen = () => tmux('capture-pane', '-p', '-t', session);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: string, test: (s: string) => boolean, ms = 15000): Promise<string> {
  const until = Date.now() + ms;
  let last = '';
  while (Date.now() < until) {
    last = screen();
    if (test(last)) return last;
    await sleep(60);
  }
  throw new Error(`timed out waiting for ${what}; screen:\n${last}`);
}

/** What an escape that got through would have changed in tmux. */
function effects() {
  return {
    title: tmux('display-message', '-p', '-t', session, '#{pane_title}').trim(),
    buffers: tmux('list-buffers', '-F', '#{buffer_sample}').trim(),
  };
}

beforeAll(() => {
  if (spawnSync('tmux', ['-V']).status !== 0) throw new Error('this test needs tmux');
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: build it with node scripts/build.mjs`);
  const dir = tempDir('pb-hostile-board-');
  const plan = join(dir, 'plan.yaml');
  writeFileSync(plan, HOSTILE_PLAN);
  // The options are set before the board starts, so that its very first frame is watched too.
  tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'boot', 'sleep 600');
  tmux('set-option', '-g', 'set-clipboard', 'on');
  tmux('set-option', '-g', 'allow-rename', 'on');
  tmux('set-option', '-g', 'remain-on-exit', 'on');
  tmux('new-session', '-d', '-s', session, '-x', '200', '-y', '50', `TERM=xterm-256color node ${BIN} ${plan} --today 2026-03-03`);
});
afterAll(() => {
  spawnSync('tmux', ['-L', socket, 'kill-server']);
});

describe('the board on a hostile plan, in a real terminal', () => {
  it('shows the plan text inert in every pane, the detail and the help; no title, clipboard or clear-screen', async () => {
    const title0 = effects().title;
    // The kanban: caret notation where the escapes were.
    const kanban = await waitFor('the kanban', (s) => s.includes('^[]0;PWNED'));
    expect(kanban).toContain('<U+009B>');
    const seen = [kanban];
    for (const key of ['2', '3', 'S', 'S', '1', 'Enter']) {
      tmux('send-keys', '-t', session, key);
      await sleep(400);
      seen.push(screen());
    }
    // The detail pane of the first issue: its notes, subtasks and log notes.
    const detail = await waitFor('the issue detail', (s) => s.includes('=note') || s.includes('-sub'));
    expect(detail).toMatch(/\^\[\]0;PWNED/);
    tmux('send-keys', '-t', session, 'Escape');
    tmux('send-keys', '-t', session, '?');
    await sleep(400);
    seen.push(screen());
    const { title, buffers } = effects();
    expect(title).not.toContain('PWNED');
    expect(title).toBe(title0);
    expect(buffers).not.toMatch(/evil|ZXZpbA/);
    // ESC[2J would have wiped the frame: every capture still shows the board's text.
    for (const s of seen) expect(s.trim().length).toBeGreaterThan(0);
    expect(seen.join('\n')).not.toMatch(/[\u0080-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/);
  }, 60_000);
});
