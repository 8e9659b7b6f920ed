// Aligned plain-text tables for the CLI: columns padded to their widest cell, numbers right-aligned.
// Plan text is untrusted, so every cell is made inert first (a local escape, in the caret
// notation the board uses; the shared sanitiser in src/core/text was not on main yet).

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** One line of plan text, safe to print: controls as ^X, bidi controls as <U+XXXX>, no newlines. */
export function inert(s: string): string {
  return s.replace(UNSAFE, (ch) => {
    const c = ch.charCodeAt(0);
    if (ch === '\n' || ch === '\t' || ch === '\r') return ' ';
    if (c < 0x20) return '^' + String.fromCharCode(c + 0x40);
    if (c === 0x7f) return '^?';
    return `<U+${c.toString(16).toUpperCase().padStart(4, '0')}>`;
  });
}

export function table(head: string[], rows: (string | number)[][], rightAlign: number[] = []): string {
  const cells = [head, ...rows.map((r) => r.map((x) => inert(String(x))))];
  const widths = head.map((_, c) => Math.max(...cells.map((r) => [...(r[c] ?? '')].length)));
  const right = new Set(rightAlign);
  const pad = (s: string, c: number) => {
    const gap = ' '.repeat(widths[c] - [...s].length);
    return right.has(c) ? gap + s : s + gap;
  };
  return cells.map((r) => r.map((s, c) => pad(s ?? '', c)).join('  ').trimEnd()).join('\n');
}

/** Hours as days with up to two decimals. */
export const toDays = (hours: number, hoursPerDay: number): number => Math.round((hours / hoursPerDay) * 100) / 100;

/** Cuts text to n characters with an ellipsis. */
export const clip = (s: string, n: number): string => ([...s].length <= n ? s : [...s].slice(0, n - 1).join('') + '…');
