// The one sanitiser: what each unsafe character becomes, and that nothing unsafe ever survives.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isInert, markdownCell, sanitize, sanitizeBlock, sanitizeJson } from '../../../src/core/text/sanitize.js';

// ESC, C0 (bar none), DEL, C1, bidi controls, line and paragraph separators.
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
const hostileChar = fc.constantFrom(
  ...'\u001b\u0007\u0000\u0008\r\n\t\u007f\u0080\u0085\u009b\u009d\u061c\u200b\u200e\u200f\u2028\u2029\u202a\u202e\u2060\u2066\u2069\ufeff=+-@|"\\;a é日'.split(''),
);
const hostileText = fc.oneof(fc.string({ unit: hostileChar, maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }));

describe('sanitize: one line of plan text, inert', () => {
  it('shows C0 in caret notation, DEL as ^?, C1, bidi and separators as <U+XXXX>', () => {
    expect(sanitize('\u001b]0;x\u0007\u001b[2J')).toBe('^[]0;x^G^[[2J');
    expect(sanitize('a\u007fb')).toBe('a^?b');
    expect(sanitize('\u009b31m\u0085')).toBe('<U+009B>31m<U+0085>');
    expect(sanitize('x\u202ey\u2066z\u2069\u061c\u200f')).toBe('x<U+202E>y<U+2066>z<U+2069><U+061C><U+200F>');
    expect(sanitize('one\u2028two\u2029')).toBe('one<U+2028>two<U+2029>');
    expect(sanitize('S-1\u200b\u2060\ufeff')).toBe('S-1<U+200B><U+2060><U+FEFF>'); // no look-alike ids
    expect(sanitize('👨\u200d👩 می\u200cخواهم')).toBe('👨\u200d👩 می\u200cخواهم'); // ZWJ and ZWNJ are text
  });
  it('puts text on one line: LF, CRLF, CR and TAB become one blank each', () => {
    expect(sanitize('a\nb\r\nc\rd\te')).toBe('a b c d e');
  });
  it('leaves ordinary text alone (and returns the same string)', () => {
    const s = 'Café — 日本語 ✓ =1+1 | "q"';
    expect(sanitize(s)).toBe(s);
    expect(sanitize(undefined)).toBe('');
    expect(sanitize(42)).toBe('42');
  });
  it('property: nothing raw survives, no line break, and sanitizing twice changes nothing', () => {
    fc.assert(
      fc.property(hostileText, (s) => {
        const once = sanitize(s);
        expect(once).not.toMatch(RAW);
        expect(isInert(once)).toBe(true);
        expect(sanitize(once)).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});

describe('sanitizeBlock: notes keep their lines', () => {
  it('keeps LF, turns CRLF and CR into LF, the rest as sanitize', () => {
    expect(sanitizeBlock('one\r\ntwo\rthree\n\u001b[31mfour\u2028')).toBe('one\ntwo\nthree\n^[[31mfour<U+2028>');
  });
  it('property: only LF is left of the controls', () => {
    fc.assert(fc.property(hostileText, (s) => {
        expect(sanitizeBlock(s).replace(/\n/g, '')).not.toMatch(RAW);
      }), { numRuns: 300 });
  });
});

describe('sanitizeJson: the same JSON value, nothing raw', () => {
  it('property: parses back to the same value; no raw control, bidi or separator in the text', () => {
    fc.assert(
      fc.property(fc.dictionary(hostileText, hostileText, { maxKeys: 4 }), (v) => {
        const text = sanitizeJson(v, 2);
        expect(JSON.parse(text)).toEqual(v);
        expect(text.replace(/\n/g, '')).not.toMatch(RAW);
      }),
      { numRuns: 300 },
    );
  });
});

describe('markdownCell: a table cell stays one cell', () => {
  it('escapes | and backslash and puts the text on one line', () => {
    expect(markdownCell('a | b\nc\\')).toBe('a \\| b c\\\\');
  });
  it('property: a row of cells has exactly its columns', () => {
    fc.assert(
      fc.property(fc.array(hostileText, { minLength: 1, maxLength: 4 }), (cells) => {
        const row = `| ${cells.map(markdownCell).join(' | ')} |`;
        expect(row).not.toMatch(/[\r\n]/);
        // Unescaped pipes: drop escaped backslashes, then escaped pipes, then count.
        const pipes = row.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length - 1;
        expect(pipes).toBe(cells.length + 1);
      }),
      { numRuns: 300 },
    );
  });
});
