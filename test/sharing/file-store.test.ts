import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commitOps, NoWriteAccessError, PlanReadError, resolveConflicts } from '../../src/core/persist/file-store.js';
import { loadPlanText } from '../../src/core/plan/load.js';
import type { Op } from '../../src/core/plan/op-types.js';
import { buildChild } from './helpers/build-child.js';
import { PLAN } from './fixture.js';

let dir: string;
let n = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pb-store-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fresh = (text = PLAN) => {
  const p = join(dir, `plan-${++n}.yaml`);
  writeFileSync(p, text);
  return p;
};
const issue = (text: string, id: string) => {
  const r = loadPlanText(text, 'x');
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.plan.data.issues!.find((i) => i.id === id)!;
};

describe('commitOps', () => {
  it('applies the ops to the file on disk and keeps comments and untouched lines', async () => {
    const p = fresh();
    const r = await commitOps(p, [{ kind: 'move-lane', id: 'S-4', lane: 'cy' }]);
    const text = readFileSync(p, 'utf8');
    expect(r).toEqual({ text, conflicts: [] });
    expect(issue(text, 'S-4').lane).toBe('cy');
    expect(text).toContain('  - id: ana   # Ana, mornings\n');
    expect(text).toContain('    title: Second   # keep me\n');
  });

  it("replays our ops onto another session's save: different issues merge silently", async () => {
    const p = fresh();
    await commitOps(p, [{ kind: 'move-lane', id: 'S-1', lane: 'bo' }]); // another session
    const r = await commitOps(p, [{ kind: 'tick', id: 'S-2', date: '2026-03-02' }], { baseText: PLAN });
    expect(r.conflicts).toEqual([]);
    const text = readFileSync(p, 'utf8');
    expect(issue(text, 'S-1').lane).toBe('bo');
    expect(issue(text, 'S-2')).toMatchObject({ status: 'done', done_on: '2026-03-02' });
  });

  it('the same field changed two ways: returns the conflict and writes nothing', async () => {
    const p = fresh();
    await commitOps(p, [{ kind: 'move-lane', id: 'S-1', lane: 'bo' }]);
    const before = readFileSync(p, 'utf8');
    const r = await commitOps(p, [{ kind: 'move-lane', id: 'S-1', lane: 'cy' }, { kind: 'tick', id: 'S-2', date: '2026-03-02' }], {
      baseText: PLAN,
    });
    expect(r.conflicts).toEqual([{ id: 'S-1', field: 'lane', mine: 'cy', theirs: 'bo' }]);
    expect(r.text).toBe(before);
    expect(readFileSync(p, 'utf8')).toBe(before);
  });

  it('after the user keeps "theirs", the retry saves the rest of our edits', async () => {
    const p = fresh();
    await commitOps(p, [{ kind: 'move-lane', id: 'S-1', lane: 'bo' }]);
    const ops: Op[] = [{ kind: 'move-lane', id: 'S-1', lane: 'cy' }, { kind: 'tick', id: 'S-2', date: '2026-03-02' }];
    const first = await commitOps(p, ops, { baseText: PLAN });
    const r = await commitOps(p, resolveConflicts(ops, first.conflicts, 'theirs'), { baseText: first.text });
    expect(r.conflicts).toEqual([]);
    expect(issue(r.text, 'S-1').lane).toBe('bo');
    expect(issue(r.text, 'S-2').status).toBe('done');
  });

  it('after the user keeps "mine", the retry writes our value', async () => {
    const p = fresh();
    await commitOps(p, [{ kind: 'move-lane', id: 'S-1', lane: 'bo' }]);
    const ops: Op[] = [{ kind: 'move-lane', id: 'S-1', lane: 'cy' }];
    const first = await commitOps(p, ops, { baseText: PLAN });
    const r = await commitOps(p, resolveConflicts(ops, first.conflicts, 'mine'), { baseText: first.text });
    expect(r.conflicts).toEqual([]);
    expect(issue(readFileSync(p, 'utf8'), 'S-1').lane).toBe('cy');
  });

  it('never saves over a file that does not read as a plan (empty or broken)', async () => {
    for (const broken of ['', PLAN.slice(0, 200), 'planboard: 1\ntitle: [x\n']) {
      const p = fresh(broken);
      const err = await commitOps(p, [{ kind: 'tick', id: 'S-1', date: '2026-03-02' }]).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PlanReadError);
      expect((err as Error).message).toContain(p);
      expect(readFileSync(p, 'utf8')).toBe(broken);
    }
  });

  it('saves concurrent edits from one process one after another, losing none', async () => {
    const p = fresh();
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        commitOps(p, [{ kind: 'log-time', id: 'S-3', entry: { date: '2026-03-02', hours: 1, note: `n${i}` } }]),
      ),
    );
    expect(issue(readFileSync(p, 'utf8'), 'S-3').log).toHaveLength(12);
  });
});

describe('commitOps without write access', () => {
  // Root ignores file modes, so as root the save runs in a child process as an unprivileged user.
  let child: string;
  beforeAll(async () => {
    child = await buildChild('child-commit');
  });
  const asUser = (args: string[]) =>
    new Promise<{ code: number; out: string }>((res) => {
      const uid = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
      execFile(process.execPath, [child, ...args], { ...uid }, (e, out) =>
        res({ code: e ? ((e as { code?: number }).code ?? 1) : 0, out }),
      );
    });
  const roDir = () => {
    const d = join(dir, `ro-${++n}`);
    mkdirSync(d);
    chmodSync(dir, 0o755);
    chmodSync(child.replace(/\/[^/]+$/, ''), 0o755);
    return d;
  };

  it('a read-only file: a typed error naming the path, the file untouched', async () => {
    const d = roDir();
    chmodSync(d, 0o777);
    const p = join(d, 'plan.yaml');
    writeFileSync(p, PLAN);
    chmodSync(p, 0o444);
    if (process.getuid?.() === 0) chownSync(p, 0, 0);
    const r = await asUser(['one', p, JSON.stringify([{ kind: 'tick', id: 'S-1', date: '2026-03-02' }])]);
    expect(r.code).toBe(4);
    expect(JSON.parse(r.out)).toMatchObject({ error: NoWriteAccessError.name, message: expect.stringContaining(p) });
    expect(JSON.parse(r.out).message).toContain('read-only');
    expect(readFileSync(p, 'utf8')).toBe(PLAN);
  });

  it('a read-only directory: a typed error naming the directory', async () => {
    const d = roDir();
    const p = join(d, 'plan.yaml');
    writeFileSync(p, PLAN);
    chmodSync(p, 0o666);
    chmodSync(d, 0o555);
    const r = await asUser(['one', p, JSON.stringify([{ kind: 'tick', id: 'S-1', date: '2026-03-02' }])]);
    chmodSync(d, 0o755);
    expect(r.code).toBe(4);
    expect(JSON.parse(r.out).message).toContain(`the directory ${d} is not writable`);
    expect(readFileSync(p, 'utf8')).toBe(PLAN);
  });
});
