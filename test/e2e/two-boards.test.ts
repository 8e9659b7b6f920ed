// Two boards (the built binary, each in its own tmux session) on one file: a save in one shows up
// in the other by itself, on top of that board's own unsaved edit, and nothing is lost.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { requireTool } from '../support/tools.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'dist/planboard.js');
const socket = `planboard-two-${process.pid}`;

const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const screen = (s: string) => tmux('capture-pane', '-p', '-t', s);
const alive = (s: string) => spawnSync('tmux', ['-L', socket, 'has-session', '-t', s]).status === 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

async function waitFor(session: string, what: string, test: (s: string) => boolean, ms = 10000): Promise<string> {
  const until = Date.now() + ms;
  let last = '';
  while (Date.now() < until) {
    last = alive(session) ? screen(session) : last;
    if (test(last)) return last;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what} in ${session}; screen:\n${last}`);
}

async function keys(session: string, ...names: string[]) {
  for (const k of names) {
    tmux('send-keys', '-t', session, k);
    await sleep(120);
  }
}

const selectedOf = (s: string) => /▶(\S+)/.exec(s)?.[1];
const issues = (text: string) => new Map((parse(text).issues as Record<string, unknown>[]).map((i) => [String(i.id), i]));

describe('two boards on one file (tmux)', () => {
  requireTool('tmux', ['-V']);
  let dir = '';
  let plan = '';
  let original = '';

  beforeAll(() => {
    if (!existsSync(bin)) execFileSync('flock', ['/tmp/build.lock', 'node', 'scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
    dir = mkdtempSync(join(tmpdir(), 'planboard two '));
    plan = join(dir, 'shared plan.yaml');
    copyFileSync(join(root, 'plans/k3s-mono-pgsql.yaml'), plan);
    original = readFileSync(plan, 'utf8');
  });

  afterAll(() => {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a tick saved in one board appears in the other without a key, keeps its unsaved edit, and both reach the file', async () => {
    const cmd = `env -u CI TERM=xterm-256color ${quote(process.execPath)} ${quote(bin)} ${quote(plan)} --today 2026-02-10`;
    tmux('new-session', '-d', '-s', 'one', '-x', '110', '-y', '30', cmd);
    await waitFor('one', 'the first board', (s) => /todo \(\d+\)/.test(s));
    tmux('new-session', '-d', '-s', 'two', '-x', '110', '-y', '30', cmd);
    await waitFor('two', 'the second board', (s) => /todo \(\d+\)/.test(s));

    // Presence: each board names the other session (user@tty) on its tabs line.
    await waitFor('two', 'presence of the first board', (s) => /also here: \S+@\S+/.test(s));
    await waitFor('one', 'presence of the second board', (s) => /also here: \S+@\S+/.test(s), 8000);

    // Board two: an unsaved lane move on the second issue.
    const startId = selectedOf(screen('two'))!;
    expect(startId).toBeDefined();
    await keys('two', 'j');
    const movedId = selectedOf(await waitFor('two', 'the selection to move', (s) => selectedOf(s) !== startId))!;
    await keys('two', ']');
    await waitFor('two', 'the lane move', (s) => s.includes(`${movedId}: lane`) && s.includes('unsaved changes (1)'));

    // Board one: tick the first issue and save.
    const tickedId = selectedOf(screen('one'))!;
    expect(tickedId).toBe(startId);
    expect(tickedId).not.toBe(movedId);
    await keys('one', 'Space');
    await waitFor('one', 'the tick', (s) => s.includes(`${tickedId}: done`));
    await keys('one', 's');
    await waitFor('one', 'the save', (s) => s.includes('saved 1 edit') && s.includes('✓ saved'));
    expect(issues(readFileSync(plan, 'utf8')).get(tickedId)).toMatchObject({ status: 'done', done_on: '2026-02-10' });

    // Board two, no key pressed since: it reloads by itself and still has its own edit pending.
    const reloaded = await waitFor('two', 'the reload', (s) => s.includes('reloaded: 1 change by another session'), 5000);
    expect(reloaded).toContain('unsaved changes (1)');
    expect(reloaded).toContain(`(${tickedId})`);

    await keys('two', 's');
    await waitFor('two', 'the second save', (s) => s.includes('saved 1 edit') && s.includes('✓ saved'));
    const after = issues(readFileSync(plan, 'utf8'));
    const before = issues(original);
    // Tick records the status untick goes back to when it was not todo (untick's default).
    const was = (before.get(tickedId) as { status?: string }).status ?? 'backlog';
    expect(after.get(tickedId)).toEqual({ ...(before.get(tickedId) as object), status: 'done', done_on: '2026-02-10', ...(was === 'todo' ? {} : { reopen_status: was }) });
    expect((after.get(movedId) as { lane: string }).lane).not.toBe((before.get(movedId) as { lane: string }).lane);
    const others = [...before.keys()].filter((id) => id !== tickedId && id !== movedId);
    for (const id of others) expect(after.get(id)).toEqual(before.get(id));

    // Board one sees board two's save the same way.
    await waitFor('one', 'the reload of the lane move', (s) => s.includes('reloaded: 1 change by another session') && s.includes('✓ saved'), 5000);

    await keys('one', 'q');
    await keys('two', 'q');
    for (let i = 0; i < 100 && (alive('one') || alive('two')); i++) await sleep(50);
    expect(alive('one') || alive('two')).toBe(false);
  });
});
