// Shared by the board's tests: a small plan and a store over an in-memory file.
import { loadPlanText } from '../../src/core/plan/load.js';
import { applyOps } from '../../src/core/plan/ops.js';
import type { Op } from '../../src/core/plan/op-types.js';
import { createBoardStore, type Persistence } from '../../src/store/index.js';

export const TODAY = '2026-03-02';

export const PLAN = `planboard: 1
title: Test plan
as_of: 2026-03-01
statuses: [todo, in-progress, review, done]
priorities: [critical, high, medium, low]
lanes:
  - id: ann
    name: Ann
    capacity: 40h/w
  - id: bob
    name: Bob
    capacity: 20h/w
  - id: cy
    capacity: 8h/w
groups:
  - id: P1
    title: Phase one
milestones:
  - id: M1
    title: First release
    deadline: 2026-04-30
issues:
  - id: A-1
    title: Set up the repository
    status: done
    done_on: 2026-02-20
    estimate: 1d
    lane: ann
    group: P1
    milestone: M1
  - id: A-2
    title: Write the parser
    status: in-progress
    estimate: 3d
    lane: ann
    priority: critical
    group: P1
    depends_on: [A-1]
    labels: [core]
    subtasks:
      - title: tokens
        done: true
      - grammar
      - errors
  - id: A-3
    title: Render the board
    estimate: 2-4d
    lane: bob
    priority: high
    depends_on: [A-2]
    deliverables: [board.tsx]
  - id: A-4
    title: Document the format
    estimate: 1d
    labels: [docs]
    log:
      - date: 2026-02-27
        hours: 2
        note: outline
`;

/** A file held in memory: commit applies ops to it (conflicts never arise here). */
export function memoryFile(text: string) {
  const file = { text, commits: 0 };
  const persistence: Persistence = {
    commit: async (_path, ops: Op[]) => {
      file.text = applyOps(file.text, ops);
      file.commits++;
      return { text: file.text, conflicts: [] };
    },
    read: async () => ({ ok: true, text: file.text }),
    parse: (t, path) => {
      const r = loadPlanText(t, path);
      return r.ok ? { ok: true, data: r.plan.data } : { ok: false, message: r.problems.map((p) => p.message).join('; ') };
    },
  };
  return { file, persistence };
}

export function makeStore(text = PLAN, opts: { persistence?: Persistence; today?: string } = {}) {
  const r = loadPlanText(text, 'plan.yaml');
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.line}:${p.col} ${p.message}`).join('\n'));
  const mem = memoryFile(text);
  const store = createBoardStore({ file: 'plan.yaml', text, data: r.plan.data, today: opts.today ?? TODAY, persistence: opts.persistence ?? mem.persistence });
  return { store, file: mem.file };
}


/** A store on PLAN written at a real path; persistence defaults to the real file store. */
export function openOnDisk(file: string, persistence?: Persistence) {
  const r = loadPlanText(PLAN, file);
  if (!r.ok) throw new Error('fixture does not load');
  return createBoardStore({ file, text: PLAN, data: r.plan.data, today: TODAY, persistence });
}
