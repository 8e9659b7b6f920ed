// Defect 1, in a real terminal: board A ticks an issue and does not save; a CLI sets the same
// issue's status; A's board reloads by itself and says there is a conflict; `s` opens the
// mine/theirs dialog and writes nothing; Esc keeps the conflict (a later `s` asks again); `t`
// keeps theirs. Runs the built binary under tmux.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PLAN } from './fixture.js';
import { tmuxServer } from '../support/tmux.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'dist/planboard.js');
const t = tmuxServer('reload-conflict');
const tmux = t.tmux;
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const waitFor = (what: string, test: (s: string) => boolean, ms?: number) => t.waitFor('a', what, test, ms);
const press = (...keys: string[]) => t.keys('a', ...keys);
const statusOf = (text: string, id: string) => (parse(text).issues as { id: string; status?: string }[]).find((i) => i.id === id)?.status;

let dir = '';
let plan = '';
beforeAll(() => {
  if (spawnSync('tmux', ['-V']).status !== 0) throw new Error('this test needs tmux');
  if (!existsSync(bin)) throw new Error(`build first: ${bin} is missing (node scripts/build.mjs)`);
  dir = mkdtempSync(join(tmpdir(), 'pb-reload-conflict-'));
  plan = join(dir, 'plan.yaml');
  writeFileSync(plan, PLAN);
});
afterAll(() => {
  t.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a conflict found by a reload, in a real terminal', () => {
  it('is shown, blocks every save until settled, and Esc keeps it', { timeout: 60_000 }, async () => {
    tmux('new-session', '-d', '-s', 'a', '-x', '120', '-y', '32', `env -u CI TERM=xterm-256color ${quote(process.execPath)} ${quote(bin)} ${quote(plan)} --today 2026-03-02`);
    const first = await waitFor('the board', (s) => /▶(\S+)/.test(s));
    const id = /▶(\S+)/.exec(first)![1];
    await press('Space');
    await waitFor('the unsaved tick', (s) => s.includes(`${id}: done`));
    // Another session: `planboard status PLAN ID review`.
    execFileSync(process.execPath, [bin, 'status', plan, id, 'review', '--today', '2026-03-02']);
    await waitFor('the reload note naming the conflict', (s) => /conflict/i.test(s) && s.includes(`${id} status`));
    await press('s');
    await waitFor('the mine/theirs dialog', (s) => s.includes('changed both here and there'));
    expect(statusOf(readFileSync(plan, 'utf8'), id)).toBe('review');
    await press('Escape');
    await waitFor('the dialog to close', (s) => !s.includes('changed both here and there'));
    await press('s');
    await waitFor('the dialog again', (s) => s.includes('changed both here and there'));
    expect(statusOf(readFileSync(plan, 'utf8'), id)).toBe('review');
    await press('t');
    await waitFor('the save', (s) => !s.includes('changed both here and there') && !/CONFLICT/.test(s));
    expect(statusOf(readFileSync(plan, 'utf8'), id)).toBe('review');
  });
});
