#!/usr/bin/env node
// How closely tj3 reproduces `planboard schedule` on the tjp export: every bundled plan under
// each of its scenarios, and generated plans (several sizes and seeds). For each case it
// exports the plan, runs tj3 with the csv report the export defines, and counts the open issues
// with work whose start and end are the same, and those more than one working day apart.
// The engine, exporter and comparison are bundled from src/ and test/ on the fly (lib/from-source.mjs).
// Usage: node bench/tj3-agreement.mjs [--sizes 50,100,300] [--seeds 1,2,3] [--worst 5] [--only k3s]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { fromSource } from './lib/from-source.mjs';
import { generatePlan } from './lib/gen-plan.mjs';
import { opt } from './lib/timing.mjs';

const sizes = opt('--sizes', '50,100,300').split(',').filter(Boolean).map(Number);
const seeds = opt('--seeds', '1,2,3').split(',').filter(Boolean).map(Number);
const worst = Number(opt('--worst', '5'));
const only = opt('--only', '');
const root = new URL('..', import.meta.url).pathname;
const engine = await fromSource({
  'src/core/plan/schema.ts': ['Plan'],
  'src/core/plan/model.ts': ['buildModel'],
  'test/core/schedule/tj3.ts': ['compareWithTj3'],
});

const modelOf = (text) => engine.buildModel(engine.Plan.parse(parse(text)));
const PLANS = [
  ['koprogo', 'plans/koprogo-roadmap.yaml', '2025-11-03'],
  ['stoa-v4', 'plans/stoa-2026-v4.yaml', '2026-01-06'],
  ['stoa-v2', 'plans/stoa-2026-v2.yaml', '2026-01-05'],
  ['platform', 'plans/platform-delivery.yaml', '2025-10-22'],
  ['k3s', 'plans/k3s-mono-pgsql.yaml', '2026-02-16'],
];
const cases = [];
for (const [name, file, today] of PLANS) {
  const model = modelOf(readFileSync(join(root, file), 'utf8'));
  for (const sc of [undefined, ...(model.data.scenarios ?? []).map((s) => s.id)]) {
    cases.push({ name: sc ? `${name} ${sc}` : name, model, today, scenario: sc });
  }
}
for (const n of sizes) {
  for (const seed of seeds) {
    const model = modelOf(generatePlan({ issues: n, seed }));
    cases.push({ name: `gen ${n} #${seed}`, model, today: model.data.as_of });
  }
}

let allEq = 0;
let allN = 0;
let allFar = 0;
for (const c of cases) {
  if (only && !c.name.includes(only)) continue;
  const t = Date.now();
  const a = engine.compareWithTj3(c.model, c.today, c.scenario);
  allEq += a.equal;
  allN += a.compared;
  allFar += a.far.length;
  const pct = a.compared ? ((100 * a.equal) / a.compared).toFixed(1) : '-';
  const ok = a.compared === 0 || (a.far.length === 0 && a.equal / a.compared >= 0.95);
  console.log(`${ok ? 'ok  ' : 'MISS'} ${c.name.padEnd(18)} ${String(a.equal).padStart(4)}/${String(a.compared).padEnd(4)} ${pct.padStart(5)}%  >1d: ${a.far.length}  (${Date.now() - t} ms)`);
  for (const d of a.diffs.slice(0, worst)) {
    console.log(`       ${d.id.padEnd(10)} ours ${d.ours.join('..')}  tj3 ${d.theirs.join('..')}  (${d.gap} wd)`);
  }
}
console.log(`\ntotal ${allEq}/${allN} (${((100 * allEq) / allN).toFixed(1)}%), more than a working day apart: ${allFar}`);
