// The built binary in a real terminal (tmux): keys in, screen out, file checked on disk.
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
const socket = `planboard-e2e-${process.pid}`;
const session = 'board';

const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const screen = () => tmux('capture-pane', '-p', '-t', session);
const alive = () => spawnSync('tmux', ['-L', socket, 'has-session', '-t', session]).status === 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: string, test: (s: string) => boolean, ms = 10000): Promise<string> {
  const until = Date.now() + ms;
  let last = '';
  while (Date.now() < until) {
    last = alive() ? screen() : last;
    if (test(last)) return last;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}; screen:\n${last}`);
}

/** Sends keys one at a time (tmux key names, e.g. Space, C-r) and lets the frame settle. */
async function keys(...names: string[]) {
  for (const k of names) {
    tmux('send-keys', '-t', session, k);
    await sleep(120);
  }
}

/** Issues whose data differ between two plan texts. */
function changedIssues(before: string, after: string) {
  const a = parse(before);
  const b = parse(after);
  const byId = (p: { issues: Record<string, unknown>[] }) => new Map(p.issues.map((i) => [String(i.id), i]));
  const ia = byId(a);
  const ib = byId(b);
  const changed = [...ia.keys()].filter((id) => JSON.stringify(ia.get(id)) !== JSON.stringify(ib.get(id)));
  const rest = (p: Record<string, unknown>) => JSON.stringify({ ...p, issues: undefined });
  return { changed, ia, ib, sameOtherwise: rest(a) === rest(b) && ia.size === ib.size };
}

/** Lines of `before` not kept in `after` and lines added, by longest common subsequence. */
function lineDiff(before: string[], after: string[]) {
  const n = before.length;
  const m = after.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = before[i] === after[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const removed: number[] = [];
  const added: number[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) (i++, j++);
    else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) added.push(j++);
    else removed.push(i++);
  }
  return { removed, added };
}

describe('board in a real terminal (tmux)', () => {
  requireTool('tmux', ['-V']);
  let dir = '';
  let plan = '';
  let original = '';

  beforeAll(() => {
    if (!existsSync(bin)) execFileSync('flock', ['/tmp/build.lock', 'node', 'scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
    dir = mkdtempSync(join(tmpdir(), 'planboard e2e '));
    plan = join(dir, 'k3s plan.yaml'); // a space in the path on purpose
    copyFileSync(join(root, 'plans/k3s-mono-pgsql.yaml'), plan);
    original = readFileSync(plan, 'utf8');
  });

  afterAll(() => {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('moves, reassigns one issue, ticks another, undoes and redoes, saves and quits: only those two issues change', async () => {
    const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    // CI variables make Ink print only the last frame; a person at a terminal never has them.
    const cmd = `env -u CI TERM=xterm-256color ${quote(process.execPath)} ${quote(bin)} ${quote(plan)} --today 2026-02-10`;
    tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '30', cmd);
    await waitFor('the board', (s) => s.includes('Plan De Livraison') && /todo \(\d+\)/.test(s));

    const selectedOf = (s: string) => /▶(\S+)/.exec(s)?.[1];
    const startId = selectedOf(screen());
    expect(startId).toBeDefined();
    await keys('j'); // move the selection
    const movedId = selectedOf(await waitFor('the selection to move', (s) => selectedOf(s) !== startId))!;
    await keys(']'); // reassign it to the next lane
    await waitFor('the reassignment', (s) => s.includes(`${movedId}: lane`));
    await keys('j'); // another issue
    const tickedId = selectedOf(await waitFor('the selection to move again', (s) => selectedOf(s) !== movedId))!;
    expect(tickedId).not.toBe(movedId);
    await keys('Space');
    await waitFor('the tick', (s) => s.includes(`${tickedId}: done`));
    await keys('u');
    await waitFor('the undo', (s) => s.includes(`undone: tick ${tickedId}`) && s.includes('unsaved changes (1)'));
    await keys('C-r');
    await waitFor('the redo', (s) => s.includes(`redone: tick ${tickedId}`) && s.includes('unsaved changes (2)'));
    await keys('s');
    await waitFor('the save', (s) => s.includes('saved 2 edits') && s.includes('✓ saved'));
    await keys('q');
    const until = Date.now() + 5000;
    while (alive() && Date.now() < until) await sleep(50);
    expect(alive()).toBe(false);

    const after = readFileSync(plan, 'utf8');
    const { changed, ia, ib, sameOtherwise } = changedIssues(original, after);
    expect(sameOtherwise).toBe(true);
    expect(changed.sort()).toEqual([movedId, tickedId].sort());
    // Tick records the status untick goes back to when it was not todo (untick's default).
    const was = (ia.get(tickedId) as { status?: string }).status ?? 'backlog';
    expect(ib.get(tickedId)).toEqual({ ...(ia.get(tickedId) as object), status: 'done', done_on: '2026-02-10', ...(was === 'todo' ? {} : { reopen_status: was }) });
    const { lane: oldLane, ...movedBefore } = ia.get(movedId) as { lane: string };
    const { lane: newLane, ...movedAfter } = ib.get(movedId) as { lane: string };
    expect(newLane).not.toBe(oldLane);
    expect(movedAfter).toEqual(movedBefore);

    // Line by line: only lines inside those two issues' entries differ, and nothing else moved.
    const before = original.split('\n');
    const now = after.split('\n');
    const { removed, added } = lineDiff(before, now);
    const changedText = [...removed.map((i) => before[i]), ...added.map((j) => now[j])];
    expect(changedText.every((l) => /^\s+(status|done_on|reopen_status|lane):/.test(l)), changedText.join('\n')).toBe(true);
    expect(removed.length).toBeLessThanOrEqual(2);
    expect(added.length).toBeLessThanOrEqual(4);
  });

  it('Ctrl-c with unsaved edits quits at once and gives the terminal back (alternate screen left)', async () => {
    const quote = (x: string) => `'${x.replace(/'/g, `'\\''`)}'`;
    const before = readFileSync(plan, 'utf8');
    const cmd = `sh -c ${quote(`echo BEFORE-BOARD; env -u CI ${quote(process.execPath)} ${quote(bin)} ${quote(plan)} --today 2026-02-10; echo EXIT=$?; sleep 30`)}`;
    tmux('new-session', '-d', '-s', 'ctrlc', '-x', '100', '-y', '30', cmd);
    const shot = () => tmux('capture-pane', '-p', '-t', 'ctrlc');
    const until = async (f: (s: string) => boolean) => {
      for (let i = 0; i < 200; i++) {
        const s = shot();
        if (f(s)) return s;
        await sleep(50);
      }
      throw new Error(`timed out; screen:\n${shot()}`);
    };
    await until((s) => s.includes('Plan De Livraison') && !s.includes('BEFORE-BOARD'));
    tmux('send-keys', '-t', 'ctrlc', 'Space');
    await until((s) => s.includes('unsaved changes (1)'));
    tmux('send-keys', '-t', 'ctrlc', 'C-c');
    const after = await until((s) => s.includes('EXIT='));
    expect(after).toContain('BEFORE-BOARD');
    expect(after).not.toContain('Plan De Livraison');
    expect(readFileSync(plan, 'utf8')).toBe(before);
    spawnSync('tmux', ['-L', socket, 'kill-session', '-t', 'ctrlc']);
  });
});
