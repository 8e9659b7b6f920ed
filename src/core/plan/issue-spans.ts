// Where each item of the top-level `issues:` block sequence sits in the text, found by one linear
// scan of lines instead of a full YAML parse. The reasoning: in block style an item starts at a
// line `<dash indent>- ` (or a bare `-`), and everything it holds (nested keys, block scalars,
// multi-line flow collections and quoted scalars) must be indented further, so a line at the dash
// column that is not a comment starts the next item, and a line at column 0 ends the section.
// Comment lines may sit at any column, so they never start or end anything; comments and blank
// lines before the next item belong to the item above. Anything unusual returns undefined, and
// the caller edits through the full YAML Document instead. Callers still re-parse every chunk
// they change and compare it with the data it must hold.

export interface IssueItems {
  /** Column of the items' dashes (the `issues:` key is at column 0). */
  dashCol: number;
  /** Offset of the start of each item's dash line, in file order. */
  starts: number[];
  /** Where the section ends: the start of the next top-level key's line, or the text's end. */
  end: number;
}

const ISSUES_KEY = /^issues:[ ]*(?:#.*)?\r?$/;

/** The line's indentation, or -1 for a blank or comment-only line. */
function indentOf(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === 32) i++;
  const c = line[i];
  if (c === undefined || c === '\r' || c === '#') return -1;
  return i;
}

const isDash = (line: string, col: number) => line[col] === '-' && (col + 1 === line.length || line[col + 1] === ' ' || line[col + 1] === '\r');

export function scanIssueItems(text: string): IssueItems | undefined {
  if (text.includes('\t') || (text.includes('\r') && /\r(?!\n)/.test(text))) return undefined;
  let pos = 0;
  let state: 'before' | 'head' | 'items' = 'before';
  let dashCol = -1;
  const starts: number[] = [];
  let end = -1;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const next = nl < 0 ? text.length : nl + 1;
    const line = text.slice(pos, nl < 0 ? text.length : nl);
    const c0 = line[0];
    // Document markers and directives: several documents or a `%YAML` header are not for us.
    if ((c0 === '-' || c0 === '.') && /^(?:---|\.\.\.)(?:[ \r]|$)/.test(line)) return undefined;
    if (c0 === '%' && state === 'before') return undefined;
    if (state === 'before') {
      if (ISSUES_KEY.test(line)) state = 'head';
    } else {
      const ind = indentOf(line);
      if (ind >= 0) {
        if (state === 'head') {
          if (!isDash(line, ind)) return undefined; // `issues:` followed by a flow list, or odd
          dashCol = ind;
          state = 'items';
          starts.push(pos);
        } else if (ind === dashCol && isDash(line, ind)) starts.push(pos);
        else if (ind === 0) {
          // The next top-level key ends the section; anything else at column 0 is unusual.
          if (!/^[A-Za-z_"']/.test(line)) return undefined;
          end = pos;
          break;
        } else if (ind <= dashCol) return undefined;
      }
    }
    pos = next;
  }
  if (state !== 'items') return undefined;
  if (end < 0) end = text.length;
  // A second `issues:` after the section cannot load, but do not be the one to find out.
  return { dashCol, starts, end };
}

/** Item i's span [from, to): its dash line up to the next item's dash line or the section's end. */
export function itemSpan(items: IssueItems, i: number): [number, number] {
  return [items.starts[i], i + 1 < items.starts.length ? items.starts[i + 1] : items.end];
}

/**
 * How many items a chunk cut from the issues section holds, checking it could sit there: each
 * content line is either an item's dash line at `dashCol` or indented further; -1 otherwise.
 */
export function countChunkItems(chunk: string, dashCol: number): number {
  let count = 0;
  let pos = 0;
  while (pos < chunk.length) {
    const nl = chunk.indexOf('\n', pos);
    const line = chunk.slice(pos, nl < 0 ? chunk.length : nl);
    const ind = indentOf(line);
    if (ind >= 0) {
      if (ind === dashCol && isDash(line, ind)) count++;
      else if (ind <= dashCol || count === 0) return -1;
    }
    pos = nl < 0 ? chunk.length : nl + 1;
  }
  return count;
}
