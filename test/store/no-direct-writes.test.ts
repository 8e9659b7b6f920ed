// The rule in src/store/types.ts: outside the store, state changes only through its actions.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));

describe('writes to the store', () => {
  it('no file outside src/store calls setState', () => {
    const outside = files(SRC).filter((f) => !relative(SRC, f).startsWith('store/'));
    expect(outside.length).toBeGreaterThan(20);
    const offenders = outside.filter((f) => /\bsetState\s*\(/.test(readFileSync(f, 'utf8'))).map((f) => relative(SRC, f));
    expect(offenders).toEqual([]);
  });
});
