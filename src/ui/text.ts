// Plan text is untrusted: the one sanitiser lives in core and serves every output (see there
// for what is shown how). Every helper below sanitises before it measures.
import { sanitize } from '../core/text/sanitize.js';

export { sanitize, sanitizeBlock } from '../core/text/sanitize.js';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

// Symbols of East Asian Width W below U+2E80 (emoji presentation by default: ⌚ ⏩ ◽ ☔ ⚡ ✅ ⭐ …).
const WIDE_SYMBOLS = /^[\u231a\u231b\u2329\u232a\u23e9-\u23ec\u23f0\u23f3\u25fd\u25fe\u2614\u2615\u2648-\u2653\u267f\u2693\u26a1\u26aa\u26ab\u26bd\u26be\u26c4\u26c5\u26ce\u26d4\u26ea\u26f2\u26f3\u26f5\u26fa\u26fd\u2705\u270a\u270b\u2728\u274c\u274e\u2753-\u2755\u2757\u2795-\u2797\u27b0\u27bf\u2b1b\u2b1c\u2b50\u2b55]/;

/** Terminal columns a grapheme takes: 2 for East Asian wide and emoji, 0 for combining marks. */
function graphemeWidth(g: string): number {
  const cp = g.codePointAt(0)!;
  if (/^\p{Mn}/u.test(g)) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    WIDE_SYMBOLS.test(g) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  )
    return 2;
  return 1;
}

// Printable ASCII, Latin/Greek/Cyrillic, and the marks the board draws (‹ › ‼ ⊘ ✓, arrows, box
// drawing, shapes) are one column per code unit: no segmenting. Combining marks are excluded.
const NARROW = /^[\u0020-\u007e\u00a0-\u02ff\u0370-\u03ff\u0400-\u0482\u048a-\u04ff\u2010-\u2027\u2039\u203a\u203c\u2190-\u21ff\u2298\u2500-\u25fc\u25ff\u2713]*$/;

export function textWidth(s: string): number {
  if (NARROW.test(s)) return s.length;
  let w = 0;
  for (const { segment } of segmenter.segment(s)) w += graphemeWidth(segment);
  return w;
}

/** Sanitised, cut to at most `width` columns with `…` when cut. */
export function truncate(text: unknown, width: number): string {
  const s = sanitize(text);
  if (width <= 0) return '';
  if (textWidth(s) <= width) return s;
  if (NARROW.test(s)) return s.slice(0, width - 1) + '…';
  let out = '';
  let w = 0;
  for (const { segment } of segmenter.segment(s)) {
    const gw = graphemeWidth(segment);
    if (w + gw > width - 1) break;
    out += segment;
    w += gw;
  }
  return out + '…';
}

/** Sanitised, cut or padded to exactly `width` columns. */
export function fit(text: unknown, width: number): string {
  const s = truncate(text, width);
  return s + ' '.repeat(Math.max(0, width - textWidth(s)));
}
