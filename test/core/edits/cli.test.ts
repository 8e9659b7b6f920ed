// The edit commands: exit codes, messages, and a file left untouched on any error.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main.js';
import type { Io } from '../../../src/cli/command.js';

const PLAN = `# A plan for the CLI tests.
planboard: 1
title: CLI
lanes:
  - id: ana
  - id: bo
issues:
  - id: A
    title: Alpha # first
    status: todo
    lane: ana
  - id: B
    title: Beta
    status: done
    done_on: 2026-01-02
`;

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pb-cli-'));
  file = join(dir, 'plan.yaml');
  writeFileSync(file, PLAN);
  // An old mtime, so "untouched" can be told from "rewritten with the same bytes".
  utimesSync(file, new Date('2020-01-01T00:00:00Z'), new Date('2020-01-01T00:00:00Z'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir, isTTY: false };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const untouched = () => {
  expect(readFileSync(file, 'utf8')).toBe(PLAN);
  expect(statSync(file).mtime.toISOString()).toBe('2020-01-01T00:00:00.000Z');
};

describe('planboard tick / untick / move / status', () => {
  it('tick marks the issue done on --today and says so', async () => {
    const r = await cli('tick', 'plan.yaml', 'A', '--today', '2026-03-02');
    expect(r).toMatchObject({ code: 0, out: 'A → done (2026-03-02)', err: '' });
    expect(readFileSync(file, 'utf8')).toBe(PLAN.replace('status: todo\n    lane: ana\n', 'status: done\n    lane: ana\n    done_on: 2026-03-02\n'));
  });
  it('untick returns the issue to todo and removes done_on', async () => {
    const r = await cli('untick', 'plan.yaml', 'B');
    expect(r.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(PLAN.replace('status: done\n    done_on: 2026-01-02\n', 'status: todo\n'));
  });
  it('move sets the lane; --lane - unassigns', async () => {
    expect((await cli('move', 'plan.yaml', 'A', '--lane', 'bo')).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(PLAN.replace('lane: ana', 'lane: bo'));
    expect((await cli('move', 'plan.yaml', 'A', '--lane', '-')).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(PLAN.replace('    lane: ana\n', ''));
  });
  it('status sets the status', async () => {
    const r = await cli('status', 'plan.yaml', 'A', 'review');
    expect(r).toMatchObject({ code: 0, out: 'A → review' });
    expect(readFileSync(file, 'utf8')).toBe(PLAN.replace('status: todo', 'status: review'));
  });

  const errors: [string[], RegExp][] = [
    [['tick', 'plan.yaml', 'Z'], /^planboard tick: plan\.yaml: unknown issue "Z"$/],
    [['tick', 'plan.yaml', 'a'], /^planboard tick: plan\.yaml: unknown issue "a" \(did you mean "A"\?\)$/],
    [['untick', 'plan.yaml', 'Z'], /^planboard untick: plan\.yaml: unknown issue "Z"/],
    [['move', 'plan.yaml', 'A', '--lane', 'cy'], /^planboard move: plan\.yaml: unknown lane "cy"; lanes: ana, bo$/],
    [['move', 'plan.yaml', 'Z', '--lane', 'bo'], /^planboard move: plan\.yaml: unknown issue "Z"$/],
    [['status', 'plan.yaml', 'A', 'doing'], /^planboard status: plan\.yaml: unknown status "doing"; statuses: backlog, todo, in-progress, review, done$/],
  ];
  for (const [argv, message] of errors) {
    it(`${argv.join(' ')} → exit 1, "${message.source}", file untouched`, async () => {
      const r = await cli(...argv);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(message);
      expect(r.err).not.toMatch(/\n\s+at /);
      untouched();
    });
  }
  it('usage errors exit 2 and leave the file alone', async () => {
    for (const argv of [['tick', 'plan.yaml'], ['move', 'plan.yaml', 'A'], ['tick', 'plan.yaml', 'A', '--today', 'someday'], ['tick', 'plan.yaml', 'A', '--today', '2026-13-01'], ['status', 'plan.yaml', 'A']]) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toMatch(/^planboard \w+: .*\n?usage: planboard|^planboard \w+: --today/);
    }
    untouched();
  });
  it('a missing plan file is a clear error, exit 1, and no file appears', async () => {
    const r = await cli('tick', 'nope.yaml', 'A');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/nope\.yaml/);
    expect(() => statSync(join(dir, 'nope.yaml'))).toThrow();
  });
  it('an invalid plan is reported with line and column, exit 1, file untouched', async () => {
    const bad = PLAN.replace('lane: ana', 'lane: nobody');
    writeFileSync(file, bad);
    const r = await cli('tick', 'plan.yaml', 'A');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/plan\.yaml:11:11: unknown lane "nobody"/);
    expect(readFileSync(file, 'utf8')).toBe(bad);
  });
});

describe('--base: an edit decided on an older copy of the plan', () => {
  it('exits 3, names the conflicting field with both values, and writes nothing', async () => {
    const base = join(dir, 'base.yaml');
    writeFileSync(base, PLAN);
    // Someone else moved A to bo since our copy.
    writeFileSync(file, PLAN.replace('    lane: ana\n  - id: B', '    lane: bo\n  - id: B'));
    const mover = await cli('status', 'plan.yaml', 'A', 'review', '--base', 'base.yaml');
    expect(mover.code).toBe(0); // a different field merges silently
    const saved = readFileSync(file, 'utf8');
    expect(saved).toContain('    status: review\n    lane: bo\n');

    writeFileSync(base, saved);
    writeFileSync(file, saved.replace('status: review', 'status: in-progress'));
    const after = readFileSync(file, 'utf8');
    const clash = await cli('status', 'plan.yaml', 'A', 'done', '--base', 'base.yaml');
    expect(clash.code).toBe(3);
    expect(clash.err).toContain('A status: mine "done" / theirs "in-progress"');
    expect(readFileSync(file, 'utf8')).toBe(after);
  });

  it('refuses an unreadable --base with exit 2 and an untouched plan', async () => {
    const r = await cli('tick', 'plan.yaml', 'A', '--base', 'missing.yaml');
    expect(r.code).toBe(2);
    expect(r.err).toContain('cannot read --base missing.yaml: file not found');
    expect(readFileSync(file, 'utf8')).toBe(PLAN);
  });
});
