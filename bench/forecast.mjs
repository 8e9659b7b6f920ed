#!/usr/bin/env node
// Times the Monte Carlo forecast in-process: 1,000 samples on the bundled STOA v4 plan
// (target ≤ 1 s) and on a generated 1,000-issue plan (target ≤ 10 s). The engine is bundled
// from src/ on the fly (lib/from-source.mjs). Usage: node bench/forecast.mjs [--samples 1000] [--runs 3]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { fromSource } from './lib/from-source.mjs';
import { generatePlan } from './lib/gen-plan.mjs';
import { opt, timeRuns } from './lib/timing.mjs';

const samples = Number(opt('--samples', '1000'));
const runs = Number(opt('--runs', '3'));
const root = new URL('..', import.meta.url).pathname;
const engine = await fromSource({
  'src/core/plan/schema.ts': ['Plan'],
  'src/core/plan/model.ts': ['buildModel'],
  'src/core/schedule/index.ts': ['monteCarlo'],
});

const modelOf = (text) => engine.buildModel(engine.Plan.parse(parse(text)));
const cases = [
  { name: 'STOA v4 (plans/stoa-2026-v4.yaml)', model: modelOf(readFileSync(join(root, 'plans/stoa-2026-v4.yaml'), 'utf8')), today: '2026-01-06', target: 1000 },
  { name: 'generated, 1,000 issues (seed 1)', model: modelOf(generatePlan({ issues: 1000, seed: 1 })), target: 10000 },
];
const out = [];
for (const c of cases) {
  const today = c.today ?? c.model.data.as_of;
  engine.monteCarlo(c.model, { today, samples: 10 }); // warm up
  const { median: ms, value: r } = timeRuns(() => engine.monteCarlo(c.model, { today, samples, seed: 1 }), runs);
  const open = c.model.issues.filter((x) => !x.done).length;
  out.push({ case: c.name, open, samples, ms, target: c.target, met: ms <= c.target, finishP85: r.finish.p85 });
}
export const forecastRows = out;
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const o of out) {
    console.log(`Monte Carlo, ${o.samples} samples, ${o.case} (${o.open} open): ${(o.ms / 1000).toFixed(2)} s (target ≤ ${o.target / 1000} s: ${o.met ? 'met' : 'NOT met'}), finish P85 ${o.finishP85}`);
  }
}
