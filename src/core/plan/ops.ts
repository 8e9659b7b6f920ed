// Edits as data, applied two ways: to the plan's data (pure and fast: the board calls it per
// keypress) and to the plan's YAML text (lossless: only the edited issues' lines change, and the
// result is re-read and checked against the data before anyone may write it).
import { isDeepStrictEqual } from 'node:util';
import { isMap, isSeq, isScalar, type Document, type Node, type Pair } from 'yaml';
import type { Op } from './op-types.js';
import type { IssueData, PlanData } from './model.js';
import { DATE_RE, DEFAULT_STATUSES, DONE, Issue as IssueSchema, TimeEntry } from './schema.js';
import { fastEditText, makeHints } from './fast-edit.js';
import { formatProblem, isFastLoaded, loadPlanText, rememberPlanText, type LoadedPlan, type Problem } from './load.js';
import { validatePlan } from './validate.js';
import { closest } from './suggest.js';
import { editDocumentText, EditLayoutError, type EditHints } from './yaml-edit.js';

/** An op that cannot apply to this plan: unknown id, lane or status, bad value. */
export class OpError extends Error {}

/** The text could not be edited or read back as intended; nothing should be written. */
export class EditError extends Error {}

/** The plan text does not load, so it cannot be edited. */
export class PlanTextError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}

// --- data ------------------------------------------------------------------------------------

// id → position, per issues array. An edit that replaces one issue keeps every position, so the
// new array shares the old index: lookups stay O(1) across keypresses without re-indexing.
const indexCache = new WeakMap<readonly IssueData[], Map<string, number>>();

function issueIndex(issues: readonly IssueData[]): Map<string, number> {
  let index = indexCache.get(issues);
  if (!index) {
    index = new Map();
    for (let i = 0; i < issues.length; i++) if (!index.has(issues[i].id)) index.set(issues[i].id, i);
    indexCache.set(issues, index);
  }
  return index;
}

const didYouMean = (word: string, candidates: Iterable<string>) => {
  const c = closest(word, candidates);
  return c ? ` (did you mean "${c}"?)` : '';
};

const statusesOf = (data: PlanData): readonly string[] => data.statuses ?? DEFAULT_STATUSES;

function checkStatus(data: PlanData, status: string): void {
  const statuses = statusesOf(data);
  if (!statuses.includes(status)) {
    throw new OpError(`unknown status "${status}"${didYouMean(status, statuses)}; statuses: ${statuses.join(', ')}`);
  }
}

function checkLane(data: PlanData, lane: string): void {
  const lanes = data.lanes ?? [];
  if (lanes.some((l) => l.id === lane)) return;
  if (!lanes.length) throw new OpError(`unknown lane "${lane}": the plan has no lanes`);
  const ids = lanes.map((l) => l.id);
  throw new OpError(`unknown lane "${lane}"${didYouMean(lane, ids)}; lanes: ${ids.join(', ')}`);
}

function checkDate(date: string, what: string): void {
  const ok = DATE_RE.test(date) && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
  if (!ok) throw new OpError(`bad ${what} "${date}": expected a calendar date YYYY-MM-DD`);
}

function findIssue(data: PlanData, id: string): number {
  const issues = data.issues ?? [];
  const i = issueIndex(issues).get(id);
  if (i === undefined) throw new OpError(`unknown issue "${id}"${didYouMean(id, issues.map((x) => x.id))}`);
  return i;
}

/** Replaces issue `id` by f(issue); returns data itself when f changes nothing. */
function updateIssue(data: PlanData, id: string, f: (issue: IssueData) => IssueData): PlanData {
  const issues = data.issues ?? [];
  const i = findIssue(data, id);
  const next = f(issues[i]);
  if (next === issues[i]) return data;
  const copy = issues.slice();
  copy[i] = next;
  indexCache.set(copy, issueIndex(issues));
  return { ...data, issues: copy };
}

const without = <T extends object, K extends keyof T>(obj: T, key: K): T => {
  if (!(key in obj)) return obj;
  const copy = { ...obj };
  delete copy[key];
  return copy;
};

/** The status an unticked issue returns to: `todo` when the plan has it, else its first non-done status. */
export function untickStatus(data: PlanData): string {
  const statuses = statusesOf(data);
  const s = statuses.includes('todo') ? 'todo' : statuses.find((x) => x !== DONE);
  if (s === undefined) throw new OpError(`cannot untick: the plan has no status other than "${DONE}"`);
  return s;
}

function setStatus(data: PlanData, id: string, status: string, date: string): PlanData {
  checkStatus(data, status);
  if (status === DONE) checkDate(date, 'done date');
  return updateIssue(data, id, (issue) => {
    const current = issue.status ?? statusesOf(data)[0];
    if (status === DONE) {
      // Already done: keep the day it was done on.
      if (current === DONE && issue.status === DONE) return issue;
      return { ...issue, status, done_on: issue.done_on ?? date };
    }
    if (issue.status === status && issue.done_on === undefined) return issue;
    return without({ ...issue, status }, 'done_on');
  });
}

const ISSUE_FIELDS = new Set(Object.keys(IssueSchema.shape));

function setField(data: PlanData, id: string, field: string, value: unknown): PlanData {
  if (!ISSUE_FIELDS.has(field)) throw new OpError(`unknown issue field "${field}"${didYouMean(field, ISSUE_FIELDS)}`);
  if (field === 'id') throw new OpError('an issue id cannot be changed');
  const remove = value === undefined || value === null;
  if (!remove && field === 'status') checkStatus(data, String(value));
  if (!remove && field === 'lane') checkLane(data, String(value));
  if (!remove && (field === 'done_on' || field === 'started')) checkDate(String(value), field);
  return updateIssue(data, id, (issue) => {
    if (remove) {
      if (field === 'title') throw new OpError(`issue "${id}" needs a title`);
      return without(issue, field as keyof IssueData);
    }
    const parsed = IssueSchema.safeParse({ ...issue, [field]: value });
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new OpError(`bad ${[field, ...first.path.slice(1)].join('.')} for "${id}": ${first.message}`);
    }
    const v = (parsed.data as Record<string, unknown>)[field];
    if (isDeepStrictEqual(v, (issue as Record<string, unknown>)[field])) return issue;
    return { ...issue, [field]: v };
  });
}

function addIssue(data: PlanData, raw: Record<string, unknown>): PlanData {
  const parsed = IssueSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new OpError(`bad new issue${first.path.length ? ` (${first.path.join('.')})` : ''}: ${first.message}`);
  }
  const issue = parsed.data;
  const issues = data.issues ?? [];
  if (issueIndex(issues).has(issue.id)) throw new OpError(`issue "${issue.id}" already exists`);
  if (issue.status !== undefined) checkStatus(data, issue.status);
  if (issue.lane !== undefined) checkLane(data, issue.lane);
  const copy = [...issues, issue];
  const index = new Map(issueIndex(issues));
  index.set(issue.id, issues.length);
  indexCache.set(copy, index);
  return { ...data, issues: copy };
}

/**
 * Applies one op to plan data. Pure: returns new data sharing every untouched object with the
 * old, or the same object when the op changes nothing. Throws OpError for an unknown issue id,
 * lane or status, or a bad value. A lane must be one of the plan's `lanes:`; `null` unassigns.
 */
export function applyOpToData(data: PlanData, op: Op): PlanData {
  switch (op.kind) {
    case 'set-status':
      return setStatus(data, op.id, op.status, op.date);
    case 'tick':
      return setStatus(data, op.id, DONE, op.date);
    case 'untick': {
      const i = findIssue(data, op.id);
      const issue = data.issues![i];
      if ((issue.status ?? statusesOf(data)[0]) !== DONE) return issue.done_on === undefined ? data : setField(data, op.id, 'done_on', undefined);
      return setStatus(data, op.id, untickStatus(data), '');
    }
    case 'move-lane':
      if (op.lane !== null) checkLane(data, op.lane);
      return updateIssue(data, op.id, (issue) =>
        op.lane === null ? without(issue, 'lane') : issue.lane === op.lane ? issue : { ...issue, lane: op.lane },
      );
    case 'set-field':
      return setField(data, op.id, op.field, op.value);
    case 'log-time': {
      const parsed = TimeEntry.safeParse(op.entry);
      if (!parsed.success) throw new OpError(`bad time entry for "${op.id}": ${parsed.error.issues[0].message}`);
      checkDate(parsed.data.date, 'log date');
      return updateIssue(data, op.id, (issue) => ({ ...issue, log: [...(issue.log ?? []), parsed.data] }));
    }
    case 'set-subtask':
      return updateIssue(data, op.id, (issue) => {
        const subtasks = issue.subtasks ?? [];
        if (!Number.isInteger(op.index) || op.index < 0 || op.index >= subtasks.length) {
          throw new OpError(`issue "${op.id}" has no subtask ${op.index + 1} (it has ${subtasks.length})`);
        }
        const s = subtasks[op.index];
        const title = typeof s === 'string' ? s : s.title;
        const was = typeof s === 'string' ? false : (s.done ?? false);
        if (was === op.done) return issue;
        const copy = subtasks.slice();
        copy[op.index] = typeof s === 'string' ? { title, done: op.done } : { ...s, done: op.done };
        return { ...issue, subtasks: copy };
      });
    case 'add-issue':
      return addIssue(data, op.issue);
    case 'remove-issue': {
      const i = findIssue(data, op.id);
      const copy = data.issues!.filter((_, j) => j !== i);
      return { ...data, issues: copy };
    }
  }
}

/** A short sentence for an op: "CAB-133 → done". */
export function describeOp(op: Op): string {
  switch (op.kind) {
    case 'set-status':
      return `${op.id} → ${op.status}`;
    case 'tick':
      return `${op.id} → done (${op.date})`;
    case 'untick':
      return `${op.id} → not done`;
    case 'move-lane':
      return op.lane === null ? `${op.id} → no lane` : `${op.id} → lane ${op.lane}`;
    case 'set-field':
      return op.value === undefined || op.value === null ? `${op.id}: ${op.field} removed` : `${op.id}: ${op.field} = ${JSON.stringify(op.value)}`;
    case 'log-time':
      return `${op.id}: logged ${op.entry.hours}h on ${op.entry.date}${op.entry.note ? ` (${op.entry.note})` : ''}`;
    case 'set-subtask':
      return `${op.id}: subtask ${op.index + 1} ${op.done ? 'done' : 'not done'}`;
    case 'add-issue':
      return `added ${op.issue.id} "${op.issue.title}"`;
    case 'remove-issue':
      return `removed ${op.id}`;
  }
}

// --- text ------------------------------------------------------------------------------------

/** How new lines are written, copied from what the file already does. */
function hintsFor(doc: Document, text: string): EditHints {
  const col = (offset: number) => offset - (text.lastIndexOf('\n', offset - 1) + 1);
  const root = doc.contents;
  const issues = isMap(root) ? (root.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === 'issues') : undefined;
  let seqIndent = '  ';
  if (issues && isSeq(issues.value) && !issues.value.flow && issues.value.items.length) {
    const key = (issues.key as Node).range?.[0];
    const first = (issues.value.items[0] as Node).range?.[0];
    // The dash of the first item: the first non-space on that item's line.
    const dash = first === undefined ? undefined : text.slice(0, first).search(/-[ ]*$/);
    if (key !== undefined && dash !== undefined && dash >= 0 && col(dash) >= col(key)) seqIndent = ' '.repeat(col(dash) - col(key));
  }
  // Log entries follow the first existing entry's style.
  let logStyle: 'block' | 'flow' = 'flow';
  if (issues && isSeq(issues.value)) {
    for (const issue of issues.value.items) {
      const log = isMap(issue) ? (issue.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === 'log') : undefined;
      const first = log && isSeq(log.value) ? log.value.items[0] : undefined;
      if (isMap(first)) {
        logStyle = first.flow ? 'flow' : 'block';
        break;
      }
    }
  }
  return makeHints(seqIndent, () => logStyle);
}

export interface ApplyOptions {
  /** File name for problem messages. */
  file?: string;
  /** The text already loaded (e.g. by readPlanFile): skips loading it again when it is this text. */
  loaded?: LoadedPlan;
  /** false: always edit through the whole YAML Document (the fast path's reference, for tests). */
  fast?: boolean;
}

/**
 * Whether an op can leave the plan invalid in ways applyOpToData does not check (references,
 * cycles, ranges): then the whole plan is validated before the fast path may answer.
 */
function needsPlanCheck(op: Op): boolean {
  switch (op.kind) {
    case 'set-field':
    case 'add-issue':
    case 'remove-issue':
      return true;
    case 'log-time':
      // validate.ts refuses more than 24 hours in one entry.
      return !(typeof op.entry.hours === 'number' && op.entry.hours <= 24);
    default:
      return false;
  }
}

export interface Applied {
  text: string;
  data: PlanData;
}

/**
 * Applies ops to the plan's text, editing only the changed leaves, and returns the new text with
 * the data it reads as. Throws PlanTextError when the text does not load, OpError for a bad op
 * (or one that would leave the plan invalid), EditError when the edit cannot be made losslessly.
 */
export function applyOpsDetailed(text: string, ops: Op[], opts: ApplyOptions = {}): Applied {
  const file = opts.file ?? 'plan';
  const loaded = opts.loaded?.text === text ? { ok: true as const, plan: opts.loaded } : loadPlanText(text, file);
  if (!loaded.ok) throw new PlanTextError(loaded.problems);
  const before = loaded.plan.data;
  const intended = ops.reduce(applyOpToData, before);
  if (intended === before) return { text, data: before };

  if (opts.fast !== false) {
    const fast = fastEditText(text, before, intended);
    if (fast !== undefined && (!ops.some(needsPlanCheck) || validatePlan(intended).errors.length === 0)) {
      // The new text reads as `intended` (checked item by item): a later load of it can skip the parse.
      if (isFastLoaded(loaded.plan)) rememberPlanText(fast, intended);
      return { text: fast, data: intended };
    }
  }

  let next: string;
  try {
    next = editDocumentText(text, loaded.plan.doc.contents, before, intended, hintsFor(loaded.plan.doc, text));
  } catch (e) {
    if (e instanceof EditLayoutError) throw new EditError(`cannot write this edit without disturbing other lines: ${e.message}`);
    throw e;
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
