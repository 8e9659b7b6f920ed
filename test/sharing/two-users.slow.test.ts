// Defect 6 and the "two real Unix users" proof of the shared-box issue. As root (CI runs as
// root) we create two users and a shared group, then run boards (the real store, in their own
// processes) and CLI writers as those users (setpriv) on one plan: in a setgid group directory
// and in a plain group directory. Nothing is lost; the file keeps its group and mode (the owner
// becomes the last saver, as docs/sharing.md says); presence shows both users. A sticky
// directory gets a clear message at once, and a group the saver cannot keep is said before writing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPlanText } from '../../src/core/plan/load.js';
import { buildChild } from './helpers/build-child.js';
import { PLAN } from './fixture.js';

const DIST = fileURLToPath(new URL('../../dist', import.meta.url));
const tag = randomBytes(3).toString('hex');
const GROUP = `pbg${tag}`;
const ALICE = `pba${tag}`;
const BOB = `pbb${tag}`;
interface User {
  name: string;
  uid: number;
  gid: number;
}
const users: Record<string, User> = {};
let shareGid = 0;
let root = '';
let bin = '';
let board = '';

function need(tool: string) {
  if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) throw new Error(`this test needs ${tool} (util-linux / passwd)`);
}

beforeAll(async () => {
  if (process.getuid?.() !== 0) throw new Error('this test creates Unix users: run it as root (as CI does)');
  for (const t of ['setpriv', 'useradd', 'groupadd', 'userdel', 'groupdel']) need(t);
  if (!existsSync(join(DIST, 'planboard.js'))) throw new Error('build first: dist/planboard.js is missing (node scripts/build.mjs)');
  execFileSync('groupadd', [GROUP]);
  for (const name of [ALICE, BOB]) execFileSync('useradd', ['-M', '-U', '-s', '/bin/sh', '-G', GROUP, name]);
  const id = (args: string[]) => Number(execFileSync('id', args, { encoding: 'utf8' }).trim());
  for (const name of [ALICE, BOB]) users[name] = { name, uid: id(['-u', name]), gid: id(['-g', name]) };
  shareGid = Number(readFileSync('/etc/group', 'utf8').split('\n').find((l) => l.startsWith(`${GROUP}:`))!.split(':')[2]);
  root = mkdtempSync('/tmp/pb-two-users-');
  chmodSync(root, 0o755);
  // Everything the users run must be readable by them: the built CLI and the board child.
  bin = join(root, 'bin');
  cpSync(DIST, join(bin, 'dist'), { recursive: true });
  const child = await buildChild('child-board');
  cpSync(child, join(bin, 'child-board.mjs'));
  board = join(bin, 'child-board.mjs');
  execFileSync('chmod', ['-R', 'a+rX', bin]);
}, 60_000);

afterAll(() => {
  for (const name of [ALICE, BOB]) spawnSync('userdel', [name]);
  spawnSync('groupdel', [GROUP]);
  for (const name of [ALICE, BOB]) spawnSync('groupdel', [name]);
  if (root) rmSync(root, { recursive: true, force: true });
});

/** argv that runs `args` as `u`, with the shared group as a supplementary group (or none). */
const as = (u: User, args: string[], groups: number[] = [shareGid]) => [
  'setpriv',
  `--reuid=${u.uid}`,
  `--regid=${u.gid}`,
  groups.length ? `--groups=${groups.join(',')}` : '--clear-groups',
  '--',
  ...args,
];
const env = () => ({ ...process.env, HOME: root, USER: undefined, LOGNAME: undefined });

function runAs(u: User, args: string[], groups?: number[]) {
  const [cmd, ...rest] = as(u, args, groups);
  return spawnSync(cmd, rest, { encoding: 'utf8', env: env(), cwd: root });
}

function cli(u: User, args: string[], groups?: number[]) {
  const [cmd, ...rest] = as(u, [process.execPath, join(bin, 'dist', 'planboard.js'), ...args], groups);
  return new Promise<{ code: number | null; out: string; err: string; ms: number }>((res) => {
    const t0 = Date.now();
    const p = spawn(cmd, rest, { env: env(), cwd: root });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d));
    p.stderr.on('data', (d: Buffer) => (err += d));
    p.on('exit', (code) => res({ code, out, err, ms: Date.now() - t0 }));
  });
}

interface BoardRun {
  proc: ChildProcess;
  result: Promise<{ saved: string[]; others: string[]; problems: string[] }>;
}
function startBoard(u: User, plan: string, tagName: string, n: number): Promise<BoardRun> {
  const [cmd, ...rest] = as(u, [process.execPath, board, 'board', plan, tagName, String(n)]);
  const proc = spawn(cmd, rest, { env: env(), cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stderr!.on('data', (d: Buffer) => (err += d));
  return new Promise((resJoined, rejJoined) => {
    let resultRes: (v: { saved: string[]; others: string[]; problems: string[] }) => void;
    let resultRej: (e: Error) => void;
    const result = new Promise<{ saved: string[]; others: string[]; problems: string[] }>((a, b) => ((resultRes = a), (resultRej = b)));
    proc.stdout!.on('data', (d: Buffer) => {
      out += d;
      if (out.includes('joined\n')) resJoined({ proc, result });
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resultRes(JSON.parse(line));
    });
    proc.on('exit', (code) => {
      const e = new Error(`board as ${u.name} exited ${code}: ${err}`);
      rejJoined(e);
      resultRej(e);
    });
  });
}

const notesIn = (text: string) => {
  const r = loadPlanText(text, 'plan.yaml');
  if (!r.ok) throw new Error(`the plan does not load: ${JSON.stringify(r.problems)}`);
  return r.plan.data.issues!.flatMap((i) => (i.log ?? []).map((l) => String(l.note)));
};

describe.each([
  ['a setgid group directory', 0o2775],
  ['a plain group directory', 0o775],
])('two users saving one plan in %s', (_name, dirMode) => {
  it('lose nothing, keep the group and mode, and see each other in presence', { timeout: 120_000 }, async () => {
    const alice = users[ALICE];
    const bob = users[BOB];
    const dir = join(root, `share-${dirMode.toString(8)}`);
    mkdirSync(dir);
    chownSync(dir, 0, shareGid);
    chmodSync(dir, dirMode);
    const plan = join(dir, 'plan.yaml');
    writeFileSync(join(root, 'seed.yaml'), PLAN);
    chmodSync(join(root, 'seed.yaml'), 0o644);
    // Alice creates the plan as docs/sharing.md says: umask 002, the shared group.
    const made = runAs(alice, ['sh', '-c', `umask 002 && cp ${join(root, 'seed.yaml')} ${plan} && chmod 664 ${plan} && chgrp ${GROUP} ${plan}`]);
    expect(made.status, made.stderr).toBe(0);
    expect(statSync(plan).mode & 0o777).toBe(0o664);

    const boards = await Promise.all([startBoard(alice, plan, 'board-alice', 6), startBoard(bob, plan, 'board-bob', 6)]);
    const cliNotes: Record<string, string[]> = { [ALICE]: [], [BOB]: [] };
    await Promise.all(
      [alice, bob].map(async (u) => {
        for (let i = 0; i < 4; i++) {
          const note = `cli-${u.name}-${i}`;
          const r = await cli(u, ['log', plan, ['S-1', 'S-2', 'S-3'][i % 3], '1h', '--note', note, '--date', '2026-03-02']);
          expect(r.code, `${u.name}: ${r.err}`).toBe(0);
          cliNotes[u.name].push(note);
        }
      }),
    );
    const results = await Promise.all(boards.map((b) => b.result));
    // Presence: each board saw the other user while both were open.
    expect(results[0].others).toContain(BOB);
    expect(results[1].others).toContain(ALICE);
    for (const b of boards) b.proc.stdin!.end();
    await Promise.all(boards.map((b) => new Promise((r) => b.proc.on('exit', r))));

    // Nothing lost: every acknowledged edit of both boards and both CLIs is in the file, once.
    expect(results.flatMap((r) => r.problems)).toEqual([]);
    const acked = [...results.flatMap((r) => r.saved), ...cliNotes[ALICE], ...cliNotes[BOB]];
    expect(acked).toHaveLength(2 * 6 + 2 * 4);
    const notes = notesIn(readFileSync(plan, 'utf8'));
    expect(notes.sort()).toEqual(acked.sort());

    // Group and mode kept; the owner is whoever saved last (an atomic save makes a new file).
    const st = statSync(plan);
    expect(st.gid).toBe(shareGid);
    expect(st.mode & 0o7777).toBe(0o664);
    expect([alice.uid, bob.uid]).toContain(st.uid);
    // And either user can still save after the other.
    for (const u of [alice, bob]) expect((await cli(u, ['tick', plan, 'S-4', '--today', '2026-03-02'])).code).toBe(0);
    expect(statSync(plan).gid).toBe(shareGid);
    expect(statSync(plan).mode & 0o7777).toBe(0o664);
    // The runtime folder is the group's too, and empty of leftovers.
    const rt = statSync(join(dir, '.planboard'));
    expect(rt.gid).toBe(shareGid);
    expect(rt.mode & 0o070).toBe(0o070);
  });
});

describe('where a save cannot keep things, it says so', () => {
  it('a sticky directory: a clear message at once, not a wait on the lock', { timeout: 60_000 }, async () => {
    const alice = users[ALICE];
    const bob = users[BOB];
    const dir = join(root, 'sticky');
    mkdirSync(dir);
    chmodSync(dir, 0o1777);
    const plan = join(dir, 'plan.yaml');
    expect(runAs(alice, ['sh', '-c', `cp ${join(root, 'seed.yaml')} ${plan} && chmod 666 ${plan}`]).status).toBe(0);
    // Alice's stale lock is there too (she was killed mid-save), as in the report.
    expect((await cli(alice, ['tick', plan, 'S-1', '--today', '2026-03-02'])).code).toBe(0);
    const before = readFileSync(plan, 'utf8');
    const r = await cli(bob, ['tick', plan, 'S-2', '--today', '2026-03-02']);
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(3000);
    expect(r.err).toMatch(/sticky/);
    expect(r.err).toMatch(/docs\/sharing\.md/);
    expect(readFileSync(plan, 'utf8')).toBe(before);
  });

  it('a group the saver is not a member of: said on stderr before the save, which still writes', { timeout: 60_000 }, async () => {
    const alice = users[ALICE];
    const bob = users[BOB];
    const dir = join(root, 'open');
    mkdirSync(dir);
    chmodSync(dir, 0o777);
    const plan = join(dir, 'plan.yaml');
    // Alice's own group, mode 666: Bob may write the file but cannot give it Alice's group.
    expect(runAs(alice, ['sh', '-c', `cp ${join(root, 'seed.yaml')} ${plan} && chmod 666 ${plan}`], []).status).toBe(0);
    expect(statSync(plan).gid).toBe(alice.gid);
    const r = await cli(bob, ['tick', plan, 'S-2', '--today', '2026-03-02'], []);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(new RegExp(`group \\(gid ${alice.gid}\\) cannot be kept`));
    expect(statSync(plan).mode & 0o777).toBe(0o666);
    expect(statSync(plan).gid).toBe(bob.gid);
    expect(dirname(plan)).toBe(dir);
  });
});
