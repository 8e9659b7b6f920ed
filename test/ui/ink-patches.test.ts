// The string-width fast path our Ink patches add (scripts/ink-patches.mjs) must give the same
// width as string-width itself for any string: both are bundled and compared on random text
// mixing the one-column characters with wide, combining, emoji, control and ANSI-styled ones.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inkPatches, INK_PATCHES } from '../../scripts/ink-patches.mjs';
import { textWidth } from '../../src/ui/text.js';

type Width = (s: string, o?: { ambiguousIsNarrow?: boolean }) => number;
let dir = '';
let plain: Width;
let patched: Width;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pb-sw-'));
  const entry = join(dir, 'entry.mjs');
  writeFileSync(entry, "export { default } from 'string-width';\n");
  const opts = { entryPoints: [entry], bundle: true, format: 'esm' as const, platform: 'node' as const, nodePaths: [join(process.cwd(), 'node_modules')], logLevel: 'error' as const, absWorkingDir: process.cwd() };
  await build({ ...opts, outfile: join(dir, 'plain.mjs') });
  await build({ ...opts, outfile: join(dir, 'patched.mjs'), plugins: [inkPatches()] });
  plain = (await import(pathToFileURL(join(dir, 'plain.mjs')).href)).default;
  patched = (await import(pathToFileURL(join(dir, 'patched.mjs')).href)).default;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pieces = ['a', 'Z', ' ', '│', '─', '┃', '▶', '◆', '·', '…', '‹', '›', '‼', '⊘', '✓', '↑', '↓', 'é', 'ß', 'Ω', 'ж', '\u00ad', '\u0301', '\u0483', '日', '界', '😀', '✅', '\u200d', '\u001b[31m', '\u001b[39m', '\u001b[1m', '\t', '\u0007', '\uff21', '⚡', '◽'];

describe('string-width fast path', () => {
  it('is really in the patched bundle', () => {
    expect(INK_PATCHES.some((p) => p.file === 'string-width/index.js')).toBe(true);
    expect(patched('│ab')).toBe(3);
  });

  it('gives the same width as string-width for any mix of characters', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), fc.boolean(), (parts, narrow) => {
        const s = parts.join('');
        expect(patched(s, { ambiguousIsNarrow: narrow })).toBe(plain(s, { ambiguousIsNarrow: narrow }));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the same width for every single character of the fast class', () => {
    for (let cp = 0x20; cp < 0x2800; cp++) {
      const ch = String.fromCodePoint(cp);
      expect(patched(`x${ch}`), `U+${cp.toString(16)}`).toBe(plain(`x${ch}`));
    }
  });
});

describe("our textWidth agrees with Ink's measure (string-width)", () => {
  it("for every character of text.ts's one-column fast class, and the wide symbols it knows", () => {
    const ranges: [number, number][] = [[0x20, 0x7e], [0xa0, 0x2ff], [0x370, 0x3ff], [0x400, 0x4ff], [0x2010, 0x2027], [0x2039, 0x203c], [0x2190, 0x21ff], [0x2298, 0x2298], [0x2500, 0x25ff], [0x2713, 0x2713], [0x26a1, 0x26a1], [0x2705, 0x2705], [0x2b50, 0x2b50]];
    for (const [a, b] of ranges) {
      for (let cp = a; cp <= b; cp++) {
        const ch = String.fromCodePoint(cp);
        if (/[\p{Cn}\p{Cf}]/u.test(ch)) continue; // unassigned, or format (soft hyphen: terminals differ)
        expect(textWidth(`a${ch}b`), `U+${cp.toString(16)}`).toBe(plain(`a${ch}b`));
      }
    }
  });
  it('for card heads with marks, as one string', () => {
    expect(textWidth('▶GEN-12 ✓⊘‼ 2/3 ‹1 2›')).toBe(21);
  });
});
