// Text edits on whole issue items, for what the leaf diff cannot say: an item put back where it
// was, a new item placed among others, two items swapping places. An item's *body* runs from its
// dash line to its last content line; the comment and blank lines after it (its *gap*) stay where
// they are, so swapping two bodies twice gives back the same bytes. Callers re-read the result.
import { scanIssueItems, type IssueItems } from '../plan/issue-spans.js';
import { editItemText, planLogStyle } from '../plan/fast-edit.js';
import type { IssueData, PlanData } from '../plan/model.js';
import type { ItemSource } from './types.js';

export interface ItemLayout {
  scan: IssueItems;
  /** End of item i's last content line (past its line break, or the text's end); found when asked. */
  bodyEnd(i: number): number;
}

const indentOf = (line: string) => /^ */.exec(line)![0].length;
const isBlankLine = (line: string) => /^[ ]*\r?\n?$/.test(line);
const isCommentLine = (line: string) => /^[ ]*#/.test(line);
// `key: |`, `- >-`, `key: |2+ # note`: a block scalar starts; its lines may look like comments.
const BLOCK_HEADER = /(?:^[ ]*-|:)[ ]+[|>][-+0-9]*[ ]*(?:#.*)?\r?\n?$/;

/** End of the item's last line of content in [from, to): comments and blank lines after it are its gap. */
function bodyEndIn(text: string, from: number, to: number): number {
  let end = from;
  // Inside a block scalar: the header's indent, and whether it keeps trailing blank lines (`|+`).
  let block: { indent: number; keep: boolean } | undefined;
  for (let pos = from; pos < to; ) {
    const nl = text.indexOf('\n', pos);
    const next = nl < 0 || nl + 1 > to ? to : nl + 1;
    const line = text.slice(pos, next);
    if (block && (isBlankLine(line) || indentOf(line) > block.indent)) {
      if (!isBlankLine(line) || block.keep) end = next;
    } else if (!isBlankLine(line) && !isCommentLine(line)) {
      block = undefined;
      end = next;
      const header = BLOCK_HEADER.exec(line.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, '""'));
      if (header) block = { indent: indentOf(line), keep: /[|>][-0-9]*\+/.test(header[0]) };
    } else if (!isBlankLine(line)) block = undefined;
    pos = next;
  }
  return end;
}

/** Where each item's lines start and its body ends; undefined for a layout the scan does not vouch for. */
export function layoutOf(text: string): ItemLayout | undefined {
  if (cache?.text === text) return cache.layout;
  const scan = scanIssueItems(text);
  let layout: ItemLayout | undefined;
  if (scan) {
    const ends: number[] = [];
    const bodyEnd = (i: number) => (ends[i] ??= bodyEndIn(text, scan.starts[i], i + 1 < scan.starts.length ? scan.starts[i + 1] : scan.end));
    layout = { scan, bodyEnd };
  }
  cache = { text, layout };
  return layout;
}
// The board asks for the same base text on every edit until the next save.
let cache: { text: string; layout: ItemLayout | undefined } | undefined;

const isBlank = (s: string) => s !== '' && /^(?:[ ]*\r?\n)+$/.test(s);
const HEADING_COMMENTS = /^(?:[ ]*#[^\n]*\n)+$/;

/** Item i of the layout as written (see ItemSource). */
function sourceAt(text: string, layout: ItemLayout, i: number): ItemSource {
  const { starts, end } = layout.scan;
  const next = i + 1 < starts.length ? starts[i + 1] : end;
  const gap = text.slice(layout.bodyEnd(i), next);
  const above = i > 0 ? text.slice(layout.bodyEnd(i - 1), starts[i]) : '';
  const last = i === starts.length - 1;
  // The blank lines that part items go with the item; so do those above a comment that heads the
  // next item ("# phase two"), which a new item is placed above (add-issue).
  const partsFromHeading = isBlank(above) && gap.startsWith(above) && HEADING_COMMENTS.test(gap.slice(above.length));
  const cut = isBlank(gap) && gap === above ? { above: '', below: gap } : partsFromHeading ? { above: '', below: above } : last && isBlank(above) ? { above, below: '' } : { above: '', below: '' };
  return { text: text.slice(starts[i], layout.bodyEnd(i)), gap, cut };
}

/** Issue `id` as written in `text`, which reads as `data`. */
export function itemSource(text: string, data: PlanData, id: string): ItemSource | undefined {
  const layout = layoutOf(text);
  const i = (data.issues ?? []).findIndex((x) => x.id === id);
  if (!layout || i < 0 || layout.scan.starts.length !== data.issues!.length) return undefined;
  return sourceAt(text, layout, i);
}

/**
 * Issue `id` as it will be written once edited to read as `now` and saved over `text` (which
 * reads as `before`): its item edited on its own, without the rest of the file.
 */
export function editedItemSource(text: string, before: PlanData, id: string, now: IssueData): ItemSource | undefined {
  const base = itemSource(text, before, id);
  const layout = layoutOf(text);
  const old = before.issues?.find((x) => x.id === id);
  if (!base || !layout || !old) return undefined;
  if (old === now) return base;
  const edited = editItemText(base.text, layout.scan.dashCol, old, now, () => planLogStyle(text, before.issues ?? []));
  return edited === undefined ? undefined : { ...base, text: edited };
}

/** Lines (a `\n` count) in a run of whole lines. */
export const lineCount = (s: string) => (s === '' ? 0 : s.split('\n').length - (s.endsWith('\n') ? 1 : 0));

/** Item i's lines taken out with the blank lines that go with it (ItemSource.cut); comment lines stay. */
export function removeItem(text: string, i: number): string | undefined {
  return withFinalBreak(text, (t) => {
    const layout = layoutOf(t);
    if (!layout || i >= layout.scan.starts.length || layout.scan.starts.length < 2) return undefined;
    const s = sourceAt(t, layout, i);
    const from = layout.scan.starts[i];
    return t.slice(0, from - s.cut.above.length) + t.slice(from + s.text.length + s.cut.below.length);
  });
}

const eolOf = (text: string) => (text.includes('\r\n') ? '\r\n' : '\n');

/** Runs f on text with a final line break, and takes the added one off again. */
function withFinalBreak(text: string, f: (t: string) => string | undefined): string | undefined {
  if (text === '' || text.endsWith('\n')) return f(text);
  const eol = eolOf(text);
  const out = f(text + eol);
  return out === undefined || !out.endsWith(eol) ? undefined : out.slice(0, -eol.length);
}

/** Items i and j (in `text`'s order) swap bodies; everything else stays. */
export function swapItems(text: string, i: number, j: number): string | undefined {
  if (i === j) return text;
  const [a, b] = i < j ? [i, j] : [j, i];
  return withFinalBreak(text, (t) => {
    const layout = layoutOf(t);
    if (!layout || b >= layout.scan.starts.length) return undefined;
    const { starts } = layout.scan;
    const [ea, eb] = [layout.bodyEnd(a), layout.bodyEnd(b)];
    return t.slice(0, starts[a]) + t.slice(starts[b], eb) + t.slice(ea, starts[b]) + t.slice(starts[a], ea) + t.slice(eb);
  });
}

/**
 * Inserts an item's body before item `before` (an index; the section's end when past the last),
 * `gapBelow` comment or blank lines above it, never above the previous item's body. `separate`: a
 * new item copies the blank lines that part the items around it.
 */
export function insertItem(text: string, body: string, before: number, gapBelow: number, separate: boolean): string | undefined {
  return withFinalBreak(text, (t) => {
    const layout = layoutOf(t);
    if (!layout) return intoEmptyList(t, body);
    const { starts, end, dashCol } = layout.scan;
    if (!new RegExp(`^(?:[ ]*\\r?\\n)*[ ]{${dashCol}}-[ \\r\\n]`).test(body)) return undefined;
    let at = before < starts.length ? starts[before] : end;
    const floor = before > 0 ? layout.bodyEnd(Math.min(before, starts.length) - 1) : sectionTop(t, starts[0]);
    for (let n = 0; n < gapBelow && at > floor; n++) at = t.lastIndexOf('\n', at - 2) + 1;
    if (at < floor) at = floor;
    const eol = eolOf(t);
    let chunk = body.endsWith('\n') ? body : body + eol;
    const above = t.slice(floor, at);
    if (separate && isBlank(above)) chunk += above;
    return t.slice(0, at) + chunk + t.slice(at);
  });
}

/** How many comment lines lead item `i` (directly above its dash): they belong to it, so a new item goes above them. */
export function leadingComments(text: string, i: number): number {
  const layout = layoutOf(text);
  if (!layout || i >= layout.scan.starts.length) return 0;
  let at = layout.scan.starts[i];
  let n = 0;
  while (at > 0) {
    const prev = text.lastIndexOf('\n', at - 2) + 1;
    if (!isCommentLine(text.slice(prev, at))) break;
    n++;
    at = prev;
  }
  return n;
}

/** Start of the comment and blank lines right above the first item (below the `issues:` line). */
function sectionTop(text: string, first: number): number {
  let at = first;
  while (at > 0) {
    const prev = text.lastIndexOf('\n', at - 2) + 1;
    const line = text.slice(prev, at);
    if (!isBlankLine(line) && !isCommentLine(line)) break;
    at = prev;
  }
  return at;
}

/** `issues: []` (what removing every issue leaves) becomes a block list holding this item. */
function intoEmptyList(text: string, body: string): string | undefined {
  const all = [...text.matchAll(/^issues:([ ]*\[\][ ]*)(?=\r?\n)/gm)];
  if (all.length !== 1 || !/^ *- /.test(body)) return undefined; // (a lone item has no blank lines to bring)
  const m = all[0];
  const eol = eolOf(text);
  const at = m.index + 'issues:'.length;
  const after = at + m[1].length;
  const rest = text.slice(after + eol.length);
  return text.slice(0, at) + eol + (body.endsWith('\n') ? body : body + eol) + rest;
}
