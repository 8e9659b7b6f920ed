// The fast read of a plan, without zod and without yaml's Document: js-yaml's events
// (fast-convert.ts), the hand checks (fast-plan.ts) and the semantic checks (validate.ts). A
// clean plan, which is what nearly every command reads, never loads the precise read's modules
// (load.ts: yaml's Document, zod and its messages, about 700 KB of code); anything else does.
// test/core/load/bundle-graph.test.ts and lazy-precise.slow.test.ts hold the bundle to that.
import { fastConvert } from './fast-convert.js';
import { fastPlan } from './fast-plan.js';
import { emptyFile, forgetMemo, loadCheckedPlan, loadMemo, memoOf, type LoadResult } from './loaded-plan.js';
import { validatePlan } from './validate.js';

/** The memo's plan for this text, its semantic checks run first if an edit left them to this read. */
export function fromMemo(text: string, file: string): LoadResult | undefined {
  const m = memoOf(text);
  if (!m) return undefined;
  if (!m.checked) {
    const { errors, warnings } = validatePlan(m.data);
    if (errors.length || warnings.length) {
      forgetMemo();
      return undefined;
    }
    m.checked = true;
  }
  return loadMemo(m, file);
}

/**
 * The fast read (fast-convert.ts, fast-plan.ts): accepted only for a plan with no problem and no
 * warning at all; anything else, including whatever the fast parser or the hand checks cannot
 * vouch for, goes the precise way.
 */
export function loadPlanTextFast(text: string, file: string): LoadResult | undefined {
  const raw = fastConvert(text);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const data = fastPlan(raw);
  if (!data) return undefined;
  const { errors, warnings } = validatePlan(data);
  if (errors.length || warnings.length) return undefined;
  return loadCheckedPlan(text, file, data);
}

/**
 * What load.ts's loadPlanText answers, but the precise read (zod, yaml's Document) is loaded only
 * when the fast read steps aside. For callers that can wait: the CLI and file reads.
 */
export async function loadPlanTextLazily(text: string, file: string): Promise<LoadResult> {
  return emptyFile(text, file) ?? fromMemo(text, file) ?? loadPlanTextFast(text, file) ?? loadPlanTextPrecisely(text, file);
}

/** The precise read, loaded now. */
export async function loadPlanTextPrecisely(text: string, file: string): Promise<LoadResult> {
  return (await import('./load.js')).loadPlanTextPrecise(text, file);
}
