// Our changes to Ink, applied when esbuild bundles it (scripts/build.mjs, bench/run.mjs), so a
// fresh `npm ci` needs no patch step. Each patch must match exactly once: an Ink upgrade that
// moves the code fails the build loudly instead of silently dropping a fix.
//
// 1. The terminal is the user's: Ink switches to `clearTerminal` (ESC[2J ESC[3J ESC[H) whenever a
//    frame is as tall as the terminal, which the board always is. That erases the user's
//    scrollback and repaints everything on each key. Without it, a full-height frame takes Ink's
//    incremental path: only the changed lines are written.
// 2. Ink's incremental writer (log-update.js) lost a line after a frame whose last row is blank,
//    and rewrote whole lines: now only the changed cells of a changed line are sent.
// 3. Output stage (output.js), the screen unchanged (test/ui/ink-patches.slow.test.ts):
//    - the per-frame caches (styled chars of a line, string widths) live across frames;
//    - a write that lies wholly inside its clip, every character one column, is not cut with
//      slice-ansi (which may drop a zero-width one: test/ui/ink-patches.test.ts found it);
//    - the blank grid shares one cell object (filled natively), and a row with no styles is
//      joined once; a printable ASCII character is one column without a width lookup;
//    - a row whose cells are the very objects of the last frame's row keeps its text;
//    - widestLine of a text node is cached (render-node-to-output.js);
//    - ansi-tokenize walks a line of one-column characters by code unit, not by grapheme, and
//      the cells of a styled run share their styles, so a row is joined without a diff per cell.
import { readFileSync } from 'node:fs';

const CACHE_LIMIT = 50000;
// Lines whose cells are kept: a few dozen frames' worth. Each holds a cell object per column, so a
// larger cache fills the heap with cells of lines long gone, and every garbage collection pays.
const CELL_LINES = 4000;

const OLD_LOOP = `        for (let i = 0; i < visibleCount; i++) {
            const isLastLine = i === visibleCount - 1;
            // We do not write lines if the contents are the same. This prevents flickering during renders.
            if (nextLines[i] === previousLines[i]) {
                // Don't move past the last line when there's no trailing newline,
                // otherwise the cursor overshoots the rendered block.
                if (!isLastLine || hasTrailingNewline) {
                    buffer.push(ansiEscapes.cursorNextLine);
                }
                continue;
            }
            buffer.push(ansiEscapes.cursorTo(0) +
                nextLines[i] +
                ansiEscapes.eraseEndLine +
                // Don't append newline after the last line when the input
                // has no trailing newline (fullscreen mode).
                (isLastLine && !hasTrailingNewline ? '' : '\\n'));
        }`;

const NEW_LOOP = `        // planboard: only the changed cells of a changed line are written; unchanged lines are
        // skipped with one cursor move.
        let row = 0;
        for (let i = 0; i < visibleCount; i++) {
            if (nextLines[i] === previousLines[i]) {
                continue;
            }
            if (i > row) {
                buffer.push(ansiEscapes.cursorDown(i - row));
            }
            row = i;
            buffer.push(i < previousVisible ? pbLineChange(previousLines[i], nextLines[i]) : ansiEscapes.cursorTo(0) + nextLines[i] + ansiEscapes.eraseEndLine);
        }
        const lastRow = hasTrailingNewline ? visibleCount : visibleCount - 1;
        buffer.push(lastRow > row ? '\\u001B[' + (lastRow - row) + 'E' : ansiEscapes.cursorTo(0));`;

const LINE_CHANGE = `import ansiEscapes from 'ansi-escapes';
import { styledCharsFromTokens, styledCharsToString, tokenize } from '@alcalzone/ansi-tokenize';
// planboard: a line's cells (character and styles), kept across frames.
const pbCellCache = new Map();
const pbCells = (line) => {
    let cells = pbCellCache.get(line);
    if (cells === undefined) {
        if (pbCellCache.size > ${CELL_LINES}) pbCellCache.clear();
        cells = styledCharsFromTokens(tokenize(line));
        pbCellCache.set(line, cells);
    }
    return cells;
};
const pbSameCell = (a, b) => {
    if (a.value !== b.value || a.fullWidth !== b.fullWidth || a.styles.length !== b.styles.length) return false;
    for (let i = 0; i < a.styles.length; i++) {
        if (a.styles[i].code !== b.styles[i].code) return false;
    }
    return true;
};
const pbWidth = (cells, from, to) => {
    let w = 0;
    for (let i = from; i < to; i++) w += cells[i].fullWidth ? 2 : 1;
    return w;
};
// The bytes that turn the line on screen (\`before\`) into \`after\`: go to the first changed cell,
// write up to the last changed one, erase the rest when the line got shorter.
const pbLineChange = (before, after) => {
    const a = pbCells(before);
    const b = pbCells(after);
    let start = 0;
    while (start < a.length && start < b.length && pbSameCell(a[start], b[start])) start++;
    let endA = a.length;
    let endB = b.length;
    while (endA > start && endB > start && pbSameCell(a[endA - 1], b[endB - 1])) {
        endA--;
        endB--;
    }
    // A common tail counts only if it stays in the same columns.
    if (pbWidth(a, start, endA) !== pbWidth(b, start, endB)) {
        endA = a.length;
        endB = b.length;
    }
    const erase = endB === b.length && pbWidth(a, 0, a.length) > pbWidth(b, 0, b.length) ? ansiEscapes.eraseEndLine : '';
    return ansiEscapes.cursorTo(pbWidth(b, 0, start)) + styledCharsToString(b.slice(start, endB)) + erase;
};`;


export const INK_PATCHES = [
  {
    file: 'ink/build/ink.js',
    edits: [
      [
        'if (this.lastOutputHeight >= this.options.stdout.rows) {',
        'if (false) { // planboard: never clearTerminal (it erases scrollback); full-height frames diff by line',
      ],
      // clear() told the writer the old frame was still on screen, which only the full repaint
      // above made true: after clear() (e.g. back from Ctrl-z on a fresh alternate screen) the
      // next frame is written whole.
      // A resized terminal reflows or crops the lines on screen and moves the cursor, so no diff
      // against the old frame holds: clear the screen (not the scrollback) and have the next frame
      // drawn whole. Not drawn here: the tree still has the old size until the app's own resize
      // handler re-renders it (src/ui/use-terminal-size.ts does on every resize event).
      [
        `        if (currentWidth < this.lastTerminalWidth) {
            // We clear the screen when decreasing terminal width to prevent duplicate overlapping re-renders.
            this.log.clear();
            this.lastOutput = '';
            this.lastOutputToRender = '';
        }
        this.calculateLayout();
        this.onRender();`,
        `        this.options.stdout.write('\\u001B[H\\u001B[J');
        this.log.sync('');
        this.lastOutput = '';
        this.lastOutputToRender = '';
        this.calculateLayout();`,
      ],
      [
        "            this.log.sync(this.lastOutputToRender || this.lastOutput + '\\n');",
        "            this.lastOutput = '';\n            this.lastOutputToRender = '';",
      ],
    ],
  },
  {
    // After a frame that ends in a newline (its last row blank) the cursor sits below the last
    // line, not on it: going up one line too few shifted the next frame down by a row.
    file: 'ink/build/log-update.js',
    edits: [
      [
        'buffer.push(ansiEscapes.cursorUp(previousVisible - 1));',
        "buffer.push(previousVisible - (previousOutput.endsWith('\\n') ? 0 : 1) > 0 ? ansiEscapes.cursorUp(previousVisible - (previousOutput.endsWith('\\n') ? 0 : 1)) : '');",
      ],
      [OLD_LOOP, NEW_LOOP],
      ["import ansiEscapes from 'ansi-escapes';", LINE_CHANGE],
    ],
  },
  {
    file: 'ink/build/output.js',
    edits: [
      ['    caches = new OutputCaches();', '    caches = sharedCaches();'],
      [
        `                row.push({
                    type: 'char',
                    value: ' ',
                    fullWidth: false,
                    styles: [],
                });`,
        '                row.push(BLANK_CELL);',
      ],
      // The blank grid filled natively, not cell by cell (the cell is shared, see BLANK_CELL).
      [
        `            const row = [];
            for (let x = 0; x < this.width; x++) {
                row.push(BLANK_CELL);
            }`,
        '            const row = new Array(this.width).fill(BLANK_CELL);',
      ],
      // A printable ASCII character is one column (string-width says so without a lookup).
      [
        'const characterWidth = Math.max(1, this.caches.getStringWidth(character.value));',
        `const pbCode = character.value.length === 1 ? character.value.charCodeAt(0) : 0;
                        const characterWidth = pbCode >= 0x20 && pbCode < 0x7f ? 1 : Math.max(1, this.caches.getStringWidth(character.value));`,
      ],
      [
        `                    if (clipHorizontally) {
                        lines = lines.map(`,
        `                    if (clipHorizontally && !(x >= clip.x1 && x + this.caches.getWidestLine(text) <= clip.x2 && pbOneColumn(text))) {
                        lines = lines.map(`,
      ],
      [
        `            .map(line => {
            // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742
            const lineWithoutEmptyItems = line.filter(item => item !== undefined);
            return styledCharsToString(lineWithoutEmptyItems).trimEnd();
        })`,
        `            .map((line, y) => pbRow(line, y))`,
      ],
      [
        'export default class Output {',
        `// planboard: shared across frames, dropped whole when large (plans change, sizes change).
let pbCaches;
function sharedCaches() {
    if (!pbCaches || pbCaches.styledChars.size > ${CELL_LINES} || pbCaches.widths.size + pbCaches.blockWidths.size > ${CACHE_LIMIT}) {
        pbCaches = new OutputCaches();
    }
    return pbCaches;
}
// A write inside its clip is not cut when slice-ansi would give it back whole: every character
// of it one column (a zero-width one, a combining mark or a soft hyphen, slice-ansi may drop),
// and its styles as slice-ansi writes them (it reorders a style opened twice, for one). Found
// once per text: the answer is kept.
const PB_ONE_COLUMN_TEXT = /^(?:[\\n\\u0020-\\u007E\\u00A0-\\u00AC\\u00AE-\\u02FF\\u0370-\\u03FF\\u0400-\\u0482\\u048A-\\u04FF\\u2010-\\u2027\\u2039\\u203A\\u203C\\u2190-\\u21FF\\u2298\\u2500-\\u25FC\\u25FF\\u2713]|\\u001B\\[[0-9;]*m)*$/;
const pbOneColumnTexts = new Map();
const pbOneColumn = (text) => {
    let one = pbOneColumnTexts.get(text);
    if (one === undefined) {
        if (pbOneColumnTexts.size > ${CACHE_LIMIT}) pbOneColumnTexts.clear();
        one = PB_ONE_COLUMN_TEXT.test(text) && text.split('\\n').every((l) => sliceAnsi(l, 0, l.replace(/\\u001B\\[[0-9;]*m/g, '').length) === l);
        pbOneColumnTexts.set(text, one);
    }
    return one;
};
const BLANK_CELL = Object.freeze({ type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([]) });
// A row's text is a function of its cells, and the cells of an unchanged line are the same
// objects frame after frame (the styled-chars cache above, BLANK_CELL): a row whose cells are all
// the very ones of the last frame's row at that height keeps its text.
let pbRows = [];
const pbRow = (line, y) => {
    const last = pbRows[y];
    if (last !== undefined && last.cells.length === line.length) {
        let same = true;
        for (let i = 0; i < line.length; i++) {
            if (line[i] !== last.cells[i]) {
                same = false;
                break;
            }
        }
        if (same) return last.text;
    }
    // One pass for a row with no styles; the holes are skipped as Ink skips them
    // (https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742).
    // Joined once, not appended to cell by cell (a string object per cell, per row, per frame).
    const parts = new Array(line.length);
    let n = 0;
    let styled = false;
    for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (c === undefined) continue;
        if (c.styles.length > 0) {
            styled = true;
            break;
        }
        parts[n++] = c.value;
    }
    parts.length = n;
    const text = (styled ? styledCharsToString(line.filter(item => item !== undefined)) : parts.join('')).trimEnd();
    if (y > 1000) return text;
    pbRows[y] = { cells: line, text };
    return text;
};
export default class Output {`,
      ],
    ],
  },
  {
    // Ink measures every changed line with string-width; its fast path took printable ASCII
    // only, so a line with a box-drawing bar or a mark went through grapheme segmentation.
    // These are one column each in string-width too (test/ui/ink-patches.test.ts).
    file: 'string-width/index.js',
    edits: [
      [
        'if (/^[\\u0020-\\u007E]*$/.test(string)) {',
        'if (/^[\\u0020-\\u007E]*$/.test(string) || (ambiguousIsNarrow && ONE_COLUMN.test(string))) {',
      ],
      [
        'const segmenter = new Intl.Segmenter();',
        `const segmenter = new Intl.Segmenter();
// planboard: Latin, Greek, Cyrillic (no combining marks, no soft hyphen), dashes and quotes,
// arrows, box drawing and shapes, and the board's marks (‹ › ‼ ⊘ ✓): one column each.
const ONE_COLUMN = /^[\\u0020-\\u007E\\u00A0-\\u00AC\\u00AE-\\u02FF\\u0370-\\u03FF\\u0400-\\u0482\\u048A-\\u04FF\\u2010-\\u2027\\u2039\\u203A\\u203C\\u2190-\\u21FF\\u2298\\u2500-\\u25FC\\u25FF\\u2713]*$/;`,
      ],
    ],
  },
  {
    // Ink turns every new line into styled cells with ansi-tokenize, which walks the string by
    // grapheme (Intl.Segmenter): most of a frame's cost when many lines change (a search, a
    // tick). A line of one-column characters (the string-width class above, where every code unit
    // is its own grapheme and none is wide) and SGR codes is walked by code unit instead, giving
    // the same tokens (test/ui/ink-patches.test.ts).
    file: '@alcalzone/ansi-tokenize/build/tokenize.js',
    edits: [
      [
        'export function tokenize(str, endChar = Number.POSITIVE_INFINITY) {',
        `const PB_SIMPLE = /^(?:[\\u0020-\\u007E\\u00A0-\\u00AC\\u00AE-\\u02FF\\u0370-\\u03FF\\u0400-\\u0482\\u048A-\\u04FF\\u2010-\\u2027\\u2039\\u203A\\u203C\\u2190-\\u21FF\\u2298\\u2500-\\u25FC\\u25FF\\u2713]|\\u001B\\[[0-9;]*m)*$/;
function pbTokenize(str) {
    const ret = [];
    for (let index = 0; index < str.length; index++) {
        if (str.charCodeAt(index) === 0x1b) {
            const code = parseSGRSequence(str, index);
            for (const individualCode of splitCompoundSGRSequences(code)) {
                ret.push({
                    type: "ansi",
                    code: individualCode,
                    endCode: getEndCode(individualCode),
                });
            }
            index += code.length - 1;
            continue;
        }
        ret.push({
            type: "char",
            value: str[index],
            fullWidth: false,
        });
    }
    return ret;
}
export function tokenize(str, endChar = Number.POSITIVE_INFINITY) {
    if (endChar === Number.POSITIVE_INFINITY && PB_SIMPLE.test(str)) {
        return pbTokenize(str);
    }`,
      ],
    ],
  },
  {
    // A row is turned back into a string cell by cell, diffing each cell's styles with the last
    // one's (arrays and sets per cell). Cells of one styled run now share one styles array, and
    // a cell with the very array of the one before needs no diff (it would be empty).
    file: '@alcalzone/ansi-tokenize/build/styledChars.js',
    edits: [
      [
        `    let codes = [];
    const ret = [];
    for (const token of tokens) {
        if (token.type === "ansi") {
            codes = reduceAnsiCodesIncremental(codes, [token]);
        }
        else if (token.type === "char") {
            ret.push({
                ...token,
                styles: [...codes],
            });
        }
    }`,
        `    let codes = [];
    let shared = null;
    const ret = [];
    for (const token of tokens) {
        if (token.type === "ansi") {
            codes = reduceAnsiCodesIncremental(codes, [token]);
            shared = null;
        }
        else if (token.type === "char") {
            shared ??= [...codes];
            ret.push({
                type: token.type,
                value: token.value,
                fullWidth: token.fullWidth,
                styles: shared,
            });
        }
    }`,
      ],
      [
        `        else {
            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));
        }`,
        `        else if (chars[i - 1].styles !== char.styles) {
            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));
        }`,
      ],
    ],
  },
  {
    file: 'ink/build/render-node-to-output.js',
    edits: [
      [
        "import widestLine from 'widest-line';",
        `import inkWidestLine from 'widest-line';
// planboard: a text node's width is measured once, not on every frame.
const pbWidths = new Map();
const widestLine = (text) => {
    let w = pbWidths.get(text);
    if (w === undefined) {
        if (pbWidths.size > ${CACHE_LIMIT}) pbWidths.clear();
        w = inkWidestLine(text);
        pbWidths.set(text, w);
    }
    return w;
};`,
      ],
    ],
  },
];

/** The patch for a bundled file: Ink's own files, and the string-width that Ink itself resolves. */
function patchFor(file) {
  const path = file.replaceAll('\\', '/');
  // One node_modules level: the top-level package (nested copies are other versions for others).
  if (path.split('/node_modules/').length !== 2) return undefined;
  return INK_PATCHES.find((p) => path.endsWith(`/node_modules/${p.file}`));
}

/** Applies one file's edits; throws when an edit does not match exactly once. */
export function patchSource(file, source) {
  const patch = patchFor(file);
  if (!patch) return source;
  let out = source;
  for (const [find, replace] of patch.edits) {
    const at = out.indexOf(find);
    if (at < 0 || out.indexOf(find, at + 1) >= 0) throw new Error(`ink-patches: ${patch.file}: expected exactly one "${find.split('\n')[0].trim()}"; Ink changed, update scripts/ink-patches.mjs`);
    out = out.slice(0, at) + replace + out.slice(at + find.length);
  }
  return out;
}

/** The esbuild plug-in. */
export function inkPatches() {
  const filter = /node_modules[\\/](ink[\\/]build[\\/](ink|log-update|output|render-node-to-output)|string-width[\\/]index|@alcalzone[\\/]ansi-tokenize[\\/]build[\\/](tokenize|styledChars))\.js$/;
  return {
    name: 'planboard-ink-patches',
    setup(b) {
      const seen = new Set();
      b.onLoad({ filter }, (args) => {
        const patch = patchFor(args.path);
        if (!patch) return undefined;
        seen.add(patch.file);
        return { contents: patchSource(args.path, readFileSync(args.path, 'utf8')), loader: 'js' };
      });
      b.onEnd((result) => {
        // Every patched file must have been bundled (and so patched) when Ink is in the bundle.
        if (result.errors.length || ![...seen].some((f) => f.startsWith('ink/'))) return;
        if (seen.size !== INK_PATCHES.length) result.errors.push({ text: `ink-patches: patched ${seen.size} of ${INK_PATCHES.length} Ink files` });
      });
    },
  };
}
