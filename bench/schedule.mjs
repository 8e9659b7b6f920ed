#!/usr/bin/env node
// Times the engine in-process on generated plans of 100, 1,000 and 10,000 issues:
// parse + model (for reference), schedulePlan (median of several runs) and capacityByPeriod.
// The engine is bundled from src/ with esbuild on the fly, so no build step is needed.
// Usage: node bench/schedule.mjs [--sizes 100,1000,10000] [--runs 5]
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parse } from 'yaml';
import { generatePlan } from './lib/gen-plan.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const sizes = opt('--sizes', '100,1000,10000').split(',').map(Number);
const runs = Number(opt('--runs', '5'));

const dir = mkdtempSync(join(tmpdir(), 'pb-bench-schedule-'));
const entry = join(dir, 'entry.ts');
const root = new URL('..', import.meta.url).pathname;
writeFileSync(
  entry,
  `export { Plan } from ${JSON.stringify(root + 'src/core/plan/schema.ts')};
export { buildModel } from ${JSON.stringify(root + 'src/core/plan/model.ts')};
export { schedulePlan, capacityByPeriod } from ${JSON.stringify(root + 'src/core/schedule/index.ts')};
`,
);
await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', outfile: join(dir, 'engine.mjs'), logLevel: 'warning' });
const engine = await import(pathToFileURL(join(dir, 'engine.mjs')).href);
rmSync(dir, { recursive: true, force: true });

// Wall time, and CPU time of this process (user + system): on a shared, busy machine the
// CPU figure is the steadier one.
const time = (f) => {
  const c = process.cpuUsage();
  const t = performance.now();
  const v = f();
  const wall = performance.now() - t;
  const cpu = process.cpuUsage(c);
  return [wall, v, (cpu.user + cpu.system) / 1000];
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;

const rows = [];
for (const n of sizes) {
  const text = generatePlan({ issues: n, seed: 1 });
  const [tParse, model] = time(() => engine.buildModel(engine.Plan.parse(parse(text))));
  const today = model.data.as_of;
  const times = [];
  const cpus = [];
  let s;
  for (let k = 0; k < runs; k++) {
    const [t, v, c] = time(() => engine.schedulePlan(model, { today }));
    times.push(t);
    cpus.push(c);
    s = v;
  }
  const [tCap] = time(() => engine.capacityByPeriod(model, s, 'week'));
  const open = model.issues.filter((x) => !x.done).length;
  rows.push({ n, lanes: model.lanes.length, open, finish: s.finish, parse: tParse, schedule: median(times), min: Math.min(...times), cpu: median(cpus), cap: tCap });
}

const head = ['issues', 'open', 'lanes', 'finish', 'parse+model', 'schedulePlan median', 'min', 'cpu median', 'capacity by week'];
const body = rows.map((r) => [r.n, r.open, r.lanes, r.finish, ms(r.parse), ms(r.schedule), ms(r.min), ms(r.cpu), ms(r.cap)].map(String));
const w = head.map((h, c) => Math.max(h.length, ...body.map((b) => b[c].length)));
for (const row of [head, ...body]) console.log(row.map((x, c) => x.padStart(w[c])).join('  '));
const a = rows.find((r) => r.n === 1000);
const b = rows.find((r) => r.n === 10000);
if (a && b) console.log(`\n10,000 / 1,000: schedulePlan ×${(b.schedule / a.schedule).toFixed(1)}`);
console.log(`node ${process.version}, ${runs} runs per size, load average ${(await import('node:os')).loadavg()[0].toFixed(1)}`);
