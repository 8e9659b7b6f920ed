// The model-based interleaving test of the shared-box issue, in process: several boards (the real
// store over the real file persistence) and CLI-like writers run random edit, reload, save,
// stall (a save left running while later events happen), resolve, editor-write and kill events
// against one real file. fast-check generates the event lists and shrinks a failing one.
//
// The invariant: every edit acknowledged as saved is in the final file, or was shown to its user
// as a conflict that the user resolved. Concretely, in the order the writes landed:
//   - every acknowledged log entry (each carries a unique note) is in the final file, once;
//   - an acknowledged write of a field (status, lane) is only ever replaced by a write whose
//     author had seen it (on the board, or in the file they edited), or chose "keep mine" in a
//     conflict dialog that showed it; the final value is the last acknowledged write's.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { commitOps } from '../../../src/core/persist/file-store.js';
import { hostTag } from '../../../src/core/persist/runtime-dir.js';
import { loadPlanText } from '../../../src/core/plan/load.js';
import { applyOps } from '../../../src/core/plan/ops.js';
import type { Op } from '../../../src/core/plan/op-types.js';
import type { PlanData } from '../../../src/core/plan/model.js';
import { createBoardStore, filePersistence, type BoardStore, type Persistence } from '../../../src/store/index.js';
import { describeReload } from '../../../src/store/reload-note.js';
import { hostname } from 'node:os';

export const PLAN = `planboard: 1
title: Interleavings
lanes:
  - id: ana
  - id: bo
  - id: cy
issues:
  - id: I-1
    title: One   # a comment that must survive
    status: todo
    lane: ana
  - id: I-2
    title: Two
    status: in-progress
    lane: bo
  - id: I-3
    title: Three
    status: todo
`;
const ISSUES = ['I-1', 'I-2', 'I-3'];
const LANES = ['ana', 'bo', 'cy'];
const STATUSES = ['todo', 'in-progress', 'review'];
const TODAY = '2026-03-02';

export type Event =
  | { k: 'edit'; b: number; i: number; a: 'tick' | 'status+' | 'status-' | 'lane+' | 'lane-' | 'log' }
  | { k: 'save'; b: number; stall: boolean }
  | { k: 'reload'; b: number }
  | { k: 'resolve'; b: number; keep: 'mine' | 'theirs' | 'later' }
  | { k: 'cli'; i: number; field: 'status' | 'lane' | 'log'; v: number; base: boolean; stall: boolean }
  | { k: 'cli-read' }
  | { k: 'editor'; i: number; v: number }
  | { k: 'kill'; b: number };

export const eventArb = (boards: number): fc.Arbitrary<Event> => {
  const b = fc.nat({ max: boards - 1 });
  // Mostly one issue: sessions meeting on the same issue and field is where edits get lost.
  const i = fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.nat({ max: ISSUES.length - 1 }), weight: 2 });
  return fc.oneof(
    { arbitrary: fc.record({ k: fc.constant('edit' as const), b, i, a: fc.constantFrom('tick', 'status+', 'status-', 'lane+', 'lane-', 'log') }), weight: 5 },
    { arbitrary: fc.record({ k: fc.constant('save' as const), b, stall: fc.boolean() }), weight: 3 },
    { arbitrary: fc.record({ k: fc.constant('reload' as const), b }), weight: 2 },
    { arbitrary: fc.record({ k: fc.constant('resolve' as const), b, keep: fc.constantFrom('mine', 'theirs', 'later') }), weight: 2 },
    {
      arbitrary: fc.record({ k: fc.constant('cli' as const), i, field: fc.constantFrom('status', 'lane', 'log'), v: fc.nat({ max: 2 }), base: fc.boolean(), stall: fc.boolean() }),
      weight: 2,
    },
    { arbitrary: fc.record({ k: fc.constant('cli-read' as const) }), weight: 1 },
    { arbitrary: fc.record({ k: fc.constant('editor' as const), i, v: fc.nat({ max: 2 }) }), weight: 1 },
    { arbitrary: fc.record({ k: fc.constant('kill' as const), b }), weight: 1 },
  );
};

type Field = 'status' | 'lane';
/** What one op writes, and whether its author knew the value it replaces. */
interface Meta {
  id: string;
  field?: Field;
  value?: string;
  /** The value the author saw when deciding (board data / the file they edited). */
  seen?: string;
  /** The author chose "keep mine" in a dialog that showed the other value. */
  informed: boolean;
  note?: string;
}

interface Ack {
  metas: Meta[];
}

export interface Stats {
  runs: number;
  events: number;
  acked: number;
  lost: number;
  conflictsShown: number;
  kills: number;
  stalls: number;
}

export const stats: Stats = { runs: 0, events: 0, acked: 0, lost: 0, conflictsShown: 0, kills: 0, stalls: 0 };

let deadPid = 0;
function aDeadPid(): number {
  if (!deadPid) deadPid = spawnSync(process.execPath, ['-e', '0']).pid!;
  return deadPid;
}

const parse = (text: string): PlanData => {
  const r = loadPlanText(text, 'plan.yaml');
  if (!r.ok) throw new Error(`the file does not load:\n${r.problems.map((p) => `${p.line}:${p.col} ${p.message}`).join('\n')}\n${text}`);
  return r.plan.data;
};
const valueIn = (data: PlanData, id: string, field: Field): string | undefined => {
  const v = data.issues?.find((x) => x.id === id)?.[field];
  return v === undefined ? undefined : String(v);
};

export function makeRoot(): string {
  // tmpfs when there is one: fsync is then cheap, and the test stays in the fast tier.
  const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  return mkdtempSync(join(base, 'pb-interleave-'));
}

/** Runs one event list against a fresh plan; throws on a broken invariant. */
export async function runEvents(root: string, events: Event[], boards: number): Promise<void> {
  const dir = mkdtempSync(join(root, 'r-'));
  const file = join(dir, 'plan.yaml');
  writeFileSync(file, PLAN);
  const metas = new WeakMap<Op, Meta>();
  const acks: Ack[] = [];
  const inflight: Promise<unknown>[] = [];
  let noteSeq = 0;

  // The real file persistence, with the moment each write lands recorded (in write order).
  const persistence: Persistence = {
    ...filePersistence,
    commit: (path, ops, opts) =>
      commitOps(path, ops, {
        ...opts,
        onWritten: () => acks.push({ metas: ops.map((op) => metas.get(op)).filter((m): m is Meta => !!m) }),
      }),
  };
  const open = (): BoardStore => {
    const text = readFileSync(file, 'utf8');
    return createBoardStore({ file, text, data: parse(text), today: TODAY, persistence });
  };
  const stores: BoardStore[] = Array.from({ length: boards }, open);
  let cliBase = PLAN;

  const boardEdit = (s: BoardStore, id: string, a: Extract<Event, { k: 'edit' }>['a']) => {
    const st = s.getState();
    st.select(id);
    const before = st.pending.length;
    const data = st.data;
    let field: Field | undefined;
    if (a === 'tick') (field = 'status'), st.toggleDone();
    else if (a === 'status+' || a === 'status-') (field = 'status'), st.shiftStatus(a === 'status+' ? 1 : -1);
    else if (a === 'lane+' || a === 'lane-') (field = 'lane'), st.shiftLane(a === 'lane+' ? 1 : -1);
    const note = `n${++noteSeq}`;
    if (a === 'log') st.logTime(`1h ${note}`);
    const after = s.getState();
    if (after.pending.length !== before + 1) return; // refused (e.g. already at the last lane)
    const op = after.pending[after.pending.length - 1];
    metas.set(op, field ? { id, field, value: valueIn(after.data, id, field), seen: valueIn(data, id, field), informed: false } : { id, note, informed: false });
  };

  const hadConflicts = stores.map(() => false);
  for (const e of events) {
    stats.events++;
    await step(e);
    // A conflict shown to a board's user: recorded by a save or a reload.
    stores.forEach((s, n) => {
      const has = s.getState().conflicts.length > 0;
      if (has && !hadConflicts[n]) stats.conflictsShown++;
      hadConflicts[n] = has;
    });
  }
  async function step(e: Event): Promise<void> {
    switch (e.k) {
      case 'edit':
        boardEdit(stores[e.b], ISSUES[e.i], e.a);
        break;
      case 'save': {
        const p = stores[e.b].getState().save();
        if (e.stall) {
          stats.stalls++;
          inflight.push(p);
        } else await p;
        break;
      }
      case 'reload': {
        // What the watcher does when the file changed.
        const s = stores[e.b];
        const text = readFileSync(file, 'utf8');
        if (text !== s.getState().baseText) s.getState().reload(text, (a, b) => describeReload(a, b));
        break;
      }
      case 'resolve': {
        const s = stores[e.b];
        const st = s.getState();
        if (!st.conflicts.length || st.fileState === 'saving') break;
        if (e.keep === 'later') {
          st.deferConflicts();
          break;
        }
        if (e.keep === 'mine') {
          // The user saw each conflicting value and chose theirs over it: those ops are informed.
          for (const op of st.pending) {
            const m = metas.get(op);
            if (m?.field && st.conflicts.some((c) => c.id === m.id && (c.field === m.field || (m.field === 'status' && (c.field === 'done_on' || c.field === 'started')))))
              m.informed = true;
          }
        }
        await st.resolveConflicts(e.keep);
        break;
      }
      case 'cli': {
        // `planboard status|move|log PLAN ID …`, with --base (the copy it decided on) or without.
        const id = ISSUES[e.i];
        const diskNow = readFileSync(file, 'utf8');
        const decidedOn = e.base ? cliBase : diskNow;
        let op: Op;
        let meta: Meta;
        if (e.field === 'log') {
          const note = `n${++noteSeq}`;
          op = { kind: 'log-time', id, entry: { date: TODAY, hours: 1, note } };
          meta = { id, note, informed: false };
        } else {
          const value = e.field === 'status' ? STATUSES[e.v] : LANES[e.v];
          op = e.field === 'status' ? { kind: 'set-status', id, status: value, date: TODAY } : { kind: 'move-lane', id, lane: value };
          meta = { id, field: e.field, value, seen: valueIn(parse(decidedOn), id, e.field), informed: false };
        }
        metas.set(op, meta);
        const p = commitOps(file, [op], {
          baseText: e.base ? cliBase : undefined,
          // Without --base the command acts on the file as it is at the moment it writes: informed.
          onWritten: () => acks.push({ metas: [e.base ? meta : { ...meta, informed: true }] }),
        }).then((r) => {
          if (r.conflicts.length) stats.conflictsShown++;
        });
        if (e.stall) inflight.push(p);
        else await p;
        break;
      }
      case 'cli-read':
        cliBase = readFileSync(file, 'utf8');
        break;
      case 'editor': {
        // $EDITOR writes the file in place, without the lock: the user saw what was there.
        const id = ISSUES[e.i];
        const text = readFileSync(file, 'utf8');
        const lane = LANES[e.v];
        const next = applyOps(text, [{ kind: 'move-lane', id, lane }]);
        writeFileSync(file, next);
        acks.push({ metas: [{ id, field: 'lane', value: lane, seen: valueIn(parse(text), id, 'lane'), informed: true }] });
        break;
      }
      case 'kill': {
        // The board's process dies: unsaved edits are gone (never acknowledged), and it leaves
        // what a SIGKILL mid-save leaves: a temp file and a lock whose owner is dead.
        stats.kills++;
        const rt = join(dir, '.planboard');
        mkdirSync(rt, { recursive: true });
        const lock = join(rt, 'plan.yaml.lock');
        if (!existsSync(lock)) {
          mkdirSync(lock);
          writeFileSync(join(lock, 'owner'), JSON.stringify({ pid: aDeadPid(), host: hostname(), token: 'dead' }));
        }
        writeFileSync(join(rt, `plan.yaml.${hostTag()}.${aDeadPid()}.${'0'.repeat(24)}.tmp`), 'half a plan');
        stores[e.b] = open();
        hadConflicts[e.b] = false;
        break;
      }
    }
  }
  await Promise.all(inflight);

  // ---- the invariant ----
  const final = parse(readFileSync(file, 'utf8'));
  const init = parse(PLAN);
  const current = new Map<string, string | undefined>();
  for (const id of ISSUES) for (const f of ['status', 'lane'] as Field[]) current.set(`${id}.${f}`, valueIn(init, id, f));
  const notes: string[] = [];
  for (const ack of acks) {
    stats.acked += ack.metas.length;
    // Within one write only the last value per field lands; the author had seen every value
    // their board showed when making each op of the chain.
    const collapsed = new Map<string, Meta & { seenAll: Set<string | undefined> }>();
    for (const m of ack.metas) {
      if (m.note) collapsed.set(`${m.id}:${m.note}`, { ...m, seenAll: new Set() });
      else {
        const k = `${m.id}.${m.field}`;
        const first = collapsed.get(k);
        const seenAll = new Set(first?.seenAll ?? []).add(m.seen);
        collapsed.set(k, { ...m, seenAll, informed: (first?.informed ?? false) || m.informed });
      }
    }
    for (const m of collapsed.values()) {
      if (m.note) {
        notes.push(`${m.id}:${m.note}`);
        continue;
      }
      const key = `${m.id}.${m.field}`;
      const was = current.get(key);
      if (m.value !== was && !m.seenAll.has(was) && !m.informed) {
        stats.lost++;
        throw new Error(`${key}: the acknowledged value ${String(was)} was overwritten by ${String(m.value)} from an author who had seen ${String(m.seen)} and was never shown a conflict`);
      }
      current.set(key, m.value);
    }
  }
  for (const [key, v] of current) {
    const [id, f] = key.split('.') as [string, Field];
    if (valueIn(final, id, f) !== v) {
      stats.lost++;
      throw new Error(`${key}: the last acknowledged value ${String(v)} is not in the final file (${String(valueIn(final, id, f))})`);
    }
  }
  const inFile = (final.issues ?? []).flatMap((i) => (i.log ?? []).map((l) => `${i.id}:${l.note}`)).filter((n) => /:n\d+$/.test(n));
  for (const n of notes) {
    const count = inFile.filter((x) => x === n).length;
    if (count !== 1) {
      stats.lost++;
      throw new Error(`acknowledged log entry ${n} is in the final file ${count} times`);
    }
  }
  for (const n of inFile) if (!notes.includes(n)) throw new Error(`log entry ${n} is in the file but was never acknowledged`);
  if (!readFileSync(file, 'utf8').includes('# a comment that must survive')) throw new Error('a comment was lost');
  stats.runs++;
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Runs `runs` generated interleavings (boards 2..maxBoards, minEvents..maxEvents events each)
 * and prints what they reached; the caller asserts on `stats`.
 */
export async function checkInterleavings(root: string, o: { runs: number; maxBoards: number; minEvents: number; maxEvents: number }): Promise<Stats> {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 2, max: o.maxBoards }).chain((boards) => fc.tuple(fc.constant(boards), fc.array(eventArb(boards), { minLength: o.minEvents, maxLength: o.maxEvents, size: 'max' }))),
      async ([boards, events]) => {
        await runEvents(root, events, boards);
      },
    ),
    { numRuns: o.runs },
  );
  console.log(`interleavings: ${stats.runs} runs, ${stats.events} events, ${stats.acked} acknowledged edits, ${stats.lost} lost, ${stats.conflictsShown} conflicts shown, ${stats.stalls} stalled saves, ${stats.kills} kills`);
  return stats;
}
