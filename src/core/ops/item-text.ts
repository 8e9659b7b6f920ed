// Text edits on whole issue items, for what the leaf diff cannot say: an item put back where it
// was, a new item placed among others, two items swapping places. An item's *body* runs from its
// dash line to its last content line; the comment and blank lines after it (its *gap*) stay where
// they are, so swapping two bodies twice gives back the same bytes. Callers re-read the result.
import { scanIssueItems, type IssueItems } from '../plan/issue-spans.js';
import type { PlanData } from '../plan/model.js';
import type { ItemSource } from './types.js';

export interface ItemLayout {
  scan: IssueItems;
  /** End of each item's last content line (past its line break, or the text's end). */
  bodyEnd: number[];
}

const isContent = (line: string) => {
  const m = /^ *([^ \r])/.exec(line);
  return m !== null && m[1] !== '#';
};

/** Where each item's lines start and its body ends; undefined for a layout the scan does not vouch for. */
export function layoutOf(text: string): ItemLayout | undefined {
  if (cache?.text === text) return cache.layout;
  const scan = scanIssueItems(text);
  let layout: ItemLayout | undefined;
  if (scan) {
    const bodyEnd = scan.starts.map((from, i) => {
      const to = i + 1 < scan.starts.length ? scan.starts[i + 1] : scan.end;
      let end = from;
      for (let pos = from; pos < to; ) {
        const nl = text.indexOf('\n', pos);
        const next = nl < 0 || nl + 1 > to ? to : nl + 1;
        if (isContent(text.slice(pos, next))) end = next;
        pos = next;
      }
      return end;
    });
    layout = { scan, bodyEnd };
  }
  cache = { text, layout };
  return layout;
}
// The board asks for the same base text on every edit until the next save.
let cache: { text: string; layout: ItemLayout | undefined } | undefined;

const linesIn = (s: string) => (s === '' ? 0 : s.split('\n').length - (s.endsWith('\n') ? 1 : 0));

/** Issue `id`'s body and gap line count in `text`, which reads as `data`. */
export function itemSource(text: string, data: PlanData, id: string): ItemSource | undefined {
  const layout = layoutOf(text);
  const i = (data.issues ?? []).findIndex((x) => x.id === id);
  if (!layout || i < 0 || layout.scan.starts.length !== data.issues!.length) return undefined;
  const { starts, end } = layout.scan;
  const next = i + 1 < starts.length ? starts[i + 1] : end;
  return { text: text.slice(starts[i], layout.bodyEnd[i]), gapBelow: linesIn(text.slice(layout.bodyEnd[i], next)) };
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
    const { bodyEnd } = layout;
    return t.slice(0, starts[a]) + t.slice(starts[b], bodyEnd[b]) + t.slice(bodyEnd[a], starts[b]) + t.slice(starts[a], bodyEnd[a]) + t.slice(bodyEnd[b]);
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
    if (!layout) return undefined;
    const { starts, end, dashCol } = layout.scan;
    if (!new RegExp(`^ {${dashCol}}-[ \\r\\n]`).test(body)) return undefined;
    let at = before < starts.length ? starts[before] : end;
    const floor = before > 0 ? layout.bodyEnd[Math.min(before, starts.length) - 1] : starts[0];
    for (let n = 0; n < gapBelow && at > floor; n++) at = t.lastIndexOf('\n', at - 2) + 1;
    if (at < floor) at = floor;
    const eol = eolOf(t);
    let chunk = body.endsWith('\n') ? body : body + eol;
    const above = t.slice(floor, at);
    if (separate && above !== '' && /^(?:[ ]*\r?\n)+$/.test(above)) chunk += above;
    return t.slice(0, at) + chunk + t.slice(at);
  });
}
