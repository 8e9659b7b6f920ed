// The fast read of a plan, without zod and without yaml's Document: js-yaml's events
// (fast-convert.ts), the hand checks (fast-plan.ts) and the semantic checks (validate.ts). A
// clean plan, which is what nearly every command reads, never loads the precise read's modules
// (load.ts: yaml's Document, zod and its messages, about 1 MB of code); anything else does.
// test/core/load/load-graph.test.ts holds the bundle to that.
import type { Document } from 'yaml';
import { fastConvert } from './fast-convert.js';
import { fastPlan } from './fast-plan.js';
import { buildModel, type Model, type PlanData } from './model.js';
import { validatePlan } from './validate.js';
import { sanitize } from '../text/sanitize.js';

export interface Problem {
  file: string;
  line: number;
  col: number;
  message: string;
}

export interface LoadedPlan {
  file: string;
  text: string;
  doc: Document;
  data: PlanData;
  model: Model;
}

export type LoadResult = { ok: true; plan: LoadedPlan; warnings: Problem[] } | { ok: false; problems: Problem[] };

/** `file:line:col: message`, inert: messages quote plan text, and a path may hold anything. */
export function formatProblem(p: Problem): string {
  return `${sanitize(p.file)}:${p.line}:${p.col}: ${sanitize(p.message)}`;
}

/** Whitespace only (a BOM counts as whitespace): said before either read looks at the text. */
export function emptyFile(text: string, file: string): LoadResult | undefined {
  return /\S/.test(text) ? undefined : { ok: false, problems: [{ file, line: 1, col: 1, message: 'file is empty' }] };
}

// yaml's Document, for the lossless edits' fallback: load.ts hands its parser over when it loads.
// Every module that reads `plan.doc` (ops, fast edits, merge) imports load.ts, so it is there.
let parseDocument: ((text: string) => Document) | undefined;

export function setDocumentParser(parse: (text: string) => Document): void {
  parseDocument = parse;
}

/**
 * A loaded plan whose YAML Document and model are built only when asked for: the Document costs
 * about 20× what the fast read does, and only the lossless text edits' fallback needs it.
 */
export function lazyLoadedPlan(file: string, text: string, data: PlanData, model: Model | (() => Model)): LoadedPlan {
  let doc: Document | undefined;
  let built = typeof model === 'function' ? undefined : model;
  const plan = {
    file,
    text,
    get doc() {
      if (!parseDocument) throw new Error('the YAML Document parser is not loaded (import core/plan/load.js)');
      return (doc ??= parseDocument(text));
    },
    data,
    get model() {
      return (built ??= (model as () => Model)());
    },
  };
  fastLoaded.add(plan);
  return plan;
}

/** Plans that read with no problem and no warning at all (what the fast read accepts). */
const fastLoaded = new WeakSet<LoadedPlan>();

/** Whether this plan loaded clean through the fast read (no warnings, no YAML feature it avoids). */
export const isFastLoaded = (plan: LoadedPlan): boolean => fastLoaded.has(plan);

// The last text this process read clean or wrote, with its data: a save re-reads the file under
// the lock, and the board re-reads what it saved; both are nearly always this very text.
// Plan data is never mutated (edits build new objects), so handing it out again is safe.
let last: { text: string; data: PlanData; model?: Model; checked: boolean } | undefined;

/**
 * Records that `text` reads as `data` (ops.ts, after a verified fast edit of a clean plan). The
 * semantic checks run on the next load of this text, and only their all-clear is taken on trust.
 */
export function rememberPlanText(text: string, data: PlanData): void {
  last = { text, data, checked: false };
}

/** A plan read clean before (the plan cache): loaded as the fast read would have loaded it. */
export function loadCheckedPlan(text: string, file: string, data: PlanData): LoadResult {
  const entry = { text, data, model: undefined as Model | undefined, checked: true };
  last = entry;
  return { ok: true, plan: lazyLoadedPlan(file, text, data, () => (entry.model ??= buildModel(data))), warnings: [] };
}

export function fromMemo(text: string, file: string): LoadResult | undefined {
  const m = last;
  if (!m || m.text !== text) return undefined;
  if (!m.checked) {
    const { errors, warnings } = validatePlan(m.data);
    if (errors.length || warnings.length) {
      last = undefined;
      return undefined;
    }
    m.checked = true;
  }
  return { ok: true, plan: lazyLoadedPlan(file, text, m.data, () => (m.model ??= buildModel(m.data))), warnings: [] };
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
