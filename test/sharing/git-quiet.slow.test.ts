// Defects 8 and 9 of the shared-box issue, with real git: while a board (presence) and a CLI
// writer are active beside a plan in a repository, `git status` lists nothing planboard made, and
// after they are killed with SIGKILL it still lists nothing; the next open or save removes their
// leftovers (temp files, presence entries, locks) and does not wait out a dead writer's lock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commitOps } from '../../src/core/persist/file-store.js';
import { joinPresence, readPresence } from '../../src/core/persist/presence.js';
import { buildChild } from './helpers/build-child.js';
import { PLAN } from './fixture.js';

let repo = '';
let commitChild = '';
let lockChild = '';
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });

beforeAll(async () => {
  try {
    execFileSync('git', ['--version']);
  } catch {
    throw new Error('these tests need git on the PATH');
  }
  repo = mkdtempSync(join(tmpdir(), 'pb-git-quiet-'));
  git('init', '-q');
  git('config', 'user.email', 't@example.com');
  git('config', 'user.name', 'T');
  writeFileSync(join(repo, 'plan.yaml'), PLAN);
  git('add', 'plan.yaml');
  git('commit', '-qm', 'plan');
  [commitChild, lockChild] = await Promise.all([buildChild('child-commit'), buildChild('child-lock')]);
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const stopped = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] === 'T';
  } catch {
    return false;
  }
};
const exited = (p: ChildProcess) => new Promise((r) => (p.exitCode !== null || p.signalCode !== null ? r(null) : p.on('exit', r)));

describe('git status beside an open plan', () => {
  it('stays clean while a board and a mid-save writer are active, and after both are killed with SIGKILL', { timeout: 60_000 }, async () => {
    const plan = join(repo, 'plan.yaml');
    // A board elsewhere: a process that joined presence.
    const board = spawn(process.execPath, [lockChild, 'join', plan], { stdio: ['pipe', 'pipe', 'inherit'] });
    await new Promise<void>((res) => board.stdout!.on('data', (d: Buffer) => d.toString().includes('joined') && res()));
    // A CLI writer that stops with its temp file written and the lock held (just before the rename).
    const ops = JSON.stringify([{ kind: 'tick', id: 'S-1', date: '2026-03-02' }]);
    const writer = spawn(process.execPath, [commitChild, 'one', plan, ops], { env: { ...process.env, PLANBOARD_FAULT: 'stop:step-rename' } });
    for (let i = 0; i < 500 && !stopped(writer.pid!); i++) await sleep(10);
    expect(stopped(writer.pid!)).toBe(true);
    const rt = readdirSync(join(repo, '.planboard'));
    expect(rt.some((n) => n.endsWith('.tmp')), `runtime folder: ${rt.join(' ')}`).toBe(true);
    expect(rt).toContain('plan.yaml.lock');
    expect(rt).toContain('plan.yaml.presence.json');
    expect(git('status', '--porcelain', '--untracked-files=all')).toBe('');

    writer.kill('SIGKILL');
    board.kill('SIGKILL');
    await Promise.all([exited(writer), exited(board)]);
    expect(git('status', '--porcelain', '--untracked-files=all')).toBe('');
    expect(readFileSync(plan, 'utf8')).toBe(PLAN);

    // The next open drops the dead board from presence, removes the dead writer's temp file and lock.
    const me = await joinPresence(plan);
    expect((await readPresence(plan)).map((e) => e.pid)).toEqual([process.pid]);
    const left = readdirSync(join(repo, '.planboard'));
    expect(left.filter((n) => n.endsWith('.tmp') || n.endsWith('.lock'))).toEqual([]);
    // The next save does not wait out the dead writer's lock (already gone) and writes.
    const t0 = Date.now();
    await commitOps(plan, [{ kind: 'tick', id: 'S-2', date: '2026-03-02' }], { staleMs: 60_000 });
    expect(Date.now() - t0).toBeLessThan(2000);
    await me.leave();
    expect(git('status', '--porcelain', '--untracked-files=all')).toBe(' M plan.yaml\n');
  });

  it('a save after a writer was killed holding the lock takes it at once (no staleness wait)', { timeout: 60_000 }, async () => {
    const plan = join(repo, 'plan.yaml');
    const ops = JSON.stringify([{ kind: 'tick', id: 'S-3', date: '2026-03-02' }]);
    const writer = spawn(process.execPath, [commitChild, 'one', plan, ops], { env: { ...process.env, PLANBOARD_FAULT: 'stop:read' } });
    for (let i = 0; i < 500 && !stopped(writer.pid!); i++) await sleep(10);
    writer.kill('SIGKILL');
    await exited(writer);
    expect(existsSync(join(repo, '.planboard', 'plan.yaml.lock'))).toBe(true);
    const t0 = Date.now();
    await commitOps(plan, [{ kind: 'tick', id: 'S-4', date: '2026-03-02' }], { staleMs: 60_000 });
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(git('status', '--porcelain', '--untracked-files=all')).toBe(' M plan.yaml\n');
  });
});
