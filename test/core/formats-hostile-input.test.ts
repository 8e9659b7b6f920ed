// The Markdown importer on hostile documents: what once took seconds or crashed (a stack
// overflow, exit 70) is read in linear time or refused naming file, line and column.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdown } from '../../src/core/formats/markdown.js';
import { isStructural, isTableSeparator } from '../../src/core/formats/roadmap/draft.js';
import { inlineFacts } from '../../src/core/formats/roadmap/rules/inline.js';
import { firstTooDeep, MAX_NESTING } from '../../src/core/formats/roadmap/nesting.js';
import { splitAtBars } from '../../src/core/formats/roadmap/rules/fields.js';
import { ImportError } from '../../src/core/formats/types.js';

const read = async (text: string) => markdown.read({ name: 'road.md', text }, {});

describe('splitting field lines at " | "', () => {
  it('splits exactly as /\\s+\\|\\s+/ does, on any mix of spaces, tabs, bars and text', () => {
    const chars = fc.constantFrom(' ', '\t', '\u00a0', '\n', '|', 'a', '*', ':');
    fc.assert(fc.property(fc.array(chars, { maxLength: 40 }).map((c) => c.join('')), (s) => {
      expect(splitAtBars(s)).toEqual(s.split(/\s+\|\s+/));
    }), { numRuns: 2000 });
  });

  it('reads a field line padded with 200,000 spaces', async () => {
    const pad = ' '.repeat(200_000);
    const r = await read(`# Plan\n\n## Phase 1\n\n- [ ] Ship it\n\n**Status**: done${pad}x | **Owner**:${pad}alice\n`);
    expect(r.data.issues).toHaveLength(1);
  });
});

describe('deep nesting', () => {
  it('refuses 5,000 list markers on one line, naming the line and the column past the limit', async () => {
    const err = await read(`# Plan\n\n- ${'- '.repeat(5000)}x\n`).catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as Error).message).toBe(`road.md:3:${2 * MAX_NESTING + 1}: lists or block quotes nested more than ${MAX_NESTING} deep; planboard reads up to ${MAX_NESTING} levels`);
  });

  it('refuses lists nested by indentation past the limit, and block quotes too', () => {
    const indented = Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');
    expect(firstTooDeep(indented)).toEqual({ line: MAX_NESTING + 1, col: 2 * MAX_NESTING + 1 });
    expect(firstTooDeep(`${'> '.repeat(MAX_NESTING + 1)}quote`)).toEqual({ line: 1, col: 2 * MAX_NESTING + 1 });
    expect(firstTooDeep(`1. ${'1) '.repeat(MAX_NESTING)}x`)).toEqual({ line: 1, col: 3 * MAX_NESTING + 1 });
  });

  it('reads nesting up to the limit, thematic breaks of any length, and text that only looks like markers', async () => {
    const deepest = Array.from({ length: MAX_NESTING }, (_, i) => `${'  '.repeat(i)}- [ ] item ${i}`).join('\n');
    expect(firstTooDeep(deepest)).toBeUndefined();
    expect((await read(`# Plan\n\n${deepest}\n`)).data.issues).toHaveLength(MAX_NESTING);
    expect(firstTooDeep(`${'* '.repeat(500)}\n${'- '.repeat(500)}\n${'_ '.repeat(500)}`)).toBeUndefined();
    expect(firstTooDeep(`${'-x '.repeat(500)}\n${'1.5 '.repeat(500)}\n${'>>'.repeat(500)}`)).toBeUndefined();
    // A line less indented closes the levels it is outside of.
    const siblings = Array.from({ length: 500 }, () => '- a\n  - b\n    - c').join('\n');
    expect(firstTooDeep(siblings)).toBeUndefined();
  });

  it('finds nothing too deep in any real roadmap we hold', () => {
    const dir = 'test/fixtures/roadmaps';
    const docs = readdirSync(dir).filter((f) => /\.(md|rst)$/.test(f));
    expect(docs.length).toBeGreaterThan(5);
    for (const f of docs) expect([f, firstTooDeep(readFileSync(`${dir}/${f}`, 'utf8'))]).toEqual([f, undefined]);
  });
});

describe('the roadmap rules on long hostile lines', () => {
  it('tells a table separator exactly as /^\\|?[\\s:|-]+\\|[\\s:|-]*$/ did', () => {
    const old = (t: string) => /^\|?[\s:|-]+\|[\s:|-]*$/.test(t);
    const chars = fc.constantFrom(' ', '\t', ':', '|', '-', 'a');
    fc.assert(fc.property(fc.array(chars, { maxLength: 30 }).map((c) => c.join('')), (s) => {
      expect(isTableSeparator(s)).toBe(old(s));
    }), { numRuns: 3000 });
  });

  it('keeps a link target with balanced parentheses whole', () => {
    expect(inlineFacts('See [Foo](https://en.wikipedia.org/wiki/Foo_(bar)) first')).toMatchObject({ title: 'See Foo first', link: 'https://en.wikipedia.org/wiki/Foo_(bar)' });
    expect(inlineFacts('[a]([b](c)')).toMatchObject({ link: 'c' });
  });

  it.each([
    ['< without >', '<'.repeat(100_000)],
    ['[a]( without )', '[a]('.repeat(25_000)],
    ['bars and spaces', '| '.repeat(50_000) + 'x'],
  ])('reads a line of %s (100,000 characters) in one pass', (_name, line) => {
    expect(isStructural(line)).toBe(false);
    expect(inlineFacts(line).title.length).toBeGreaterThan(0);
  });
});
