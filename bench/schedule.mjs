#!/usr/bin/env node
// Times the engine in-process on generated plans of 100, 1,000 and 10,000 issues:
// parse + model (for reference), schedulePlan (median of several runs) and capacityByPeriod.
// The engine is bundled from src/ on the fly (lib/from-source.mjs), so no build step is needed.
// With --cli: the built command (dist/, `npm run build`) `schedule PLAN --json` at 1,000 issues
// against `node -e 0`, in alternation (lib/paired.mjs): with the forecast (the default) and
// without (`--samples 0`), each with the cache of parsed plans warm and off (PLANBOARD_NO_CACHE=1).
// Usage: node bench/schedule.mjs [--sizes 100,1000,10000] [--runs 5] [--cli] [--pairs 15]
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { fromSource } from './lib/from-source.mjs';
import { generatePlan } from './lib/gen-plan.mjs';
import { paired } from './lib/paired.mjs';
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
  // A fresh model per run (built outside the timing): the engine keeps its preparation per model.
  const models = Array.from({ length: runs }, () => engine.buildModel(model.data));
  let run = 0;
  const { median, min, cpu, value: s } = timeRuns(() => engine.schedulePlan(models[run++], { today }), runs);
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

if (process.argv.includes('--cli')) {
  const pairs = Number(opt('--pairs', '15'));
  const cli = new URL('../dist/planboard.js', import.meta.url).pathname;
  if (!existsSync(cli)) throw new Error('dist/planboard.js is missing: run npm run build');
  const dir = mkdtempSync(join(tmpdir(), 'pb-bench-schedule-'));
  try {
    const plan = join(dir, 'plan-1000.yaml');
    writeFileSync(plan, generatePlan({ issues: 1000, seed: 1 }));
    const env = { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: join(dir, 'cache'), PLANBOARD_NO_CACHE: '' };
    const nothing = [process.execPath, ['-e', '0']];
    const load0 = loadavg()[0];
    console.log(`\n\`schedule --json\` at 1,000 issues against \`node -e 0\`, ${pairs} pairs in alternation (median ratio, middle half):`);
    for (const [what, extra] of [['forecast on (default)', []], ['--samples 0', ['--samples', '0']]]) {
      for (const [cache, e] of [['cache warm', env], ['no cache', { ...env, PLANBOARD_NO_CACHE: '1' }]]) {
        const cmd = [process.execPath, [cli, 'schedule', plan, '--json', '--today', '2026-03-02', ...extra], { env: e }];
        const p = paired(cmd, nothing, pairs);
        console.log(`  ${what}, ${cache}: ${p.a.toFixed(0)} ms / ${p.b.toFixed(0)} ms = ${p.ratio.toFixed(2)}× (${p.spread[0].toFixed(2)}–${p.spread[1].toFixed(2)})`);
      }
    }
    console.log(`  load average ${load0.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after (2 cores: above 2, other work shares the machine)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
