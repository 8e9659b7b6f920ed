#!/usr/bin/env node
// Times the engine in-process on generated plans of 100, 1,000 and 10,000 issues:
// parse + model (for reference), schedulePlan (median of several runs) and capacityByPeriod.
// The engine is bundled from src/ on the fly (lib/from-source.mjs), so no build step is needed.
// Usage: node bench/schedule.mjs [--sizes 100,1000,10000] [--runs 5]
import { loadavg } from 'node:os';
import { parse } from 'yaml';
import { fromSource } from './lib/from-source.mjs';
import { generatePlan } from './lib/gen-plan.mjs';
import { opt, time, timeRuns } from './lib/timing.mjs';

const sizes = opt('--sizes', '100,1000,10000').split(',').map(Number);
const runs = Number(opt('--runs', '5'));
const engine = await fromSource({
  'src/core/plan/schema.ts': ['Plan'],
  'src/core/plan/model.ts': ['buildModel'],
  'src/core/schedule/index.ts': ['schedulePlan', 'capacityByPeriod'],
});

const ms = (x) => `${x.toFixed(1)} ms`;

const rows = [];
for (const n of sizes) {
  const text = generatePlan({ issues: n, seed: 1 });
  const [tParse, model] = time(() => engine.buildModel(engine.Plan.parse(parse(text))));
  const today = model.data.as_of;
  const { median, min, cpu, value: s } = timeRuns(() => engine.schedulePlan(model, { today }), runs);
  const [tCap] = time(() => engine.capacityByPeriod(model, s, 'week'));
  const open = model.issues.filter((x) => !x.done).length;
  rows.push({ n, lanes: model.lanes.length, open, finish: s.finish, parse: tParse, schedule: median, min, cpu, cap: tCap });
}

const head = ['issues', 'open', 'lanes', 'finish', 'parse+model', 'schedulePlan median', 'min', 'cpu median', 'capacity by week'];
const body = rows.map((r) => [r.n, r.open, r.lanes, r.finish, ms(r.parse), ms(r.schedule), ms(r.min), ms(r.cpu), ms(r.cap)].map(String));
const w = head.map((h, c) => Math.max(h.length, ...body.map((b) => b[c].length)));
for (const row of [head, ...body]) console.log(row.map((x, c) => x.padStart(w[c])).join('  '));
const a = rows.find((r) => r.n === 1000);
const b = rows.find((r) => r.n === 10000);
if (a && b) console.log(`\n10,000 / 1,000: schedulePlan ×${(b.schedule / a.schedule).toFixed(1)}`);
console.log(`node ${process.version}, ${runs} runs per size, load average ${loadavg()[0].toFixed(1)}`);
