import { describe, expect, it } from 'vitest';
import { fit, sanitize, sanitizeBlock, textWidth, truncate } from '../../src/ui/text.js';

describe('sanitize: plan text is shown inert', () => {
  it('turns ESC and other C0 controls into caret notation, so no escape sequence reaches the terminal', () => {
    const s = sanitize('evil\u001b[2J\u001b]0;pwned\u0007 title');
    expect(s).toBe('evil^[[2J^[]0;pwned^G title');
    expect(s).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });
  it('shows DEL and C1 controls (CSI 0x9b) inert', () => {
    expect(sanitize('a\u007fb\u009b31m')).toBe('a^?b<U+009B>31m');
  });
  it('shows bidi overrides instead of letting them reorder text', () => {
    expect(sanitize('abc\u202edef')).toBe('abc<U+202E>def');
  });
  it('puts one line of text on one line', () => {
    expect(sanitize('two\nlines\tand\rtab')).toBe('two lines and tab');
  });
  it('keeps newlines in notes but neutralises the rest', () => {
    expect(sanitizeBlock('one\n\u001b[31mtwo')).toBe('one\n^[[31mtwo');
  });
  it('leaves ordinary text, accents and CJK alone', () => {
    expect(sanitize('Café — 日本語 ✓')).toBe('Café — 日本語 ✓');
  });
});

describe('fit and truncate: exact terminal widths', () => {
  it('cuts with an ellipsis at the width', () => {
    expect(truncate('Write the parser', 8)).toBe('Write t…');
    expect(textWidth(truncate('Write the parser', 8))).toBe(8);
  });
  it('counts wide characters as two columns', () => {
    expect(textWidth('日本')).toBe(4);
    expect(textWidth(fit('日本語テキスト', 7))).toBe(7);
  });
  it('pads short text to the width', () => {
    expect(fit('ab', 5)).toBe('ab   ');
  });
  it('sanitises before measuring, so an escape cannot hide inside the width', () => {
    expect(fit('\u001b[31mred', 20)).toBe('^[[31mred' + ' '.repeat(11));
  });
});

