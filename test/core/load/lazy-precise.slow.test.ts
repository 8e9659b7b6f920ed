// Commands that read a clean plan never load the precise read: the built binary runs with a
// module hook that records every module it loads, and none of the loaded chunks may hold zod or
// yaml's Document (load-fast.ts keeps them behind a dynamic import of load.ts). A plan with a
// problem must load both (so the markers are real and the precise read still answers).
// Runs the built binary: `npm run build` first. Spawns processes: slow tier.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePlan } from '../../../bench/lib/gen-plan.mjs';

const BIN = resolve('dist/planboard.js');
// Text only these libraries' code holds.
const MARKERS = { zod: 'ZodError', yaml: 'YAMLParseError' } as const;
let dir = '';
let plan1k = '';

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error('dist/planboard.js is missing: run npm run build');
  dir = mkdtempSync(join(tmpdir(), 'pb-lazy-'));
  writeFileSync(join(dir, 'hooks.mjs'), `import { appendFileSync } from 'node:fs';\nexport async function resolve(spec, ctx, next) {\n  const r = await next(spec, ctx);\n  appendFileSync(${JSON.stringify(join(dir, 'loaded'))}, r.url + '\\n');\n  return r;\n}\n`);
  writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});\n`);
  plan1k = join(dir, 'plan-1000.yaml');
  writeFileSync(plan1k, generatePlan({ issues: 1000, seed: 1 }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The libraries (by marker) in the chunks one run loaded; and its exit status. */
function librariesLoaded(args: string[]): { libs: string[]; status: number | null; chunks: number; stderr: string } {
  rmSync(join(dir, 'loaded'), { force: true });
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(join(dir, 'register.mjs')).href, BIN, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, PLANBOARD_NO_CACHE: '1' },
  });
  const chunks = [...new Set(readFileSync(join(dir, 'loaded'), 'utf8').split('\n').filter((u) => u.startsWith('file:') && u.includes('/dist/')))].map((u) => fileURLToPath(u));
  const libs = Object.entries(MARKERS)
    .filter(([, m]) => chunks.some((c) => readFileSync(c, 'utf8').includes(m)))
    .map(([name]) => name);
  return { libs, status: r.status, chunks: chunks.length, stderr: r.stderr };
}

const T = ['--today', '2026-03-02'];

describe('a clean plan is read without zod or yaml\'s Document', () => {
  it.each([
    ['schedule --json 1k', () => ['schedule', plan1k, '--json', ...T]],
    ['validate 1k', () => ['validate', plan1k]],
    ['capacity --json 1k', () => ['capacity', plan1k, '--json', ...T]],
    ['standup --json 1k', () => ['standup', plan1k, '--json', ...T]],
    ['hours --json 1k', () => ['hours', plan1k, '--json', ...T]],
    ['report 1k', () => ['report', plan1k, ...T]],
    ['export --format json 1k', () => ['export', plan1k, '--format', 'json', ...T]],
    ['export --format csv 1k', () => ['export', plan1k, '--format', 'csv', ...T]],
    ['schedule --json STOA', () => ['schedule', 'plans/stoa-2026-v4.yaml', '--json', ...T]],
    ['validate platform-delivery', () => ['validate', 'plans/platform-delivery.yaml']],
    ['render kanban 1k', () => ['render', plan1k, ...T]],
    ['render timeline STOA', () => ['render', 'plans/stoa-2026-v4.yaml', '--view', 'timeline', ...T]],
    ['render capacity 1k', () => ['render', plan1k, '--view', 'capacity', ...T]],
    ['the board, piped, 1k', () => [plan1k, ...T]],
  ])('%s', (_name, args) => {
    const r = librariesLoaded(args());
    expect(r.status, r.stderr).toBe(0);
    expect(r.chunks).toBeGreaterThan(3);
    expect(r.libs).toEqual([]);
  });

  it('a plan with a problem loads the precise read (zod and yaml), which words it', () => {
    const r = librariesLoaded(['validate', 'test/fixtures/bad/bad-estimate.yaml']);
    expect(r.status).toBe(1);
    expect(r.libs).toEqual(['zod', 'yaml']);
  });

  it('a plan with anchors (which the fast read leaves alone) loads the precise read', () => {
    const r = librariesLoaded(['validate', 'plans/koprogo-roadmap.yaml']);
    expect(r.status).toBe(0);
    expect(r.libs).toEqual(['zod', 'yaml']);
  });
});
