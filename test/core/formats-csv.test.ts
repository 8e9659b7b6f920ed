// RFC 4180: what a well-behaved writer produces, the parser reads back exactly.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsv } from '../../src/core/formats/csv.js';

const quote = (f: string) => (/[",\r\n]/.test(f) || f === '' ? `"${f.replace(/"/g, '""')}"` : f);

describe('CSV (RFC 4180)', () => {
  it('reads quoted commas, doubled quotes and line breaks inside fields, CRLF or LF, with a BOM', () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\n1,,3\n';
    expect(parseCsv(text, 't.csv')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', 'two\r\nlines'] },
      { line: 4, fields: ['1', '', '3'] },
    ]);
  });

  it('names file, line and column for a field that goes on after its closing quote, or never closes', () => {
    expect(() => parseCsv('a,b\n"x"y,z\n', 'bad.csv')).toThrow('bad.csv:2:4: a quoted CSV field must end at a comma or the end of the line');
    expect(() => parseCsv('a\n"open\n', 'bad.csv')).toThrow('bad.csv:2:1: a quoted CSV field is never closed');
  });

  it('writing any table and reading it back gives the same table', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r\n', ' ', 'é') as fc.Arbitrary<string>, maxLength: 8 });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const text = rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
        expect(parseCsv(text, 'p.csv').map((r) => r.fields)).toEqual(rows);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
