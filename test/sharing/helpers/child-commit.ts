// Child process for the store tests.
//   one PLAN OPS_JSON [BASE_FILE]   one commitOps; prints the outcome as JSON
//   stress PLAN ID N ISSUES LANES   N random edits, each with a unique log note; prints a JSON journal
import { readFile } from 'node:fs/promises';
import { commitOps, resolveConflicts, type Conflict } from '../../../src/core/persist/file-store.js';
import type { Op } from '../../../src/core/plan/op-types.js';

const [cmd, path, a, b, c, d] = process.argv.slice(2);

async function one(ops: Op[], baseText?: string) {
  try {
    const r = await commitOps(path, ops, { baseText });
    return { ok: true as const, text: r.text, conflicts: r.conflicts };
  } catch (e) {
    return { ok: false as const, error: (e as Error).constructor.name, code: (e as { code?: string }).code, message: (e as Error).message };
  }
}

const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

if (cmd === 'one') {
  const r = await one(JSON.parse(a) as Op[], b ? await readFile(b, 'utf8') : undefined);
  process.stdout.write(JSON.stringify(r));
  process.exitCode = r.ok ? (r.conflicts.length ? 3 : 0) : r.code === 'ENOWRITE' ? 4 : 1;
} else if (cmd === 'stress') {
  const me = a;
  const n = Number(b);
  const issues = c.split(',');
  const lanes = d.split(',');
  const statuses = ['todo', 'in-progress', 'review'];
  const journal: {
    note: string;
    id: string;
    /** The field op the save carried (absent when the user kept theirs). */
    op?: Op;
    /** The base text of the attempt that saved (undefined: saved without a base, plain replay). */
    finalBase?: string;
    saved: boolean;
    conflicts: Conflict[][];
    error?: string;
  }[] = [];
  let base = await readFile(path, 'utf8');
  for (let i = 0; i < n; i++) {
    await sleep(Math.random() * 15);
    const id = pick(issues);
    const note = `${me}-${i}`;
    const r = Math.random();
    const fieldOp: Op =
      r < 0.3
        ? { kind: 'tick', id, date: '2026-03-02' }
        : r < 0.65
          ? { kind: 'move-lane', id, lane: pick(lanes) }
          : { kind: 'set-status', id, status: pick(statuses), date: '2026-03-02' };
    let ops: Op[] = [fieldOp, { kind: 'log-time', id, entry: { date: '2026-03-02', hours: 1, note } }];
    const entry: (typeof journal)[number] = { note, id, op: fieldOp, saved: false, conflicts: [] };
    journal.push(entry);
    // Like a board: half the edits are made against the text we last saw, which may be stale.
    let baseText: string | undefined = Math.random() < 0.5 ? base : undefined;
    for (let attempt = 0; attempt < 10; attempt++) {
      const res = await one(ops, baseText);
      if (!res.ok) {
        entry.error = res.message;
        break;
      }
      base = res.text;
      if (!res.conflicts.length) {
        entry.saved = true;
        entry.finalBase = baseText;
        break;
      }
      entry.conflicts.push(res.conflicts);
      const choice = Math.random() < 0.5 ? 'mine' : 'theirs';
      ops = resolveConflicts(ops, res.conflicts, choice);
      if (!ops.some((o) => o.kind !== 'log-time')) entry.op = undefined;
      baseText = res.text;
    }
  }
  process.stdout.write(JSON.stringify(journal));
}
