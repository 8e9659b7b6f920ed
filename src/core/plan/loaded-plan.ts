// A loaded plan and what every read shares: the result types, the problem format, the plan whose
// Document and model are built only when asked for, and the process's memory of the last text it
// read. No parser here: a plan from the cache of parsed plans loads without loading one.
import type { Document } from 'yaml';
import { buildModel, type Model, type PlanData } from './model.js';
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
interface Memo {
  text: string;
  data: PlanData;
  model?: Model;
  /** Whether the semantic checks passed on this data (not yet after an edit: on the next read). */
  checked: boolean;
}
let last: Memo | undefined;

/** What this process last read or wrote, when it is this very text. */
export const memoOf = (text: string): Memo | undefined => (last?.text === text ? last : undefined);

export const forgetMemo = (): void => {
  last = undefined;
};

/**
 * Records that `text` reads as `data` (ops.ts, after a verified fast edit of a clean plan). The
 * semantic checks run on the next load of this text, and only their all-clear is taken on trust.
 */
export function rememberPlanText(text: string, data: PlanData): void {
  last = { text, data, checked: false };
}

/** A memo's plan, loaded as the fast read loads it. */
export function loadMemo(m: Memo, file: string): LoadResult {
  return { ok: true, plan: lazyLoadedPlan(file, m.text, m.data, () => (m.model ??= buildModel(m.data))), warnings: [] };
}

/** A plan read clean before (the fast read just now, or the plan cache): loaded as the fast read loads it. */
export function loadCheckedPlan(text: string, file: string, data: PlanData): LoadResult {
  last = { text, data, checked: true };
  return loadMemo(last, file);
}
