// Three-way merge of plan texts, for `planboard merge` as a git merge driver. Two halves:
//  - the DATA is merged by meaning (merge-data.ts): nothing a user can write makes it fail.
//  - the TEXT is one that can be edited, losslessly, into the merged data: git's own line merge
//    when it was clean, else its hunks resolved line by line (merge-lines.ts), from both sides'
//    lines (union) or from ours, else OURS itself; of those, the one that loses or revives the
//    fewest comments. So comments and formatting changed on either side survive wherever
//    `git merge-file` keeps them. Only the leaves that still differ are edited (yaml-edit.ts),
//    and the result is read back and compared before it is returned.
// Conflicts go in a top-level `conflicts:` block inside the document (before a `...` end marker),
// in the file's line endings; the schema rejects the key, so `validate` points at it.
import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, Lexer, parseDocument, stringify, type Node, type Pair } from 'yaml';
import { loadPlanText, PARSE_OPTIONS, type Problem } from '../plan/load.js';
import { convertDocument } from '../plan/load-convert.js';
import { makeHints } from '../plan/fast-edit.js';
import { editDocumentText } from '../plan/yaml-edit.js';
import type { PlanData } from '../plan/model.js';
import { Plan } from '../plan/schema.js';
import { validatePlan } from '../plan/validate.js';
import { BY_ID, idOf, mergePlanData, type MergeConflict, type Obj } from './merge-data.js';
import { resolveDiff3, type LineMerges } from './merge-lines.js';

const CONFLICTS_KEY = 'conflicts';

export type MergeTextResult =
  | { ok: true; text: string; conflicts: MergeConflict[]; textSource: TextSource; problems: Problem[] }
  | { ok: false; problems: Problem[]; side: 'base' | 'ours' | 'theirs' };

/** Which text the result was edited from. `rewritten`: none could be, the plan was written anew. */
export type TextSource = 'line-merge' | 'line-by-line' | 'union' | 'ours-hunks' | 'ours' | 'rewritten';

// One merge reads the same few texts many times (each candidate, theirs, the result): parses and
// comment lists are kept for the length of one mergePlanTexts call.
let reads: Map<string, ReturnType<typeof parseData>> | undefined;
let lexed: Map<string, string[]> | undefined;

/** The schema's reading of a text, without semantic checks (a half-merged text may dangle). */
function readData(text: string): ReturnType<typeof parseData> {
  if (!reads) return parseData(text);
  if (!reads.has(text)) reads.set(text, parseData(text));
  return reads.get(text);
}

function parseData(text: string): { doc: ReturnType<typeof parseDocument>; data: PlanData } | undefined {
  try {
    const doc = parseDocument(text, PARSE_OPTIONS);
    if (doc.errors.length) return undefined;
    const parsed = Plan.safeParse(convertDocument(doc).value);
    return parsed.success ? { doc, data: parsed.data } : undefined;
  } catch {
    return undefined;
  }
}

/** How this text writes new list items: its own sequence indent and log style. */
function hintsFor(text: string) {
  const seqIndent = /^[A-Za-z_]+:[ \t]*\r?\n( *)- /m.exec(text)?.[1] ?? '  ';
  const logStyle = /\n[ ]*log:[ \t]*\r?\n[ ]*- date:/.test(text) ? 'block' : 'flow';
  const base = makeHints(seqIndent, () => logStyle);
  const lists = new Set(['.issues', ...BY_ID.map((k) => `.${k}`)]);
  return { ...base, byId: (path: string) => lists.has(path), itemStyle: (path: string) => (lists.has(path) ? 'block' : base.itemStyle(path)) } as const;
}

/** The text lines [start, end) that hold block-sequence item i of top-level `key`, or undefined. */
function itemLines(text: string, doc: ReturnType<typeof parseDocument>, key: string): { items: unknown[]; spans: [number, number][] } | undefined {
  if (!isMap(doc.contents)) return undefined;
  const pair = (doc.contents.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === key);
  if (!pair || !isSeq(pair.value) || pair.value.flow) return undefined;
  const spans: [number, number][] = [];
  for (const item of pair.value.items as Node[]) {
    if (!item.range) return undefined;
    const start = text.lastIndexOf('\n', item.range[0] - 1) + 1;
    let last = item.range[2] - 1;
    while (last > item.range[0] && /[\r\n ]/.test(text[last])) last--;
    const nl = text.indexOf('\n', last);
    spans.push([start, nl < 0 ? text.length : nl + 1]);
  }
  return { items: pair.value.items, spans };
}

/**
 * Items the merge adds from THEIRS that `text` lacks (their lines were in a conflicting hunk),
 * copied as THEIR text, comments and all, after the last item of the same list.
 */
function withTheirItems(text: string, theirsText: string, target: PlanData): string {
  const read = readData(text);
  if (!read) return text;
  const missing = ['issues', ...BY_ID].some((key) => {
    const have = new Set((((read.data as Obj)[key] as unknown[] | undefined) ?? []).map(idOf));
    return (((target as Obj)[key] as unknown[] | undefined) ?? []).some((x) => !have.has(idOf(x)));
  });
  if (!missing) return text;
  const theirs = readData(theirsText);
  if (!theirs) return text;
  const inserts: { at: number; text: string }[] = [];
  for (const key of ['issues', ...BY_ID]) {
    const want = ((target as Obj)[key] as unknown[] | undefined) ?? [];
    const have = new Set((((read.data as Obj)[key] as unknown[] | undefined) ?? []).map(idOf));
    const theirItems = ((theirs.data as Obj)[key] as unknown[] | undefined) ?? [];
    const mine = itemLines(text, read.doc, key);
    const their = itemLines(theirsText, theirs.doc, key);
    if (!mine || !their || !mine.spans.length) continue;
    let add = '';
    for (const item of want) {
      if (have.has(idOf(item))) continue;
      const j = theirItems.findIndex((x) => idOf(x) === idOf(item) && isDeepStrictEqual(x, item));
      if (j >= 0) add += theirsText.slice(...their.spans[j]);
    }
    if (!add) continue;
    const at = mine.spans[mine.spans.length - 1][1];
    const eol = eolOf(text);
    inserts.push({ at, text: (text.slice(0, at).endsWith('\n') ? '' : eol) + add.replace(/\r?\n/g, eol) });
  }
  inserts.sort((x, y) => y.at - x.at);
  let out = text;
  for (const i of inserts) out = out.slice(0, i.at) + i.text + out.slice(i.at);
  return readData(out) ? out : text;
}

/**
 * The merged lists in the order the text already has them, new items last: items both sides
 * added have no order of their own, and moving an item would rewrite it without its comments.
 */
function inOrderOf(merged: PlanData, text: PlanData): PlanData {
  const out = { ...merged } as Obj;
  for (const key of ['issues', ...BY_ID]) {
    const want = out[key] as unknown[] | undefined;
    const have = (text as Obj)[key] as unknown[] | undefined;
    if (!want || !have) continue;
    const byId = new Map(want.map((x) => [idOf(x), x]));
    const ordered: unknown[] = [];
    for (const x of have) {
      const item = byId.get(idOf(x));
      if (item === undefined) continue;
      ordered.push(item);
      byId.delete(idOf(x));
    }
    out[key] = [...ordered, ...byId.values()];
  }
  return out as PlanData;
}

/** `text` edited into the merged data (lists in the text's order), or undefined when it cannot be done losslessly. */
function editInto(text: string, merged: PlanData): string | undefined {
  // The quick read first (the loader's fast path): a text that already holds the merge needs no Document.
  const quick = loadPlanText(text, 'merge');
  if (quick.ok && isDeepStrictEqual(quick.plan.data, inOrderOf(merged, quick.plan.data))) return text;
  const read = readData(text);
  if (!read) return undefined;
  const target = inOrderOf(merged, read.data);
  try {
    const next = isDeepStrictEqual(read.data, target) ? text : editDocumentText(text, read.doc.contents, read.data, target, hintsFor(text));
    const back = readData(next);
    return back && isDeepStrictEqual(back.data, target) ? next : undefined;
  } catch {
    return undefined;
  }
}

/** The comments of a YAML text, as the lexer sees them (never a `#` inside a string or block scalar). */
function comments(text: string): string[] {
  const known = lexed?.get(text);
  if (known) return known;
  const out: string[] = [];
  lexed?.set(text, out);
  for (const token of new Lexer().lex(text)) if (token.startsWith('#')) out.push(token.trimEnd());
  return out;
}

/** Comments `side` added or changed since `base` that `result` does not have (as a multiset). */
function lostComments(base: string, side: string, result: string): string[] {
  const pool = new Map<string, number>();
  const count = (list: string[], by: number) => list.forEach((c) => pool.set(c, (pool.get(c) ?? 0) + by));
  count(comments(side), 1);
  count(comments(base), -1);
  const kept = new Map<string, number>();
  for (const c of comments(result)) kept.set(c, (kept.get(c) ?? 0) + 1);
  const lost: string[] = [];
  for (const [c, n] of pool) if (n > 0 && (kept.get(c) ?? 0) < n) lost.push(c);
  return lost;
}

/** Comments a result loses (written on one side) or revives (deleted on one side): 0 is best. */
function commentScore(base: string, ours: string, theirs: string, result: string): number {
  const counts = (text: string) => {
    const m = new Map<string, number>();
    for (const c of comments(text)) m.set(c, (m.get(c) ?? 0) + 1);
    return m;
  };
  const [b, o, t, r] = [base, ours, theirs, result].map(counts);
  let revived = 0;
  for (const [c, n] of b) {
    const kept = Math.min(o.get(c) ?? 0, t.get(c) ?? 0);
    if (kept < n) revived += Math.max(0, (r.get(c) ?? 0) - kept);
  }
  return lostComments(base, ours, result).length + lostComments(base, theirs, result).length + revived;
}

const eolOf = (text: string) => (/\r\n/.test(text) ? '\r\n' : '\n');

/**
 * The conflict record, a top-level `conflicts:` key placed inside the document: before a `...`
 * end marker when there is one, at the end otherwise; in the text's own line endings.
 */
export function withConflictRecord(text: string, conflicts: MergeConflict[]): string {
  const eol = eolOf(text);
  const entries = conflicts.map((c) => ({
    ...(c.section === 'issues' ? { issue: c.id } : { section: c.section, ...(c.id !== undefined ? { id: c.id } : {}) }),
    ...(c.field !== undefined ? { field: c.field } : {}),
    ours: c.ours === undefined ? null : c.ours,
    theirs: c.theirs === undefined ? null : c.theirs,
  }));
  const block = [
    '# planboard merge: the entries below were changed two ways (null: deleted on that side).',
    '# The plan keeps OURS for each. Set each to the value you want, then delete this whole block.',
    ...stringify({ [CONFLICTS_KEY]: entries }, { lineWidth: 0 }).replace(/\n$/, '').split('\n'),
  ].join(eol) + eol;
  // A `...` line ends the document: the record goes before it (and before the comments after it).
  const end = /^\.\.\.[ \t]*(?:#.*)?$/m.exec(text);
  if (end) {
    const at = end.index;
    const before = text.slice(0, at);
    return before + (before === '' || before.endsWith('\n') ? '' : eol) + block + text.slice(at);
  }
  return text + (text === '' || text.endsWith('\n') ? '' : eol) + block;
}

export function mergePlanTexts(baseText: string, oursText: string, theirsText: string, file: string, lines: LineMerges = {}): MergeTextResult {
  reads = new Map();
  lexed = new Map();
  try {
    return mergeTexts(baseText, oursText, theirsText, file, lines);
  } finally {
    reads = undefined;
    lexed = undefined;
  }
}

function mergeTexts(baseText: string, oursText: string, theirsText: string, file: string, lines: LineMerges): MergeTextResult {
  const sides = { base: baseText, ours: oursText, theirs: theirsText } as const;
  const data = {} as Record<keyof typeof sides, PlanData>;
  for (const side of ['base', 'ours', 'theirs'] as const) {
    const r = loadPlanText(sides[side], side === 'ours' ? file : `${file} (${side})`);
    if (!r.ok) return { ok: false, problems: r.problems, side };
    data[side] = r.plan.data;
  }
  const { data: target, conflicts } = mergePlanData(data.base, data.ours, data.theirs);
  const candidates: [TextSource, string | undefined][] = [
    ['line-merge', lines.clean],
    ['line-by-line', lines.diff3 === undefined ? undefined : resolveDiff3(lines.diff3)],
    ['union', lines.union],
    ['ours-hunks', lines.ours],
    ['ours', oursText],
  ];
  // Every candidate that can carry the merge is tried; the one that loses or revives the fewest
  // comments wins, the earlier one on a tie (git's clean merge first).
  let text: string | undefined;
  let textSource: TextSource = 'rewritten';
  let best = Infinity;
  for (const [source, candidate] of candidates) {
    if (candidate === undefined) continue;
    const next = editInto(withTheirItems(candidate, theirsText, target), target) ?? editInto(candidate, target);
    if (next === undefined) continue;
    // git's clean merge, untouched, has every line either side changed: no comment is lost.
    const score = source === 'line-merge' && next === candidate ? 0 : commentScore(baseText, oursText, theirsText, next);
    if (score < best) [text, textSource, best] = [next, source, score];
    if (score === 0) break;
  }
  // No text could be edited into the result: write the merged data anew rather than lose any.
  if (text === undefined) text = stringify(target, { lineWidth: 0 }).replace(/\n/g, eolOf(oursText));
  // The merged plan may not validate (ours deleted a lane theirs assigns to): say so.
  // validatePlan on the data first: the full load (for lines and columns) only when it fails.
  const check = validatePlan(target).errors.length ? loadPlanText(text, file) : undefined;
  const problems = check && !check.ok ? check.problems : [];
  // A comment written on one side that the result lacks (both sides rewrote the same line): a
  // conflict too, so that no one's words vanish in a clean-looking merge.
  const untouched = textSource === 'line-merge' && text === lines.clean;
  const lostOurs = untouched ? [] : lostComments(baseText, oursText, text);
  const lostTheirs = untouched ? [] : lostComments(baseText, theirsText, text);
  if (lostOurs.length || lostTheirs.length) conflicts.push({ section: 'comments', ours: lostOurs, theirs: lostTheirs });
  if (conflicts.length) text = withConflictRecord(text, conflicts);
  return { ok: true, text, conflicts, textSource, problems };
}
