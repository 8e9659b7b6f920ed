// npm run bench: whole-process time and peak memory of the CLI at 100, 1,000 and 10,000 issues,
// in-process keypress-to-frame latency, save time after one tick, and how each cost grows.
// Prints one Markdown table (paste it into the README). Not part of npm test.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}bench/out`;
const SIZES = [100, 1000, 10000];
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TODAY = '2026-03-02';
mkdirSync(out, { recursive: true });

// Bundled like scripts/build.mjs (code splitting), so Ink's devtools chunk, which imports the
// absent react-devtools-core, loads only on demand and never in a benchmark.
const bundle = (entry, name) =>
  build({
    entryPoints: { [name]: entry }, outdir: out, splitting: true, chunkNames: 'chunks/[name]-[hash]',
    bundle: true, format: 'esm', platform: 'node', target: 'node20', outExtension: { '.js': '.mjs' },
    jsx: 'automatic', external: ['react-devtools-core'], define: { 'process.env.NODE_ENV': '"production"' },
    banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
    logLevel: 'error',
  });

/** Median wall time (s) and median peak RSS (MiB) of a whole process. */
function measure(args) {
  const walls = [];
  const rss = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['--import', `${root}bench/maxrss.mjs`, ...args], {
      cwd: root, stdio: ['ignore', 'ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' },
    });
    walls.push((performance.now() - t0) / 1000);
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    rss.push(Number(String(r.output[3]).trim()) / 1024);
  }
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { wall: med(walls), mib: med(rss) };
}

const fmtS = (x) => `${x.toFixed(3)} s`;
const fmtM = (x) => `${Math.round(x)} MiB`;
const fmtMs = (x) => `${x.toFixed(1)} ms`;

await bundle(`${root}bench/hello.tsx`, 'hello');
await bundle(`${root}bench/latency.tsx`, 'latency');
const cli = `${root}dist/planboard.js`;
if (!existsSync(cli)) throw new Error('dist/planboard.js is missing: run npm run build');

const rows = [];
const add = (what, cells) => rows.push([what, ...cells]);
const results = {};
for (const n of SIZES) {
  const plan = `${out}/plan-${n}.yaml`;
  const g = spawnSync(process.execPath, [`${root}bench/gen.mjs`, '--issues', String(n), '--seed', '1', '-o', plan], { stdio: 'inherit' });
  if (g.status !== 0) throw new Error(`generator failed for ${n}`);
  const r = {};
  r.kanban = measure([cli, 'render', plan, '--view', 'kanban', '--today', TODAY, '--width', '120', '--height', '40']);
  r.timeline = measure([cli, 'render', plan, '--view', 'timeline', '--today', TODAY, '--width', '120', '--height', '40']);
  r.schedule = measure([cli, 'schedule', plan, '--json', '--today', TODAY]);
  r.validate = measure([cli, 'validate', plan]);
  const lat = spawnSync(process.execPath, [`${out}/latency.mjs`, plan, TODAY], { encoding: 'utf8', cwd: root });
  if (lat.status !== 0) throw new Error(`latency run failed: ${lat.stderr}`);
  r.keys = JSON.parse(lat.stdout.trim().split('\n').pop());
  results[n] = r;
}
const hello = measure([`${out}/hello.mjs`]);
const stoa = measure([cli, 'render', 'plans/stoa-2026-v4.yaml', '--view', 'kanban', '--today', TODAY, '--width', '120', '--height', '40']);

const cols = (f) => SIZES.map((n) => f(results[n]));
const ratio = (f) => (f(results[10000]) / f(results[1000])).toFixed(1) + '×';
const line = (what, f, fmt) => add(what, [...cols(f).map(fmt), ratio(f)]);
line('render kanban: wall', (r) => r.kanban.wall, fmtS);
line('render kanban: peak memory', (r) => r.kanban.mib, fmtM);
line('render timeline: wall', (r) => r.timeline.wall, fmtS);
line('render timeline: peak memory', (r) => r.timeline.mib, fmtM);
line('schedule --json: wall', (r) => r.schedule.wall, fmtS);
line('validate: wall', (r) => r.validate.wall, fmtS);
for (const k of ['j', 'l', 'space', 'filter']) {
  const name = { j: '`j`', l: '`l`/`h`', space: '`space` (tick)', filter: '`/` filter typing' }[k];
  line(`key ${name}: median`, (r) => r.keys[k].median, fmtMs);
  line(`key ${name}: p95`, (r) => r.keys[k].p95, fmtMs);
}
line('save after one tick', (r) => r.keys.save_ms, fmtMs);
add('diff of that save (lines −/+)', [...cols((r) => `${r.keys.diff_lines.removed}/${r.keys.diff_lines.added}`), '']);

const header = ['measure', ...SIZES.map((n) => `${n.toLocaleString('en')} issues`), '10k / 1k'];
const table = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
console.log(`\nplanboard benchmark, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}, median of ${RUNS} runs\n`);
console.log(table);
console.log(`\nfloor: bundled Ink + React + yaml "hello": ${fmtS(hello.wall)}, ${fmtM(hello.mib)}`);
console.log(`bundled STOA plan (plans/stoa-2026-v4.yaml), render kanban: ${fmtS(stoa.wall)}, ${fmtM(stoa.mib)} (${(stoa.wall / hello.wall).toFixed(2)}× the floor)`);
// The Monte Carlo forecast's figures (bench/forecast.mjs).
for (const o of (await import('./forecast.mjs')).forecastRows) console.log(`Monte Carlo, ${o.samples} samples, ${o.case}: ${(o.ms / 1000).toFixed(2)} s (target ≤ ${o.target / 1000} s: ${o.met ? 'met' : 'not met'})`);
