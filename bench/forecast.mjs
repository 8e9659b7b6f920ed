#!/usr/bin/env node
// Times the Monte Carlo forecast in-process: 1,000 samples on the bundled STOA v4 plan
// (target ≤ 1 s) and on a generated 1,000-issue plan (target ≤ 10 s). The engine is bundled
// from src/ with esbuild on the fly. Usage: node bench/forecast.mjs [--samples 1000] [--runs 3]
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parse } from 'yaml';
import { generatePlan } from './lib/gen-plan.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const samples = Number(opt('--samples', '1000'));
const runs = Number(opt('--runs', '3'));

const dir = mkdtempSync(join(tmpdir(), 'pb-bench-forecast-'));
const entry = join(dir, 'entry.ts');
const root = new URL('..', import.meta.url).pathname;
writeFileSync(
  entry,
  `export { Plan } from ${JSON.stringify(root + 'src/core/plan/schema.ts')};
export { buildModel } from ${JSON.stringify(root + 'src/core/plan/model.ts')};
export { monteCarlo } from ${JSON.stringify(root + 'src/core/schedule/index.ts')};
`,
);
await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', outfile: join(dir, 'engine.mjs'), logLevel: 'warning' });
const engine = await import(pathToFileURL(join(dir, 'engine.mjs')).href);
rmSync(dir, { recursive: true, force: true });

const modelOf = (text) => engine.buildModel(engine.Plan.parse(parse(text)));
const cases = [
  { name: 'STOA v4 (plans/stoa-2026-v4.yaml)', model: modelOf(readFileSync(join(root, 'plans/stoa-2026-v4.yaml'), 'utf8')), today: '2026-01-06', target: 1000 },
  { name: 'generated, 1,000 issues (seed 1)', model: modelOf(generatePlan({ issues: 1000, seed: 1 })), target: 10000 },
];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const out = [];
for (const c of cases) {
  const today = c.today ?? c.model.data.as_of;
  engine.monteCarlo(c.model, { today, samples: 10 }); // warm up
  const times = [];
  let r;
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    r = engine.monteCarlo(c.model, { today, samples, seed: 1 });
    times.push(performance.now() - t);
  }
  const open = c.model.issues.filter((x) => !x.done).length;
  out.push({ case: c.name, open, samples, ms: median(times), target: c.target, met: median(times) <= c.target, finishP85: r.finish.p85 });
}
export const forecastRows = out;
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const o of out) {
    console.log(`Monte Carlo, ${o.samples} samples, ${o.case} (${o.open} open): ${(o.ms / 1000).toFixed(2)} s (target ≤ ${o.target / 1000} s: ${o.met ? 'met' : 'NOT met'}), finish P85 ${o.finishP85}`);
  }
}
