// Text the fast read steps aside on although js-yaml reads it: where js-yaml and yaml read YAML
// apart. Each guard stands for a family of inputs that differential fuzzing found (the examples
// are in test/core/load/fast-path.test.ts); removing one makes that fuzz fail again. Such text is
// rare in a plan, so the fast read does not try to agree there: it leaves the whole text to the
// precise read, which also says where the problem is.

/**
 * Line starts: a tab in a line's indentation (js-yaml ends a block scalar at a tab-only or
 * tab-indented line and reads on, yaml refuses it: issue 15), an indented `---` or `...` (js-yaml
 * takes it for a document marker, yaml for text), a `%` line (a directive yaml warns about).
 * Each pattern runs only when its character is in the text at all: a scan of the whole text costs
 * about a tenth of the parse.
 */
export function hasOddLineStart(text: string): boolean {
  return (
    (text.includes('\t') && /^ *\t/m.test(text)) ||
    (text.includes('%') && /^%/m.test(text)) ||
    ((text.includes('---') || text.includes('...')) && /^[ \t]+(?:---|\.\.\.)(?!\S)/m.test(text))
  );
}

/**
 * A `...` line (document end) with anything but blank lines and comments after it: js-yaml reads
 * on into the next document as if it were this one, yaml counts two documents.
 */
export function textAfterDocumentEnd(text: string): boolean {
  const end = /^\.\.\.(?!\S)/m.exec(text);
  if (!end) return false;
  return !text
    .slice(end.index + 3)
    .split('\n')
    .every((line) => /^\s*(?:#.*)?$/.test(line));
}

/**
 * A block scalar whose header (the line that ends just before its text at `valueStart`) may hold
 * an indentation indicator (`|2-`) or keeps its final line breaks (`>+`, `|+`): the two parsers
 * count its trailing blank lines differently (`- >+` over a line of spaces: "" for yaml, "\n"
 * for js-yaml).
 */
export function blockScalarIndicator(text: string, valueStart: number): boolean {
  const header = text.slice(text.lastIndexOf('\n', valueStart - 2) + 1, valueStart);
  return /[|>](?:[-+]?[0-9]|[0-9]?\+)/.test(header);
}

const ESCAPED_BREAK = /\\\r?\n/;

/** Whether the text has an escaped line break anywhere (so double-quoted scalars need a look). */
export const mayHaveEscapedLineBreak = (text: string): boolean => ESCAPED_BREAK.test(text);

/**
 * A double-quoted scalar (its text inside the quotes from `start` to `end`) with an escaped line
 * break (`\` at a line's end): the two parsers join the blank lines after it differently.
 */
export function escapedLineBreak(text: string, start: number, end: number): boolean {
  return ESCAPED_BREAK.test(text.slice(start, end));
}

/**
 * A plain value that starts its own line below a comment line (`a:` / `#x` / `  b`): yaml may run
 * it on into the lines after it (`b - 1` from `b` and `- 1`, or a key over two lines), js-yaml not.
 */
export function commentAbovePlainValue(text: string, at: number): boolean {
  if (at < 0) return false;
  let start = text.lastIndexOf('\n', at - 1) + 1;
  for (let i = start; i < at; i++) if (text[i] !== ' ') return false;
  while (start > 0) {
    const end = start - 1;
    start = end === 0 ? 0 : text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).trim();
    if (line !== '') return line[0] === '#';
  }
  return false;
}

/** The column of offset `at`. */
export const columnOf = (text: string, at: number): number => at - text.lastIndexOf('\n', at - 1) - 1;
