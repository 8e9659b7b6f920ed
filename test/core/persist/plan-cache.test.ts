// The cache of parsed plans: a hit loads the very data the fast read makes, and nothing in the
// cache directory is trusted unless it is ours: another owner, a mode others may write, a symlink,
// a corrupt or mismatched entry are each ignored (the plan is read afresh), never an error.
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isFastLoaded, loadPlanTextPrecise, rememberPlanText } from '../../../src/core/plan/load.js';
import { loadPlanTextCached, MAX_ENTRIES, planCacheDir, planCacheKey, readCachedPlan } from '../../../src/core/persist/plan-cache.js';
import { generatePlan } from '../../../bench/lib/gen-plan.mjs';
import { IS_ROOT, NOBODY } from '../../support/unprivileged.js';

const V = '9.9.9';
const TEXT = generatePlan({ issues: 30, seed: 7 });
let home = '';
let dir = '';

/** The process remembers the last text it read: forget it, so each load asks the cache. */
const forget = () => rememberPlanText('', {} as never);

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'pb-cache-'));
  dir = join(home, 'planboard');
  forget();
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const load = async (text = TEXT) => {
  forget();
  const r = await loadPlanTextCached(text, 'p.yaml', V, dir);
  if (!r.ok) throw new Error(r.problems[0].message);
  return r;
};
const entryOf = (text = TEXT) => join(dir, `${planCacheKey(text, V)}.json`);
/** Rewrites an entry's title, keeping it valid: a hit then shows where the data came from. */
const markEntry = (path: string, title: string) => {
  const e = JSON.parse(readFileSync(path, 'utf8'));
  e.data.title = title;
  writeFileSync(path, JSON.stringify(e), { mode: 0o600 });
  chmodSync(path, 0o600);
};

describe('the cache of parsed plans', () => {
  it('finds the directory in XDG_CACHE_HOME, else ~/.cache; none with PLANBOARD_NO_CACHE=1', () => {
    expect(planCacheDir({ XDG_CACHE_HOME: '/x/c', HOME: '/h' })).toBe('/x/c/planboard');
    expect(planCacheDir({ XDG_CACHE_HOME: 'relative', HOME: '/h' })).toBe('/h/.cache/planboard');
    expect(planCacheDir({ HOME: '/h' })).toBe('/h/.cache/planboard');
    expect(planCacheDir({ XDG_CACHE_HOME: '/x/c', PLANBOARD_NO_CACHE: '1' })).toBeUndefined();
  });

  it('keys on the text and the version', () => {
    expect(planCacheKey(TEXT, V)).toBe(planCacheKey(TEXT, V));
    expect(planCacheKey(TEXT, V)).not.toBe(planCacheKey(TEXT, '9.9.10'));
    expect(planCacheKey(TEXT, V)).not.toBe(planCacheKey(`${TEXT} `, V));
  });

  it('a miss writes the entry (directory 0700, file 0600); a hit loads the same data and model', async () => {
    const cold = await load();
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(entryOf()).mode & 0o777).toBe(0o600);
    const warm = await load();
    expect(warm.plan.data).toEqual(cold.plan.data);
    expect(JSON.stringify(warm.plan.data)).toBe(JSON.stringify(cold.plan.data));
    expect(warm.plan.model).toEqual(cold.plan.model);
    expect(isFastLoaded(warm.plan)).toBe(true);
    markEntry(entryOf(), 'from the cache');
    expect((await load()).plan.data.title).toBe('from the cache'); // it was a hit
  });

  it('never caches what the fast read leaves to the precise one (warnings, problems)', async () => {
    const warned = 'planboard: 1\ntitle: T\nissues:\n  - { id: A, title: a, lane: nobody }\n';
    forget();
    const r = await loadPlanTextCached(warned, 'p.yaml', V, dir);
    expect(r).toEqual(loadPlanTextPrecise(warned, 'p.yaml'));
    const bad = 'planboard: 1\ntitle: T\nissues:\n  - { id: A, title: a, estimate: soon }\n';
    forget();
    expect(await loadPlanTextCached(bad, 'p.yaml', V, dir)).toEqual(loadPlanTextPrecise(bad, 'p.yaml'));
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it('ignores a directory owned by someone else, and writes nothing there', async () => {
    mkdirSync(dir, { mode: 0o700 });
    await load();
    markEntry(entryOf(), 'planted');
    if (IS_ROOT) chownSync(dir, NOBODY, NOBODY); // the entry stays ours: only the directory is theirs
    const theirs = IS_ROOT ? dir : '/etc'; // not root: a directory of root's stands for another owner
    expect(readCachedPlan(theirs, planCacheKey(TEXT, V), V)).toBeUndefined();
    const r = await loadPlanTextCached(TEXT, 'p.yaml', V, theirs);
    expect(r.ok && r.plan.data.title).not.toBe('planted');
    if (IS_ROOT) expect(readdirSync(dir)).toEqual([`${planCacheKey(TEXT, V)}.json`]);
  });

  it('ignores an entry owned by someone else', async () => {
    if (!IS_ROOT) throw new Error('this test makes a file of another user: run it as root');
    await load();
    markEntry(entryOf(), 'planted');
    chownSync(entryOf(), NOBODY, NOBODY);
    expect((await load()).plan.data.title).not.toBe('planted');
  });

  it.each(['777', '770', '707', '720'])('ignores a directory of mode %s (others may write)', async (octal) => {
    const mode = Number.parseInt(octal, 8);
    await load();
    markEntry(entryOf(), 'planted');
    chmodSync(dir, mode);
    expect((await load()).plan.data.title).not.toBe('planted');
  });

  it.each(['666', '620', '602'])('ignores an entry of mode %s (others may write)', async (octal) => {
    const mode = Number.parseInt(octal, 8);
    await load();
    markEntry(entryOf(), 'planted');
    chmodSync(entryOf(), mode);
    expect((await load()).plan.data.title).not.toBe('planted');
  });

  it('ignores a symlinked directory and a symlinked entry', async () => {
    const real = join(home, 'real');
    mkdirSync(real, { mode: 0o700 });
    const elsewhere = join(real, 'x');
    mkdirSync(elsewhere, { mode: 0o700 });
    await loadPlanTextCached(TEXT, 'p.yaml', V, elsewhere);
    markEntry(join(elsewhere, `${planCacheKey(TEXT, V)}.json`), 'planted');
    symlinkSync(elsewhere, dir);
    expect((await load()).plan.data.title).not.toBe('planted');
    rmSync(dir);
    mkdirSync(dir, { mode: 0o700 });
    symlinkSync(join(elsewhere, `${planCacheKey(TEXT, V)}.json`), entryOf());
    expect((await load()).plan.data.title).not.toBe('planted');
  });

  it.each([
    ['garbage', () => 'not json {'],
    ['empty', () => ''],
    ['truncated', (e: string) => e.slice(0, e.length / 2)],
    ['another version', (e: string) => e.replace(`"version":"${V}"`, '"version":"0.0.1"')],
    ['another key', (e: string) => e.replace(/"key":"[0-9a-f]+"/, `"key":"${'0'.repeat(64)}"`)],
    ['another format', (e: string) => e.replace('"format":1', '"format":99')],
    ['no data', () => JSON.stringify({ format: 1, key: planCacheKey(TEXT, V), version: V, data: null })],
  ])('a %s entry is ignored, the plan read afresh and the entry made good', async (_name, spoil) => {
    const fresh = await load();
    const good = readFileSync(entryOf(), 'utf8');
    writeFileSync(entryOf(), spoil(good));
    const again = await load();
    expect(again.plan.data).toEqual(fresh.plan.data);
    expect(readFileSync(entryOf(), 'utf8')).toBe(good);
  });

  it('writes through no planted link, and leaves no temp file', async () => {
    await load();
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(lstatSync(entryOf()).isFile()).toBe(true);
  });

  it(`keeps at most ${MAX_ENTRIES} entries, the most recently used`, async () => {
    const texts = Array.from({ length: MAX_ENTRIES + 8 }, (_, i) => TEXT.replace(/^title: .*$/m, `title: plan ${i}`));
    const first = texts.slice(0, MAX_ENTRIES);
    let t = Date.now() / 1000 - 10_000;
    for (const text of first) {
      await load(text);
      utimesSync(entryOf(text), t, t); // each one older than the next, whatever the clock's grain
      t += 10;
    }
    expect(readdirSync(dir).length).toBe(MAX_ENTRIES);
    markEntry(entryOf(texts[0]), 'plan 0, cached');
    expect((await load(texts[0])).plan.data.title).toBe('plan 0, cached'); // a hit: now the most recent
    for (const text of texts.slice(MAX_ENTRIES)) await load(text);
    const left = readdirSync(dir);
    expect(left.length).toBe(MAX_ENTRIES);
    expect(left).toContain(`${planCacheKey(texts[0], V)}.json`);
    for (const text of texts.slice(1, 9)) expect(left).not.toContain(`${planCacheKey(text, V)}.json`);
    for (const text of texts.slice(9)) expect(left).toContain(`${planCacheKey(text, V)}.json`);
  });
});
