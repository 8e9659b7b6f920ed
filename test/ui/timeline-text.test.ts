import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fit, textWidth, truncate } from '../../src/ui/text.js';
import { Canvas, cut, lineText, pad, widthOf } from '../../src/ui/layout/segments.js';

// The layouts' fast paths must agree with the board's text helpers on every input.
const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('Déployer Vault', 'a\u001b[2Jb', '日本語のタイトル', 'x\u0301y', '✅ done', '─█░·'));

describe('fast text helpers', () => {
  it('cut and pad give exactly what truncate and fit give', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 30 }), (s, w) => {
        expect(cut(s, w)).toBe(truncate(s, w));
        expect(pad(s, w)).toBe(fit(s, w));
      }),
      { numRuns: 500 },
    );
  });
  it('widthOf measures like textWidth', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(widthOf(s)).toBe(textWidth(s));
      }),
      { numRuns: 500 },
    );
  });
  it('a canvas line is exactly its width, wide characters included, and inert', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 40 }), (s, w, at) => {
        const c = new Canvas(w);
        c.text(at, s, 'label');
        const t = lineText(c.line());
        expect(textWidth(t)).toBe(w);
        expect(t).not.toMatch(/[\u0000-\u001f\u007f]/);
      }),
      { numRuns: 500 },
    );
  });
});
