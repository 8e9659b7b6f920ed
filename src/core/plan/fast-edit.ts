// The fast save path: the same lossless splices as the full path (yaml-edit.ts), computed from the
// edited issues' items alone instead of a YAML Document of the whole file. A line scan finds the
// items (issue-spans.ts); each run of touched items is parsed on its own, checked to read as the
// data it must hold, edited, and parsed again to check it reads as intended. Bytes outside those
// runs are not touched by construction. Anything unusual returns undefined: use the full path.
import { isDeepStrictEqual } from 'node:util';
import { isAlias, isMap, isSeq, parseDocument, visit, type Document, type YAMLSeq } from 'yaml';
import { countChunkItems, itemSpan, scanIssueItems } from './issue-spans.js';
import { convertDocument, ConvertError } from './load-convert.js';
import { PARSE_OPTIONS } from './load.js';
import type { IssueData, PlanData } from './model.js';
import { Issue as IssueSchema, Plan } from './schema.js';
import { applySplices, EditLayoutError, TextEditor, type EditHints, type Splice } from './yaml-edit.js';

const issueKeys = Object.keys(IssueSchema.shape);
const planKeys = Object.keys(Plan.shape);
const ORDERS: Record<string, readonly string[]> = {
  '': planKeys,
  '.issues': issueKeys,
  '.issues.log': ['date', 'hours', 'note'],
  '.issues.subtasks': ['title', 'done'],
};

/** How new lines are written; `logStyle` is asked only when a new log list must be written. */
export function makeHints(seqIndent: string, logStyle: () => 'block' | 'flow'): EditHints {
  return {
    seqIndent,
    itemStyle: (path) => (path === '.issues' ? 'block' : path === '.issues.log' ? logStyle() : 'flow'),
    keyOrder: (path) => ORDERS[path],
    byId: (path) => path === '.issues',
  };
}

/** Whether any node is an alias, or carries an anchor (others may use it) or an explicit tag. */
function hasNodeProps(doc: Document): boolean {
  let found = false;
  visit(doc, (_key, node) => {
    const n = node as { anchor?: string; tag?: string } | null;
    if (isAlias(node) || (n && typeof n === 'object' && (n.anchor !== undefined || n.tag !== undefined))) {
      found = true;
      return visit.BREAK;
    }
  });
  return found;
}

/** A chunk of issue items parsed on its own, or undefined when it is not plainly that. */
function parseItems(chunk: string, count: number): { doc: Document; seq: YAMLSeq; items: unknown[] } | undefined {
  const doc = parseDocument(chunk, PARSE_OPTIONS);
  if (doc.errors.length || doc.warnings.length || hasNodeProps(doc)) return undefined;
  const seq = doc.contents;
  if (!isSeq(seq) || seq.flow || seq.items.length !== count) return undefined;
  let value: unknown;
  try {
    value = convertDocument(doc).value;
  } catch (e) {
    if (e instanceof ConvertError) return undefined;
    throw e;
  }
  if (!Array.isArray(value) || value.length !== count) return undefined;
  const items: unknown[] = [];
  for (const raw of value) {
    const parsed = IssueSchema.safeParse(raw);
    if (!parsed.success) return undefined;
    items.push(parsed.data);
  }
  return { doc, seq, items };
}

/** Moves every position in a chunk's nodes and tokens by `delta`, so they point into the whole text. */
function shiftPositions(doc: Document, delta: number): void {
  const seen = new Set<object>();
  const walk = (x: unknown) => {
    if (typeof x !== 'object' || x === null || seen.has(x)) return;
    seen.add(x);
    if (Array.isArray(x)) return x.forEach(walk);
    const o = x as Record<string, unknown>;
    if (Array.isArray(o.range) && o.range.length === 3 && o.range.every((n) => typeof n === 'number')) {
      o.range = (o.range as number[]).map((n) => n + delta);
    }
    if (typeof o.offset === 'number' && typeof o.type === 'string') o.offset += delta;
    for (const k in o) if (k !== 'range' && k !== 'source' && k !== 'schema' && k !== 'options' && k !== 'directives') walk(o[k]);
  };
  walk(doc.contents);
}

/**
 * `text` (which reads as `before`) edited to read as `intended`, touching only the changed issues'
 * items, byte for byte as the full path would; undefined when this path cannot be sure.
 */
export function fastEditText(text: string, before: PlanData, intended: PlanData): string | undefined {
  for (const k of new Set([...Object.keys(before), ...Object.keys(intended)]) as Set<keyof PlanData>) {
    if (k !== 'issues' && before[k] !== intended[k]) return undefined;
  }
  const olds = before.issues;
  const news = intended.issues;
  if (!olds?.length || !news?.length) return undefined;

  // Align as the full path does: each old item is kept (maybe changed) or removed; the rest is appended.
  const pairOf = new Int32Array(olds.length).fill(-1);
  let j = 0;
  for (let i = 0; i < olds.length; i++) {
    if (j < news.length && (news[j] === olds[i] || news[j].id === olds[i].id)) pairOf[i] = j++;
  }
  const appended = news.slice(j);
  let lastKept = olds.length - 1;
  while (lastKept >= 0 && pairOf[lastKept] < 0) lastKept--;
  if (lastKept < 0) return undefined;
  const touched = (i: number) =>
    pairOf[i] < 0 || (i === lastKept && appended.length > 0) || (news[pairOf[i]] !== olds[i] && !isDeepStrictEqual(news[pairOf[i]], olds[i]));

  const scan = scanIssueItems(text);
  if (!scan || scan.starts.length !== olds.length) return undefined;
  // The full path reads the list's indent from the first item's dash only when its content follows
  // on the same line (`  - id: A`); otherwise it guesses two spaces. Plain case only.
  if (!/^ *-[ ]+[^\s#&!*|>]/.test(text.slice(scan.starts[0], scan.starts[0] + 200))) return undefined;

  let logStyleCache: 'block' | 'flow' | undefined;
  const logStyle = (): 'block' | 'flow' => (logStyleCache ??= findLogStyle(text, olds, scan));
  const editor = new TextEditor(text, makeHints(' '.repeat(scan.dashCol), logStyle));
  const runs: { from: number; to: number; splices: [number, number]; want: IssueData[] }[] = [];
  try {
    for (let a = 0; a < olds.length; a++) {
      if (!touched(a)) continue;
      let b = a;
      while (b + 1 < olds.length && touched(b + 1)) b++;
      const from = scan.starts[a];
      const to = itemSpan(scan, b)[1];
      const chunk = text.slice(from, to);
      const oldSlice = olds.slice(a, b + 1);
      const want: IssueData[] = [];
      for (let i = a; i <= b; i++) if (pairOf[i] >= 0) want.push(news[pairOf[i]]);
      if (a <= lastKept && lastKept <= b) want.push(...appended);
      // Removing the last line of a file without a final newline also takes the break before it.
      let removes = false;
      for (let i = a; i <= b; i++) removes ||= pairOf[i] < 0;
      if (removes && to === text.length && !text.endsWith('\n')) return undefined;
      const parsed = parseItems(chunk, oldSlice.length);
      if (!parsed || !isDeepStrictEqual(parsed.items, oldSlice)) return undefined;
      shiftPositions(parsed.doc, from);
      const first = editor.splices.length;
      editor.editItems(parsed.seq, oldSlice, want, '.issues');
      runs.push({ from, to, splices: [first, editor.splices.length], want });
      a = b;
    }
  } catch (e) {
    if (e instanceof EditLayoutError) return undefined;
    throw e;
  }

  try {
    return checkRuns(text, runs, editor.splices, scan.dashCol) ? applySplices(text, editor.splices) : undefined;
  } catch (e) {
    // Overlapping splices: the full path meets them too, and says so.
    if (e instanceof EditLayoutError) return undefined;
    throw e;
  }
}

/** Each run on its own: its splices stay inside it, and its new text reads as intended. */
function checkRuns(text: string, runs: { from: number; to: number; splices: [number, number]; want: IssueData[] }[], splices: Splice[], dashCol: number): boolean {
  for (const run of runs) {
    const own: Splice[] = splices.slice(...run.splices).map((s) => ({ ...s, at: s.at - run.from, end: s.end - run.from }));
    if (own.some((s) => s.at < 0 || s.end > run.to - run.from)) return false;
    const next = applySplices(text.slice(run.from, run.to), own);
    if (run.to < text.length && next !== '' && !next.endsWith('\n')) return false;
    if (countChunkItems(next, dashCol) !== run.want.length) return false;
    if (run.want.length === 0) {
      if (parseDocument(next, PARSE_OPTIONS).contents !== null) return false;
    } else {
      const reread = parseItems(next, run.want.length);
      if (!reread || !isDeepStrictEqual(reread.items, run.want)) return false;
    }
  }
  return true;
}

/** The style of the first existing log entry (as hintsFor in ops.ts), from that issue's item alone. */
function findLogStyle(text: string, olds: readonly IssueData[], scan: NonNullable<ReturnType<typeof scanIssueItems>>): 'block' | 'flow' {
  const i = olds.findIndex((x) => (x.log?.length ?? 0) > 0);
  if (i < 0) return 'flow';
  const [from, to] = itemSpan(scan, i);
  const chunk = text.slice(from, to);
  const doc = parseDocument(chunk, PARSE_OPTIONS);
  const item = !hasNodeProps(doc) && isSeq(doc.contents) ? doc.contents.items[0] : undefined;
  const log = isMap(item) ? item.get('log', true) : undefined;
  const entry = isSeq(log) ? log.items[0] : undefined;
  // Not plainly a map (an alias?): the full path would look further, so do not guess.
  if (!isMap(entry)) throw new EditLayoutError('log style not found');
  return entry.flow ? 'flow' : 'block';
}

/**
 * One issue's item text (`chunk`, its lines alone, dashes at `dashCol`) edited from `oldIssue` to
 * `newIssue` the way a save would edit it in the file; undefined when it cannot be sure.
 */
export function editItemText(chunk: string, dashCol: number, oldIssue: IssueData, newIssue: IssueData, logStyle: () => 'block' | 'flow'): string | undefined {
  const parsed = parseItems(chunk, 1);
  if (!parsed || !isDeepStrictEqual(parsed.items[0], oldIssue)) return undefined;
  const editor = new TextEditor(chunk, makeHints(' '.repeat(dashCol), logStyle));
  let out: string;
  try {
    editor.editItems(parsed.seq, [oldIssue], [newIssue], '.issues');
    out = applySplices(chunk, editor.splices);
  } catch (e) {
    if (e instanceof EditLayoutError) return undefined;
    throw e;
  }
  const reread = parseItems(out, 1);
  return reread && isDeepStrictEqual(reread.items[0], newIssue) ? out : undefined;
}

/** The style new log entries take in this plan (as the save would choose it); 'flow' when unsure. */
export function planLogStyle(text: string, issues: readonly IssueData[]): 'block' | 'flow' {
  const scan = scanIssueItems(text);
  if (!scan || scan.starts.length !== issues.length) return 'flow';
  try {
    return findLogStyle(text, issues, scan);
  } catch {
    return 'flow';
  }
}
