// How deep a Markdown document nests lists and block quotes: by markers on one line (`- - - x`,
// `> > x`, `1. - x`) and by indentation over many lines. The parser and the tree walk recurse
// once per level and check every open level on every line: 1,200 levels by indentation took a
// minute, a few thousand markers on one line overflowed the stack. So the importer refuses such
// a document first, naming the place. No roadmap nests anywhere near the limit.
export const MAX_NESTING = 64;

/** The width of leading whitespace from `i`, tabs to the next multiple of 4; and where it ends. */
function indentFrom(line: string, i: number, col: number): { col: number; at: number } {
  while (line[i] === ' ' || line[i] === '\t') col = line[i++] === '\t' ? col + 4 - (col % 4) : col + 1;
  return { col, at: i };
}

/** The marker at `at` (`>`, `-`, `*`, `+`, `1.`, `1)`) followed by whitespace or the line's end: its end, or -1. */
function markerEnd(line: string, at: number): number {
  const c = line[at];
  let end = -1;
  if (c === '>' || c === '-' || c === '*' || c === '+') end = at + 1;
  else {
    let d = at;
    while (d - at < 9 && line[d] >= '0' && line[d] <= '9') d++;
    if (d > at && (line[d] === '.' || line[d] === ')')) end = d + 1;
  }
  return end >= 0 && (end === line.length || line[end] === ' ' || line[end] === '\t') ? end : -1;
}

/** A thematic break (`* * * *`, `- - -`): one marker character repeated, nothing else. */
const isBreak = (line: string) => /^[ \t]*(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/.test(line);

/**
 * Where the text first nests deeper than `max`: line and column (1-based), or undefined.
 * A close reading of CommonMark's containers is not needed, only a bound: each level's content
 * column is kept, and a line indented less than a level's column closes it.
 */
export function firstTooDeep(text: string, max = MAX_NESTING): { line: number; col: number } | undefined {
  const open: number[] = []; // content column of each open level
  let from = 0;
  for (let n = 1; from <= text.length; n++) {
    const nl = text.indexOf('\n', from);
    let line = text.slice(from, nl < 0 ? text.length : nl);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    from = nl < 0 ? text.length + 1 : nl + 1;
    let { col, at } = indentFrom(line, 0, 0);
    if (at === line.length) continue; // blank lines close nothing
    while (open.length > 0 && open[open.length - 1] > col) open.pop();
    if (isBreak(line)) continue;
    for (;;) {
      const end = markerEnd(line, at);
      if (end < 0) break;
      const next = indentFrom(line, end, col + (end - at));
      open.push(next.at === line.length ? col + (end - at) + 1 : next.col);
      if (open.length > max) return { line: n, col: at + 1 };
      ({ col, at } = next);
    }
  }
  return undefined;
}
