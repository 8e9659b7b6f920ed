// `planboard validate`: exit codes, one PLAN:LINE:COL: line per problem, never a stack trace.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import type { Io } from '../../../src/cli/command.js';

const cwd = process.cwd();
const BAD = 'test/fixtures/bad';
const tmp = mkdtempSync(join(tmpdir(), 'planboard-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), cwd, isTTY: false };
  const code = await main(['validate', ...args], io);
  const lines = (xs: string[]) => xs.join('\n').split('\n').filter(Boolean);
  return { code, out: lines(out), err: lines(err) };
}

const STACK = /^\s+at |Error:|\.ts:\d+|\.js:\d+:\d+/m;

describe('planboard validate', () => {
  it('exits 0 and prints one ok line per valid plan', async () => {
    const r = await run('test/fixtures/valid/minimal.yaml', 'test/fixtures/valid/full.yaml');
    expect(r).toEqual({ code: 0, out: ['ok test/fixtures/valid/minimal.yaml (2 issues)', 'ok test/fixtures/valid/full.yaml (4 issues)'], err: [] });
  });

  it('exits 1 with one PLAN:LINE:COL: message line per problem, naming the plan as typed', async () => {
    const r = await run(`${BAD}/unknown-key.yaml`);
    expect(r).toEqual({
      code: 1,
      out: [],
      err: [
        `${BAD}/unknown-key.yaml:5:5: unknown key "capcity" (did you mean "capacity"?)`,
        `${BAD}/unknown-key.yaml:9:5: unknown key "estimat" (did you mean "estimate"?)`,
      ],
    });
  });

  it('checks every file named and fails if any fails', async () => {
    const r = await run('test/fixtures/valid/minimal.yaml', `${BAD}/cycle.yaml`);
    expect(r.code).toBe(1);
    expect(r.out).toEqual(['ok test/fixtures/valid/minimal.yaml (2 issues)']);
    expect(r.err).toEqual([`${BAD}/cycle.yaml:6:18: dependency cycle: A -> C -> B -> A`]);
  });

  it.each([
    ['syntax.yaml'],
    ['duplicate-id.yaml'],
    ['unknown-lane.yaml'],
    ['unknown-milestone.yaml'],
    ['unknown-dependency.yaml'],
    ['cycle.yaml'],
    ['bad-estimate.yaml'],
    ['bad-date.yaml'],
    ['range-min-max.yaml'],
    ['empty.yaml'],
    ['billion-laughs.yaml'],
  ])('fails %s with exit 1, PLAN:LINE:COL lines and no stack trace', async (name) => {
    const r = await run(`${BAD}/${name}`);
    expect(r.code).toBe(1);
    expect(r.out).toEqual([]);
    expect(r.err.length).toBeGreaterThan(0);
    for (const line of r.err) expect(line).toMatch(new RegExp(`^${BAD}/${name.replace('.', '\\.')}:\\d+:\\d+: \\S`));
    expect(r.err.join('\n')).not.toMatch(STACK);
  });

  it('fails a missing file, a directory, a binary file and a 50 MB file cleanly', async () => {
    const bin = join(tmp, 'x.bin');
    writeFileSync(bin, Buffer.from([1, 2, 0, 3]));
    const big = join(tmp, 'big.yaml');
    writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 'a'));
    const r = await run('nope.yaml', 'test', bin, big);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      'nope.yaml:1:1: file not found',
      'test:1:1: is a directory, not a plan file',
      `${bin}:1:1: binary file (a NUL byte at offset 2), not a YAML plan`,
      `${big}:1:1: file is too large (50.0 MB; a plan may be at most 20.0 MB)`,
    ]);
  });

  it('prints warnings on stderr but still exits 0', async () => {
    const p = join(tmp, 'warn.yaml');
    writeFileSync(p, 'planboard: 1\ntitle: W\nissues:\n  - {id: A, title: a, priority: P0}\n');
    const r = await run(p);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([`${p}:4:33: warning: priority "P0" is not one of the plan's priorities (critical, high, medium, low)`]);
    expect((await run('--quiet', p)).err).toEqual([]);
  });

  it('reports as JSON with --json', async () => {
    const r = await run('--json', 'test/fixtures/valid/minimal.yaml', `${BAD}/unknown-lane.yaml`);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out.join('\n'))).toEqual({ version: 1, plans: [
      { file: 'test/fixtures/valid/minimal.yaml', ok: true, issues: 2, problems: [], warnings: [] },
      {
        file: `${BAD}/unknown-lane.yaml`,
        ok: false,
        problems: [{ file: `${BAD}/unknown-lane.yaml`, line: 9, col: 11, message: 'unknown lane "alce" (did you mean "alice"?)' }],
        warnings: [],
      },
    ] });
  });

  it('exits 2 with usage when no plan is named or an option is unknown', async () => {
    expect((await run()).code).toBe(2);
    const r = await run('--frobnicate', 'x.yaml');
    expect(r.code).toBe(2);
    expect(r.err.slice(0, 2)).toEqual(['planboard validate: unknown option --frobnicate', 'usage: planboard validate PLAN... [options]']);
  });
});

describe('the built binary', () => {
  const bin = join(cwd, 'dist/planboard.js');
  it('validates from the command line with the right exit codes (needs `npm run build`)', () => {
    expect(existsSync(bin), 'dist/planboard.js is missing: run npm run build').toBe(true);
    const good = spawnSync(process.execPath, [bin, 'validate', 'test/fixtures/valid/full.yaml'], { encoding: 'utf8' });
    expect([good.status, good.stdout, good.stderr]).toEqual([0, 'ok test/fixtures/valid/full.yaml (4 issues)\n', '']);
    const bad = spawnSync(process.execPath, [bin, 'validate', `${BAD}/billion-laughs.yaml`, `${BAD}/empty.yaml`], { encoding: 'utf8', timeout: 10_000 });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe(
      `${BAD}/billion-laughs.yaml:8:8: aliases expand to more than 100000 values: refusing a possible alias bomb ("billion laughs")\n` +
        `${BAD}/empty.yaml:1:1: file is empty\n`,
    );
  });
});
