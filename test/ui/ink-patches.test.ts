// The string-width fast path our Ink patches add (scripts/ink-patches.mjs) must give the same
// width as string-width itself for any string: both are bundled and compared on random text
// mixing the one-column characters with wide, combining, emoji, control and ANSI-styled ones.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

// The tokenizer fast path (a line of one-column characters and SGR codes walked by code unit)
// must give exactly the tokens ansi-tokenize gives by grapheme, and so the same cells.
describe('ansi-tokenize fast path', () => {
  type Tok = { tokenize: (s: string, end?: number) => unknown[]; styledCharsFromTokens: (t: unknown[]) => unknown[]; styledCharsToString: (c: unknown[]) => string };
  let tplain: Tok;
  let tpatched: Tok;
  beforeAll(async () => {
    const entry = join(dir, 'tok.mjs');
    writeFileSync(entry, "export { tokenize, styledCharsFromTokens, styledCharsToString } from '@alcalzone/ansi-tokenize';\n");
    const opts = { entryPoints: [entry], bundle: true, format: 'esm' as const, platform: 'node' as const, nodePaths: [join(process.cwd(), 'node_modules')], logLevel: 'error' as const, absWorkingDir: process.cwd() };
    await build({ ...opts, outfile: join(dir, 'tok-plain.mjs') });
    await build({ ...opts, outfile: join(dir, 'tok-patched.mjs'), plugins: [inkPatches()] });
    tplain = await import(pathToFileURL(join(dir, 'tok-plain.mjs')).href);
    tpatched = await import(pathToFileURL(join(dir, 'tok-patched.mjs')).href);
  });

  const codes = ['\u001b[1m', '\u001b[22m', '\u001b[2m', '\u001b[36m', '\u001b[39m', '\u001b[7m', '\u001b[27m', '\u001b[90m', '\u001b[38;5;208m', '\u001b[38;2;1;2;3m', '\u001b[1;31m', '\u001b[m', '\u001b[0m', '\u001b[', '\u001b]8;;http://x\u0007', '\u009b31m'];

  it('is really in the patched bundle', () => {
    expect(readFileSync(join(dir, 'tok-patched.mjs'), 'utf8')).toContain('pbTokenize');
  });

  it('gives the same tokens and cells as ansi-tokenize for any mix of characters and codes', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces, ...codes, ...codes), { maxLength: 60 }), (parts) => {
        const s = parts.join('');
        const want = tplain.tokenize(s);
        expect(tpatched.tokenize(s)).toEqual(want);
        expect(tpatched.styledCharsFromTokens(tpatched.tokenize(s))).toEqual(tplain.styledCharsFromTokens(want));
        expect(tpatched.tokenize(s, 5)).toEqual(tplain.tokenize(s, 5));
      }),
      { numRuns: 2000 },
    );
  });

  it('joins any row of cells (pieces of several lines, as the grid of Ink holds them) into the same string', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...pieces, ...codes, ...codes), { maxLength: 30 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 80 }),
        (lines, picks) => {
          const cells = (t: Tok) => lines.map((l) => t.styledCharsFromTokens(t.tokenize(l.join(''))));
          const row = (t: Tok) => {
            const all = cells(t);
            return picks.map(([l, c]) => all[l % all.length][c % Math.max(1, all[l % all.length].length)]).filter((x) => x !== undefined);
          };
          expect(tpatched.styledCharsToString(row(tpatched))).toBe(tplain.styledCharsToString(row(tplain)));
          for (const l of lines) {
            const s = l.join('');
            expect(tpatched.styledCharsToString(tpatched.styledCharsFromTokens(tpatched.tokenize(s)))).toBe(tplain.styledCharsToString(tplain.styledCharsFromTokens(tplain.tokenize(s))));
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('gives the same tokens for every single character of the fast class, styled', () => {
    for (let cp = 0x20; cp < 0x2800; cp++) {
      const s = `\u001b[1mx${String.fromCodePoint(cp)}y\u001b[22m`;
      expect(tpatched.tokenize(s), `U+${cp.toString(16)}`).toEqual(tplain.tokenize(s));
    }
  });
});

// The output stage (output.js: the shared caches, the clip fast path, the blank grid, the width
// of ASCII, rows joined once and kept when their cells are the last frame's): frame after frame of
// random writes, clipped or not, styled or not, give the same text as Ink's own Output.
describe('output stage', () => {
  type Out = new (o: { width: number; height: number }) => {
    write(x: number, y: number, text: string, o: { transformers: unknown[] }): void;
    clip(c: { x1?: number; x2?: number; y1?: number; y2?: number }): void;
    unclip(): void;
    get(): { output: string; height: number };
  };
  let plainOut: Out;
  let patchedOut: Out;
  beforeAll(async () => {
    const entry = join(dir, 'out.mjs');
    writeFileSync(entry, `export { default } from ${JSON.stringify(join(process.cwd(), 'node_modules/ink/build/output.js'))};\n`);
    const opts = { entryPoints: [entry], bundle: true, format: 'esm' as const, platform: 'node' as const, nodePaths: [join(process.cwd(), 'node_modules')], logLevel: 'error' as const, absWorkingDir: process.cwd() };
    await build({ ...opts, outfile: join(dir, 'out-plain.mjs') });
    await build({ ...opts, outfile: join(dir, 'out-patched.mjs'), plugins: [inkPatches()] });
    plainOut = (await import(pathToFileURL(join(dir, 'out-plain.mjs')).href)).default;
    patchedOut = (await import(pathToFileURL(join(dir, 'out-patched.mjs')).href)).default;
  });

  it('is really patched', () => {
    expect(readFileSync(join(dir, 'out-patched.mjs'), 'utf8')).toContain('pbRow');
  });

  const codes = ['\u001b[1m', '\u001b[22m', '\u001b[36m', '\u001b[39m', '\u001b[7m', '\u001b[27m', '\u001b[90m'];
  const text = fc.array(fc.constantFrom(...pieces.filter((p) => !/[\t\u0007]/.test(p)), ...codes, 'abc', 'Hello ', '   '), { maxLength: 24 }).map((xs) => xs.join(''));
  const op = fc.oneof(
    fc.record({ kind: fc.constant('write' as const), x: fc.nat(30), y: fc.nat(7), text: fc.oneof(text, fc.tuple(text, text).map(([a, b]) => `${a}\n${b}`)) }),
    fc.record({ kind: fc.constant('clip' as const), x1: fc.nat(20), w: fc.nat(20), y1: fc.nat(6), h: fc.nat(6) }),
    fc.constant({ kind: 'unclip' as const }),
  );
  type Op = { kind: 'write'; x: number; y: number; text: string } | { kind: 'clip'; x1: number; w: number; y1: number; h: number } | { kind: 'unclip' };
  const frame = (O: Out, ops: Op[]) => {
    const o = new O({ width: 32, height: 8 });
    let open = 0;
    for (const x of ops) {
      if (x.kind === 'write') o.write(x.x, x.y, x.text, { transformers: [] });
      else if (x.kind === 'clip') (o.clip({ x1: x.x1, x2: x.x1 + x.w, y1: x.y1, y2: x.y1 + x.h }), open++);
      else if (open > 0) (o.unclip(), open--);
    }
    return o.get().output;
  };

  it('gives the same frames as Ink for a style opened twice inside a clip (slice-ansi reorders it)', () => {
    // seed -159529468 of the property below.
    const ops: Op[] = [{ kind: 'clip', x1: 0, w: 1, y1: 0, h: 1 }, { kind: 'write', x: 0, y: 0, text: '\u001b[1m\u001b[36m\u001b[1ma' }];
    expect(frame(patchedOut, ops)).toBe(frame(plainOut, ops));
  });

  it('gives the same frames as Ink for any sequence of frames of writes and clips', () => {
    fc.assert(
      fc.property(fc.array(fc.array(op, { maxLength: 12 }), { minLength: 1, maxLength: 5 }), (frames) => {
        // A frame repeated keeps its rows' text: the kept path is taken as well as the joined one.
        for (const ops of [...frames, frames[frames.length - 1]]) expect(frame(patchedOut, ops)).toBe(frame(plainOut, ops));
      }),
      { numRuns: 1000 },
    );
  });
});
