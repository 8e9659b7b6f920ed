// Three-way merge of plan texts, for `planboard merge` as a git merge driver. Two halves:
//  - the DATA is merged by meaning: issues by id and field (rebase.ts), lanes, milestones,
//    groups and scenarios by id and item, every other top-level key as a whole. Nothing is
//    checked against the other side's references, so a lane or group added on one side and
//    used on the other merges as data. Where both sides changed one thing two ways, OURS stays
//    and the conflict is recorded with both versions (a deleted issue or item shows as null).
//  - the TEXT is the first of these that can be edited, losslessly, into the merged data: git's
//    own line merge when it was clean, else its line merge with conflicting hunks taken from both
//    sides (union) or from ours, else OURS itself. So comments and formatting changed on either
//    side survive wherever `git merge-file` keeps them. Only the leaves that still differ are
//    edited (yaml-edit.ts), and the result is read back and compared before it is returned.
// Conflicts go in a top-level `conflicts:` block inside the document (before a `...` end marker),
// in the file's line endings; the schema rejects the key, so `validate` points at it.
import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, Lexer, parseDocument, stringify, type Node, type Pair } from 'yaml';
import { loadPlanText, PARSE_OPTIONS, type Problem } from '../plan/load.js';
import { convertDocument } from '../plan/load-convert.js';
import { makeHints } from '../plan/fast-edit.js';
import { editDocumentText } from '../plan/yaml-edit.js';
import type { IssueData, PlanData } from '../plan/model.js';
import { Plan } from '../plan/schema.js';
import { validatePlan } from '../plan/validate.js';
import { deepEqual, mergePlans, WHOLE_ISSUE } from './rebase.js';

export const CONFLICTS_KEY = 'conflicts';

/** One thing changed two ways. `section` is `issues` for issue fields, else the top-level key. */
export interface MergeConflict {
  section: string;
  /** The issue or item id; absent for a whole top-level key. */
  id?: string;
  /** The issue field (`status`, `subtasks.2`), or `(issue)` / `(item)` for a whole one. */
  field?: string;
  /** OURS' value (kept in the plan); null when ours deleted it. */
  ours: unknown;
  theirs: unknown;
}

export type MergeTextResult =
  | { ok: true; text: string; conflicts: MergeConflict[]; textSource: TextSource; problems: Problem[] }
  | { ok: false; problems: Problem[]; side: 'base' | 'ours' | 'theirs' };

/** Which text the result was edited from. `rewritten`: none could be, the plan was written anew. */
export type TextSource = 'line-merge' | 'line-by-line' | 'union' | 'ours-hunks' | 'ours' | 'rewritten';

export interface LineMerges {
  /** `git merge-file` output when it merged cleanly. */
  clean?: string;
  /** `git merge-file --diff3` output with conflict markers: its hunks are resolved line by line here. */
  diff3?: string;
  /** `git merge-file --union`: conflicting hunks keep both sides' lines. */
  union?: string;
  /** `git merge-file --ours`: conflicting hunks keep ours' lines. */
  ours?: string;
}

/** Lists whose items carry ids: merged item by item. */
const BY_ID = ['lanes', 'milestones', 'groups', 'scenarios'] as const;
const WHOLE_ITEM = '(item)';

type Obj = Record<string, unknown>;
const idOf = (x: unknown) => String((x as Obj).id);

/** Items by id: an item changed on one side takes that side; changed two ways keeps ours, a conflict. */
function mergeList(key: string, base: unknown[] = [], ours: unknown[] = [], theirs: unknown[] = [], conflicts: MergeConflict[]): unknown[] {
  const b = new Map(base.map((x) => [idOf(x), x]));
  const t = new Map(theirs.map((x) => [idOf(x), x]));
  const o = new Map(ours.map((x) => [idOf(x), x]));
  const pick = (id: string): unknown => {
    const [bv, ov, tv] = [b.get(id), o.get(id), t.get(id)];
    if (deepEqual(ov, tv) || deepEqual(bv, tv)) return ov;
    if (deepEqual(bv, ov)) return tv;
    conflicts.push({ section: key, id, field: WHOLE_ITEM, ours: ov ?? null, theirs: tv ?? null });
    return ov;
  };
  const out: unknown[] = [];
  const seen = new Set<string>();
  for (const id of [...o.keys(), ...t.keys(), ...b.keys()]) {
    if (seen.has(id)) continue;
    seen.add(id);
    const v = pick(id);
    if (v !== undefined) out.push(v);
  }
  return out;
}

/** The merged plan data, and what could not be merged. */
export function mergePlanData(base: PlanData, ours: PlanData, theirs: PlanData): { data: PlanData; conflicts: MergeConflict[] } {
  const conflicts: MergeConflict[] = [];
  const [b, o, t] = [base, ours, theirs] as Obj[];
  const out: Obj = {};
  for (const key of new Set([...Object.keys(o), ...Object.keys(t), ...Object.keys(b)])) {
    if (key === 'issues') continue;
    if ((BY_ID as readonly string[]).includes(key)) {
      const list = mergeList(key, b[key] as unknown[], o[key] as unknown[], t[key] as unknown[], conflicts);
      // An emptied list stays written only where both sides still have the key.
      if (list.length || (o[key] !== undefined && t[key] !== undefined)) out[key] = list;
      continue;
    }
    let v: unknown;
    if (deepEqual(o[key], t[key]) || deepEqual(b[key], t[key])) v = o[key];
    else if (deepEqual(b[key], o[key])) v = t[key];
    else {
      conflicts.push({ section: key, ours: o[key] ?? null, theirs: t[key] ?? null });
      v = o[key];
    }
    if (v !== undefined) out[key] = v;
  }

  // Issues: theirs' changes carried onto ours as ops, applied here without reference checks.
  const { ops, conflicts: issueConflicts } = mergePlans(base, ours, theirs);
  let issues: IssueData[] | undefined = ours.issues ? [...ours.issues] : undefined;
  for (const op of ops) {
    issues ??= [];
    if (op.kind === 'remove-issue') issues = issues.filter((i) => String(i.id) !== op.id);
    else if (op.kind === 'add-issue') issues.push(op.issue);
    else if (op.kind === 'set-field') {
      issues = issues.map((i) => {
        if (String(i.id) !== op.id) return i;
        const next = { ...i } as Obj;
        if (op.value === undefined || op.value === null) delete next[op.field];
        else next[op.field] = op.value;
        return next as IssueData;
      });
    }
  }
  if (issues !== undefined) out.issues = issues;
  const oursById = new Map((ours.issues ?? []).map((i) => [String(i.id), i]));
  const theirsById = new Map((theirs.issues ?? []).map((i) => [String(i.id), i]));
  for (const c of issueConflicts) {
    // A whole-issue conflict (deleted on one side, changed or re-added on the other) shows both versions.
    if (c.field === WHOLE_ISSUE) conflicts.push({ section: 'issues', id: c.id, field: c.field, ours: oursById.get(c.id) ?? null, theirs: theirsById.get(c.id) ?? null });
    else conflicts.push({ section: 'issues', id: c.id, field: c.field, ours: c.mine ?? null, theirs: c.theirs ?? null });
  }
  return { data: out as PlanData, conflicts };
}

/**
 * git's conflicting hunks (`--diff3` markers) resolved line by line where ours, base and theirs
 * have the same number of lines: a line changed on one side only takes that side, so edits on
 * neighbouring lines (a comment here, a value below) both survive. A line changed two ways, or a
 * hunk whose sides differ in length, keeps ours: the merge by meaning and the comment check
 * record what that loses.
 */
export function resolveDiff3(text: string): string {
  const lines = text.split(/(?<=\n)/);
  const out: string[] = [];
  const marker = (line: string, m: string) => line.startsWith(m) && (line.length === m.length || /^[ \r\n]/.test(line.slice(m.length)));
  for (let i = 0; i < lines.length; i++) {
    if (!marker(lines[i], '<<<<<<<')) {
      out.push(lines[i]);
      continue;
    }
    const part: string[][] = [[], [], []];
    let k = 0;
    let j = i + 1;
    for (; j < lines.length; j++) {
      if (k === 0 && marker(lines[j], '|||||||')) k = 1;
      else if (k <= 1 && marker(lines[j], '=======')) k = 2;
      else if (k === 2 && marker(lines[j], '>>>>>>>')) break;
      else part[k].push(lines[j]);
    }
    if (j >= lines.length) return text; // not markers we wrote: leave it to the other candidates
    const [ours, base, theirs] = part;
    if (ours.length === base.length && theirs.length === base.length)
      base.forEach((b, n) => out.push(ours[n] === b ? theirs[n] : theirs[n] === b ? ours[n] : (valueAndComment(b, ours[n], theirs[n]) ?? ours[n])));
    else out.push(...ours);
    i = j;
  }
  return out.join('');
}

// One merge reads the same few texts many times (each candidate, theirs, the result): parses and
// comment lists are kept for the length of one mergePlanTexts call.
let reads: Map<string, ReturnType<typeof parseData>> | undefined;
let lexed: Map<string, string[]> | undefined;

/** A line as its value part, the blanks before its comment, and the comment (`''` when none). */
function splitComment(line: string): [string, string, string] {
  const comment = [...new Lexer().lex(line)].find((t) => t.startsWith('#'));
  const at = comment === undefined ? -1 : line.lastIndexOf(comment);
  if (at < 0) return [line, '', ''];
  const value = line.slice(0, at).trimEnd();
  return [value, line.slice(value.length, at), line.slice(at)];
}

/** One line changed two ways, the value on one side and the comment on the other: both kept. */
function valueAndComment(base: string, ours: string, theirs: string): string | undefined {
  const eol = /\r?\n$/.exec(base)?.[0] ?? '';
  const strip = (l: string) => (l.endsWith(eol) ? l.slice(0, l.length - eol.length) : l);
  const [b, o, t] = [base, ours, theirs].map((l) => splitComment(strip(l)));
  if (o[0] === b[0] && t[2] === b[2] && o[2] !== '') return t[0] + o[1] + o[2] + eol;
  if (t[0] === b[0] && o[2] === b[2] && t[2] !== '') return o[0] + t[1] + t[2] + eol;
  return undefined;
}

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
