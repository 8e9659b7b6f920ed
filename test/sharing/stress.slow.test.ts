// 4 processes × 50 random edits against one plan, at once. Each edit saves a field change (tick,
// move, status) together with a uniquely-noted log entry on the same issue, so the file itself
// records which edits landed and, per issue, in which order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadPlanText } from '../../src/core/plan/load.js';
import type { Op } from '../../src/core/plan/op-types.js';
import type { Conflict } from '../../src/core/persist/rebase.js';
import { buildChild } from './helpers/build-child.js';
import { PLAN } from './fixture.js';

const run = promisify(execFile);
const PROCS = 4;
const EDITS = 50;
const ISSUES = ['S-1', 'S-2', 'S-3', 'S-4', 'S-5'];

interface Edit {
  note: string;
  id: string;
  op?: Op;
  finalBase?: string;
  saved: boolean;
  conflicts: Conflict[][];
  error?: string;
}

let dir: string;
let child: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pb-stress-'));
  child = await buildChild('child-commit');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const data = (text: string) => {
  const r = loadPlanText(text, 'plan.yaml');
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.line}:${p.col} ${p.message}`).join('\n'));
  return r.plan.data;
};
const fieldOf = (op: Op) => (op.kind === 'move-lane' ? 'lane' : 'status');
const valueOfOp = (op: Op) => (op.kind === 'move-lane' ? op.lane : op.kind === 'tick' ? 'done' : op.kind === 'set-status' ? op.status : undefined);

describe('4 processes editing one plan at once', () => {
  it('lose no saved edit, report every conflict, and leave a valid plan', { timeout: 120_000 }, async () => {
    const plan = join(dir, 'plan.yaml');
    writeFileSync(plan, PLAN);
    const journals = await Promise.all(
      Array.from({ length: PROCS }, (_, p) =>
        run(process.execPath, [child, 'stress', plan, `p${p}`, String(EDITS), ISSUES.join(','), 'ana,bo,cy'], {
          maxBuffer: 64 << 20,
        }).then((r) => JSON.parse(r.stdout) as Edit[]),
      ),
    );
    const edits = journals.flat();
    expect(edits).toHaveLength(PROCS * EDITS);
    expect(edits.filter((e) => e.error)).toEqual([]);

    // The file parses and validates.
    const final = data(readFileSync(plan, 'utf8'));
    const byId = new Map(final.issues!.map((i) => [i.id, i]));

    // Every saved edit is present exactly once; nothing unsaved slipped in.
    const notes = final.issues!.flatMap((i) => (i.log ?? []).map((l) => `${i.id}:${l.note}`));
    expect(new Set(notes).size).toBe(notes.length);
    expect(notes.sort()).toEqual(edits.filter((e) => e.saved).map((e) => `${e.id}:${e.note}`).sort());

    const initial = new Map(data(PLAN).issues!.map((i) => [i.id, i]));
    for (const id of ISSUES) {
      // Saved edits of this issue, in save order (the order of their log entries).
      const order = (byId.get(id)!.log ?? []).map((l) => l.note);
      const saved = edits.filter((e) => e.saved && e.id === id).sort((a, b) => order.indexOf(a.note) - order.indexOf(b.note));
      for (const field of ['status', 'lane'] as const) {
        let value: unknown = initial.get(id)![field];
        for (const e of saved) {
          if (!e.op || fieldOf(e.op) !== field) continue;
          const mine = valueOfOp(e.op);
          // No silent overwrite: if the field changed since this edit's base to something else,
          // saving our different value must have gone through a reported conflict first.
          if (e.finalBase !== undefined) {
            const atBase = data(e.finalBase).issues!.find((i) => i.id === id)![field];
            const overwrote = value !== atBase && mine !== atBase && mine !== value;
            expect(overwrote, `${e.note} overwrote ${id}.${field} ${String(value)} → ${String(mine)} silently`).toBe(false);
          }
          value = mine;
        }
        // Last writer wins, in save order.
        expect(byId.get(id)![field], `${id}.${field}`).toBe(value);
      }
    }

    // Conflicts were reported with both values, naming the issue the edit touched.
    const reported = edits.flatMap((e) => e.conflicts.flat().map((c) => ({ e, c })));
    expect(reported.length).toBeGreaterThan(0);
    for (const { e, c } of reported) {
      expect(c.id).toBe(e.id);
      expect(c.mine).not.toEqual(c.theirs);
    }
  });
});
