// Static output never loads React, Ink or Yoga: the built binary runs `render` and a piped
// `planboard PLAN` with a module hook that records every module it loads; none of the loaded
// chunks may hold React, Ink or Yoga. (Code splitting in scripts/build.mjs keeps them in the
// board's own chunks.) Runs the built binary: `npm run build` first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = resolve('dist/planboard.js');
// Markers only these libraries' code contains.
const MARKERS = { react: 'react.transitional.element', ink: 'ink-box', yoga: 'yoga_wasm_base' } as const;
let dir = '';

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error('dist/planboard.js is missing: run npm run build');
  dir = mkdtempSync(join(tmpdir(), 'pb-static-'));
  writeFileSync(join(dir, 'hooks.mjs'), `import { appendFileSync } from 'node:fs';\nexport async function resolve(spec, ctx, next) {\n  const r = await next(spec, ctx);\n  appendFileSync(${JSON.stringify(join(dir, 'loaded'))}, r.url + '\\n');\n  return r;\n}\n`);
  writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function loadedChunks(args: string[]): string[] {
  rmSync(join(dir, 'loaded'), { force: true });
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(join(dir, 'register.mjs')).href, BIN, ...args], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(join(dir, 'loaded'), 'utf8').split('\n').filter((u) => u.startsWith('file:') && u.includes('/dist/')).map((u) => fileURLToPath(u));
}

const holds = (file: string) => Object.entries(MARKERS).filter(([, m]) => readFileSync(file, 'utf8').includes(m)).map(([name]) => name);

describe('static output loads no React, Ink or Yoga', () => {
  it('the markers are real: the board\'s chunks hold all three', () => {
    const chunks = readdirSync('dist/chunks').map((f) => join('dist/chunks', f));
    const found = new Set(chunks.flatMap(holds));
    expect([...found].sort()).toEqual(['ink', 'react', 'yoga']);
  });

  it.each([
    ['render kanban', ['render', 'plans/stoa-2026-v4.yaml', '--view', 'kanban', '--today', '2026-03-02']],
    ['render timeline', ['render', 'plans/stoa-2026-v4.yaml', '--view', 'timeline', '--today', '2026-03-02']],
    ['render capacity', ['render', 'plans/stoa-2026-v4.yaml', '--view', 'capacity', '--today', '2026-03-02']],
    ['piped board', ['plans/stoa-2026-v4.yaml', '--today', '2026-03-02']],
  ])('%s', (_name, args) => {
    const chunks = loadedChunks(args);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(holds(c), c).toEqual([]);
  });
});
