// Edits as data, applied two ways: to the plan's data (pure and fast: the board calls it per
// keypress) and to the plan's YAML text (lossless: only the edited issues' lines change, and the
// result is re-read and checked against the data before anyone may write it). What each op kind
// does lives in src/core/ops/; this module runs sequences of them.
import { isDeepStrictEqual } from 'node:util';
import type { Op } from './op-types.js';
import type { PlanData } from './model.js';
import { fastEditText } from './fast-edit.js';
import { formatProblem, isFastLoaded, loadPlanText, rememberPlanText, type LoadedPlan, type Problem } from './load.js';
import { validatePlan } from './validate.js';
import { applyOp, needsPlanCheck, textEditOf } from '../ops/index.js';
import { diffText, EditError, fullDiffText } from '../ops/diff-text.js';
import { OpError } from '../ops/data.js';

export { OpError, EditError } from '../ops/index.js';
export { describeOp } from '../ops/index.js';

/** The plan text does not load, so it cannot be edited. */
export class PlanTextError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}

/**
 * Applies one op to plan data. Pure: returns new data sharing every untouched object with the
 * old, or the same object when the op changes nothing. Throws OpError for an unknown issue id,
 * lane or status, or a bad value. A lane must be one of the plan's `lanes:`; `null` unassigns.
 */
export function applyOpToData(data: PlanData, op: Op): PlanData {
  return applyOp(data, op);
}

export interface ApplyOptions {
  /** File name for problem messages. */
  file?: string;
  /** The text already loaded (e.g. by readPlanFile): skips loading it again when it is this text. */
  loaded?: LoadedPlan;
  /** false: always edit through the whole YAML Document (the fast path's reference, for tests). */
  fast?: boolean;
}

export interface Applied {
  text: string;
  data: PlanData;
}

/**
 * Applies ops to the plan's text, editing only the changed leaves (or, for ops that place or
 * move whole items, only those items' lines), and returns the new text with the data it reads
 * as. Throws PlanTextError when the text does not load, OpError for a bad op (or one that would
 * leave the plan invalid), EditError when the edit cannot be made losslessly.
 */
export function applyOpsDetailed(text: string, ops: Op[], opts: ApplyOptions = {}): Applied {
  const file = opts.file ?? 'plan';
  const loaded = opts.loaded?.text === text ? { ok: true as const, plan: opts.loaded } : loadPlanText(text, file);
  if (!loaded.ok) throw new PlanTextError(loaded.problems);
  const before = loaded.plan.data;
  const intended = ops.reduce(applyOpToData, before);
  if (intended === before) return { text, data: before };

  let next: string;
  if (ops.every((op) => textEditOf(op) === 'diff')) {
    if (opts.fast !== false) {
      const fast = fastEditText(text, before, intended);
      if (fast !== undefined && (!ops.some(needsPlanCheck) || validatePlan(intended).errors.length === 0)) {
        // The new text reads as `intended` (checked item by item): a later load of it can skip the parse.
        if (isFastLoaded(loaded.plan)) rememberPlanText(fast, intended);
        return { text: fast, data: intended };
      }
    }
    next = fullDiffText(text, before, intended, loaded.plan.doc);
  } else {
    next = editInSteps(text, before, ops, opts.fast !== false);
  }

  const check = loadPlanText(next, file);
  if (!check.ok) {
    throw new OpError(`refused: after this edit the plan would not load:\n${check.problems.map(formatProblem).join('\n')}`);
  }
  if (!isDeepStrictEqual(check.plan.data, intended)) {
    throw new EditError(`refused: the edited text does not read back as intended${firstDifference(check.plan.data, intended)}`);
  }
  return { text: next, data: intended };
}

/**
 * Runs of ops that edit fields go through the leaf diff together; an op with its own text edit
 * (placing, moving or restoring whole items) edits the text between them. Checked by the caller.
 */
function editInSteps(text: string, before: PlanData, ops: Op[], fast: boolean): string {
  let data = before;
  let batchFrom = before;
  const flush = () => {
    if (batchFrom !== data) text = fast ? diffText(text, batchFrom, data) : fullDiffText(text, batchFrom, data);
    batchFrom = data;
  };
  for (const op of ops) {
    const edit = textEditOf(op);
    const after = applyOpToData(data, op);
    if (edit !== 'diff') {
      flush();
      const t = edit(text, data, op);
      if (t !== undefined) {
        text = t;
        data = batchFrom = after;
        continue;
      }
    }
    data = after;
  }
  flush();
  return text;
}

/** Lossless text edit: see applyOpsDetailed. */
export function applyOps(text: string, ops: Op[], opts: ApplyOptions = {}): string {
  return applyOpsDetailed(text, ops, opts).text;
}

function firstDifference(got: PlanData, want: PlanData): string {
  for (const k of new Set([...Object.keys(got), ...Object.keys(want)]) as Set<keyof PlanData>) {
    if (k === 'issues') continue;
    if (!isDeepStrictEqual(got[k], want[k])) return ` (in "${k}")`;
  }
  const a = got.issues ?? [];
  const b = want.issues ?? [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (!isDeepStrictEqual(a[i], b[i])) return ` (at issue "${(b[i] ?? a[i]).id}")`;
  }
  return '';
}
