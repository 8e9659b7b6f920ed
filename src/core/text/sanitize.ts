// The one sanitiser: plan text is untrusted (anyone who can write the file can write a title),
// so every output shows it inert. Applied where plan text enters an output string, never to a
// whole output, so that escape sequences of our own (colours, the alternate screen) survive.
//
// What is unsafe, and how it is shown (visible, one reading per character, never raw):
//   C0 controls U+0000–U+001F (ESC among them)  → caret notation, as `cat -v`: ESC `^[`, BEL `^G`
//   DEL U+007F                                  → `^?`
//   C1 controls U+0080–U+009F (CSI U+009B, NEL) → `<U+009B>`
//   bidi marks, embeddings, overrides, isolates → `<U+202E>` (U+061C, U+200E/F, U+202A–E, U+2066–9)
//   line and paragraph separators U+2028/2029  → `<U+2028>`
//   invisible characters that make two ids look alike (U+200B, U+2060–4, U+FEFF) → `<U+200B>`
//   (ZWJ and ZWNJ stay: emoji sequences and some scripts need them)
// In one-line text, newline, tab and CR become a space; block text keeps newlines (CRLF → LF).
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_ONE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

const codePoint = (c: number) => `<U+${c.toString(16).toUpperCase().padStart(4, '0')}>`;

/** The visible stand-in for one unsafe character. */
function shownAs(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c < 0x20) return '^' + String.fromCharCode(c + 0x40);
  if (c === 0x7f) return '^?';
  return codePoint(c);
}

const str = (text: unknown): string => (text === undefined || text === null ? '' : String(text));

/** One line of plan text, safe to print: no control characters, no line breaks. */
export function sanitize(text: unknown): string {
  const s = str(text);
  if (!UNSAFE_ONE.test(s)) return s;
  return s.replace(/\r\n/g, '\n').replace(UNSAFE, (ch) => (ch === '\n' || ch === '\t' || ch === '\r' ? ' ' : shownAs(ch)));
}

/** Multi-line plan text (notes): newlines kept (CRLF and CR as LF), everything else as in sanitize(). */
export function sanitizeBlock(text: unknown): string {
  const s = str(text);
  if (!UNSAFE_ONE.test(s)) return s;
  return s
    .replace(/\r\n?/g, '\n')
    .replace(UNSAFE, (ch) => (ch === '\n' ? '\n' : ch === '\t' ? ' ' : shownAs(ch)));
}

/** True when the text holds nothing that sanitize() would change except line breaks and tabs. */
export const isInert = (s: string): boolean => !UNSAFE_ONE.test(s.replace(/[\n\t]/g, ''));

const JSON_RAW = /[\u007f-\u009f\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * JSON for a terminal: JSON.stringify leaves DEL, C1 controls, bidi controls and U+2028/2029
 * raw; they are written as `\u` escapes here, which is the same JSON value, so nothing is lost.
 */
export function sanitizeJson(value: unknown, indent?: number): string {
  // JSON.stringify already escapes C0 inside strings; a raw newline here is its own layout.
  return (JSON.stringify(value, null, indent) ?? 'null').replace(JSON_RAW, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One Markdown table cell: inert, on one line, with `|` escaped so the row keeps its columns. */
export const markdownCell = (text: unknown): string => sanitize(text).replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
