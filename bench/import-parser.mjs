// node bench/import-parser.mjs: what the Markdown parser (micromark + mdast + GFM) costs, and
// that only `planboard import` of Markdown pays it. Run after `npm run build`. Not part of npm test.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const chunk = readdirSync(join(root, 'dist/chunks')).find((f) => f.startsWith('markdown-lines-'));
if (!chunk) throw new Error('dist/chunks/markdown-lines-*.js is missing: run npm run build');
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median of the time a fresh process spends in one dynamic import of the parser chunk. */
function loadCost() {
  const code = `const t=performance.now();await import(${JSON.stringify(join(root, 'dist/chunks', chunk))});console.log(performance.now()-t)`;
  return med(Array.from({ length: RUNS }, () => Number(spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' }).stdout)));
}

/** Median wall time of a whole `planboard ...` process. */
function wall(args) {
  return med(
    Array.from({ length: RUNS }, () => {
      const t = performance.now();
      const r = spawnSync(process.execPath, [join(root, 'dist/planboard.js'), ...args], { stdio: 'ignore' });
      if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
      return performance.now() - t;
    }),
  );
}

const dir = mkdtempSync(join(tmpdir(), 'pb-bench-import-'));
const fx = (f) => join(root, 'test/fixtures/roadmaps', f);
const kb = (p) => `${Math.round(statSync(p).size / 1024)} kB`;
let n = 0;
const out = () => join(dir, `p${n++}.yaml`);
console.log(`| what | median of ${RUNS} |`);
console.log('| --- | --- |');
console.log(`| load the Markdown parser chunk (${kb(join(root, 'dist/chunks', chunk))}) in a fresh process | ${loadCost().toFixed(1)} ms |`);
console.log(`| planboard import of a Markdown roadmap (parser loaded) | ${wall(['import', fx('roadmap-cli-V1_0_0_SCOPE.md'), '-o', out(), '--force']).toFixed(1)} ms |`);
console.log(`| planboard import of a reStructuredText roadmap (no parser) | ${wall(['import', fx('mu-ROADMAP.rst'), '-o', out(), '--force']).toFixed(1)} ms |`);
console.log(`| planboard validate (never loads it) | ${wall(['validate', join(root, 'plans/stoa-2026-v4.yaml')]).toFixed(1)} ms |`);
