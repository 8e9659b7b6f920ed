// One failure vocabulary: every command that writes goes through a full disk, a directory it may
// not write and an edit the plan refuses, and each ends with exit 1, a message that says why,
// and the file as it was; never 70 ("internal error"), never a stack trace. Through the built
// binary, as a user runs it; the disk is a real full tmpfs and the user a real other uid.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REPO } from './helpers.js';

const BIN = resolve(REPO, 'dist/planboard.js');
const NOBODY = 65534;

const PLAN = `planboard: 1
title: Failures
lanes:
  - id: ana
  - id: bo
issues:
  - id: A
    title: Alpha
    status: todo
    lane: ana
  - id: B
    title: Beta
    status: done
    done_on: 2026-01-02
    depends_on: [A]
  - id: C
    title: Gamma
`;
const ROADMAP = '# Roadmap\n\n- #1: First thing\n- #2: Second thing\n';

/** Every command that writes a file, with arguments that would succeed on a writable disk. */
const WRITERS: [string, (dir: string) => string[]][] = [
  ['tick', (d) => ['tick', join(d, 'plan.yaml'), 'A', '--today', '2026-03-02']],
  ['untick', (d) => ['untick', join(d, 'plan.yaml'), 'B']],
  ['status', (d) => ['status', join(d, 'plan.yaml'), 'A', 'review']],
  ['move', (d) => ['move', join(d, 'plan.yaml'), 'A', '--lane', 'bo']],
  ['log', (d) => ['log', join(d, 'plan.yaml'), 'A', '1.5h', '--date', '2026-03-02']],
  ['add', (d) => ['add', join(d, 'plan.yaml'), '--title', 'Delta']],
  ['edit', (d) => ['edit', join(d, 'plan.yaml'), 'A', '--title', 'Alpha two']],
  ['rm', (d) => ['rm', join(d, 'plan.yaml'), 'C']],
  ['init', (d) => ['init', join(d, 'new.yaml')]],
  ['import', (d) => ['import', join(d, 'roadmap.md'), '-o', join(d, 'imported.yaml')]],
  ['report -o', (d) => ['report', join(d, 'plan.yaml'), '--today', '2026-03-02', '-o', join(d, 'report.md')]],
  ['export -o', (d) => ['export', join(d, 'plan.yaml'), '--format', 'csv', '--today', '2026-03-02', '-o', join(d, 'plan.csv')]],
];

/** Edits the plan refuses, one per edit command. */
const REFUSED: [string, (dir: string) => string[], RegExp][] = [
  ['tick', (d) => ['tick', join(d, 'plan.yaml'), 'Z'], /unknown issue "Z"/],
  ['untick', (d) => ['untick', join(d, 'plan.yaml'), 'Z'], /unknown issue "Z"/],
  ['status', (d) => ['status', join(d, 'plan.yaml'), 'A', 'doing'], /unknown status "doing"/],
  ['move', (d) => ['move', join(d, 'plan.yaml'), 'A', '--lane', 'cy'], /unknown lane "cy"/],
  ['log', (d) => ['log', join(d, 'plan.yaml'), 'Z', '1h'], /no issue "Z"/],
  ['add', (d) => ['add', join(d, 'plan.yaml'), '--title', 'X', '--lane', 'cy'], /unknown lane "cy"/],
  ['edit', (d) => ['edit', join(d, 'plan.yaml'), 'A', '--status', 'doing'], /unknown status "doing"/],
  ['rm', (d) => ['rm', join(d, 'plan.yaml'), 'A'], /depends|unknown|A/],
  ['init', (d) => ['init', join(d, 'plan.yaml')], /already exists/],
  ['import', (d) => ['import', join(d, 'roadmap.md'), '-o', join(d, 'plan.yaml')], /already exists/],
];

function run(args: string[], as?: number) {
  const cmd = as === undefined ? [process.execPath, BIN, ...args] : ['setpriv', `--reuid=${as}`, `--regid=${as}`, '--clear-groups', process.execPath, BIN, ...args];
  const r = spawnSync(cmd[0], cmd.slice(1), { encoding: 'utf8', timeout: 60_000, env: { ...process.env, PLANBOARD_LOCK_STALE_MS: '2000' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function fixture(dir: string) {
  writeFileSync(join(dir, 'plan.yaml'), PLAN);
  writeFileSync(join(dir, 'roadmap.md'), ROADMAP);
}

/** The directory's files, as they were: what a failed command must leave. */
const contents = (dir: string) =>
  Object.fromEntries(readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name).sort().map((n) => [n, readFileSync(join(dir, n), 'utf8')]));

function expectCleanFailure(r: ReturnType<typeof run>, why: RegExp) {
  expect(r.err).not.toMatch(/internal error|\n\s+at |Error:/);
  expect(r.err).toMatch(why);
  expect(r.code).toBe(1);
}

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build first`);
});

describe('disk full (a real full tmpfs)', () => {
  const mnt = mkdtempSync(join(tmpdir(), 'pb-full-'));
  beforeAll(() => {
    const m = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k,mode=0777', 'tmpfs', mnt], { encoding: 'utf8' });
    if (m.status !== 0) throw new Error(`this test needs root to mount a tmpfs (mount said: ${m.stderr.trim()})`);
    fixture(mnt);
    // Fill what is left, to the last page.
    try {
      writeFileSync(join(mnt, 'filler'), Buffer.alloc(1024 * 1024));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
    }
    for (let i = 0; i < 64; i++) {
      try {
        writeFileSync(join(mnt, `filler-${i}`), 'x'.repeat(4096));
      } catch {
        break;
      }
    }
  });
  afterAll(() => {
    spawnSync('umount', [mnt]);
    rmSync(mnt, { recursive: true, force: true });
  });

  it.each(WRITERS)('%s: exit 1, "no space left", every file as it was', (_name, args) => {
    const before = contents(mnt);
    const r = run(args(mnt));
    expectCleanFailure(r, /no space left on the device/);
    expect(contents(mnt)).toEqual(before);
  });
});

describe('no permission (another user, a directory only root may write)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pb-perm-'));
  beforeAll(() => {
    if (process.getuid?.() !== 0) throw new Error('this test drops privileges with setpriv and must start as root');
    if (spawnSync('setpriv', ['--version']).status !== 0) throw new Error('this test needs setpriv (util-linux)');
    fixture(dir);
    chmodSync(dir, 0o755);
    for (const f of readdirSync(dir)) chmodSync(join(dir, f), 0o644);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(WRITERS)('%s: exit 1, says it may not write, every file as it was', (_name, args) => {
    const before = contents(dir);
    const r = run(args(dir), NOBODY);
    expectCleanFailure(r, /not writable|read-only|permission denied|not permitted/);
    expect(contents(dir)).toEqual(before);
  });
});

describe('an edit the plan refuses', () => {
  it.each(REFUSED)('%s: exit 1 with the reason, the plan as it was', (_name, args, why) => {
    const dir = mkdtempSync(join(tmpdir(), 'pb-refuse-'));
    fixture(dir);
    const before = contents(dir);
    const r = run(args(dir));
    expectCleanFailure(r, why);
    expect(contents(dir)).toEqual(before);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('paths that are not plans', () => {
  it('a symlink loop is said to be a link loop, not "read-only", by reading and writing commands', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pb-loop-'));
    symlinkSync(join(dir, 'b.yaml'), join(dir, 'a.yaml'));
    symlinkSync(join(dir, 'a.yaml'), join(dir, 'b.yaml'));
    for (const args of [['tick', join(dir, 'a.yaml'), 'A'], ['log', join(dir, 'a.yaml'), 'A', '1h'], ['validate', join(dir, 'a.yaml')]]) {
      const r = run(args);
      expectCleanFailure(r, /link loop/);
      expect(r.err).not.toMatch(/read-only|kept in memory/);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('an unreadable plan (mode 600, another owner): exit 1, "permission denied", from readers and writers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pb-unread-'));
    fixture(dir);
    chmodSync(dir, 0o777);
    chmodSync(join(dir, 'plan.yaml'), 0o600);
    for (const args of [['validate', join(dir, 'plan.yaml')], ['schedule', join(dir, 'plan.yaml')], ['log', join(dir, 'plan.yaml'), 'A', '1h'], ['tick', join(dir, 'plan.yaml'), 'A']]) {
      const r = run(args, NOBODY);
      expectCleanFailure(r, /permission denied/);
    }
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toBe(PLAN);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a read-only plan: the CLI says nothing was written, not that edits are kept in memory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pb-ro-'));
    fixture(dir);
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'plan.yaml'), 0o444);
    const r = run(['tick', join(dir, 'plan.yaml'), 'A'], NOBODY);
    expectCleanFailure(r, /nothing was written/);
    expect(r.err).not.toMatch(/kept in memory/);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('a closed pipe', () => {
  it('planboard schedule PLAN --json | head -1 ends quietly, without an EPIPE stack', () => {
    const big = join(mkdtempSync(join(tmpdir(), 'pb-pipe-')), 'big.yaml');
    const gen = spawnSync(process.execPath, [resolve(REPO, 'bench/gen.mjs'), '--issues', '1000', '-o', big], { encoding: 'utf8' });
    expect(gen.status).toBe(0);
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" schedule "${big}" --json --today 2026-01-05 | head -1`], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stdout).toBe('{\n');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
