// Aligned plain-text tables for the CLI: columns padded to their widest cell, numbers right-aligned.
// Cells are plan text: each is made inert (one line, no controls) before it is measured.
import { sanitize } from '../core/text/sanitize.js';

export function table(head: string[], rows: (string | number)[][], rightAlign: number[] = []): string {
  const cells = [head, ...rows].map((r) => r.map(sanitize));
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

/** Inert text cut to n characters with an ellipsis (cut after sanitising, so no escape is split). */
export const clip = (raw: string, n: number): string => {
  const s = sanitize(raw);
  return [...s].length <= n ? s : [...s].slice(0, n - 1).join('') + '…';
};
