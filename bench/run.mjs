// npm run bench: every figure side by side with its reference. On a shared machine a process's
// wall time depends on what else runs, so each command is timed in alternation with its
// reference (A B B A A B …) and the figure is the median of the per-pair ratios, with the
// middle half of the ratios as the spread. Keypresses are timed in-process (wall and CPU) on a
// mounted 120×40 board; bytes per keypress over a real terminal (tmux) at 120×40.
// Prints Markdown (paste it into the README). Not part of npm test.
//
// The CLI runs with a cache of parsed plans of its own (bench/out/cache), warmed by each pair's
// first run, as a user's repeated commands are; the "no cache" rows and the cache section show
// what reading afresh costs (PLANBOARD_NO_CACHE=1) and what a miss costs.
//
// Env: BENCH_RUNS (pairs, default 10); BENCH_ONLY=startup (the process rows and the cache only);
// BACKLOG_BIN: the `backlog` binary of Backlog.md, for
// the render comparison (npm install --prefix /tmp/bl backlog.md; BACKLOG_BIN=/tmp/bl/node_modules/.bin/backlog).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { parse } from 'yaml';
import { inkPatches } from '../scripts/ink-patches.mjs';
import { deadWeight } from '../scripts/build.mjs';
import { paired as pairedRuns } from './lib/paired.mjs';
import { median } from './lib/timing.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}bench/out`;
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const only = process.env.BENCH_ONLY;
const TODAY = '2026-03-02';
mkdirSync(out, { recursive: true });

// Bundled like scripts/build.mjs (code splitting, our Ink patches), so the comparison is fair.
const bundle = (entry, name) =>
  build({
    entryPoints: { [name]: entry }, outdir: out, splitting: true, chunkNames: 'chunks/[name]-[hash]',
    bundle: true, format: 'esm', platform: 'node', target: 'node20', outExtension: { '.js': '.mjs' },
    jsx: 'automatic', external: ['react-devtools-core'], define: { 'process.env.NODE_ENV': '"production"' },
    banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
    plugins: [inkPatches(), deadWeight()], logLevel: 'error',
  });

/** A against B in alternation (lib/paired.mjs), each run from the repository with NO_COLOR unless it says otherwise. */
const inRepo = ([cmd, args, opts = {}]) => [cmd, args, { cwd: root, env: { ...process.env, NO_COLOR: '1' }, ...opts }];
const paired = (a, b) => pairedRuns(inRepo(a), inRepo(b), RUNS);

const cacheHome = `${out}/cache`;
rmSync(cacheHome, { recursive: true, force: true });
const cliEnv = { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: cacheHome, PLANBOARD_NO_CACHE: '' };
const node = (...args) => [process.execPath, args, { env: cliEnv }];
/** The same command reading afresh: the cache off. */
const noCache = ([cmd, args]) => [cmd, args, { env: { ...cliEnv, PLANBOARD_NO_CACHE: '1' } }];
/** The same command on an empty cache (a miss that writes its entry), through sh as `viaSh` is. */
const cacheMiss = ([cmd, args]) => ['sh', ['-c', 'rm -rf "$XDG_CACHE_HOME/planboard"; exec "$@"', 'sh', cmd, ...args], { env: cliEnv }];
const viaSh = ([cmd, args, opts]) => ['sh', ['-c', 'exec "$@"', 'sh', cmd, ...args], opts];
const cli = `${root}dist/planboard.js`;
if (!existsSync(cli)) throw new Error('dist/planboard.js is missing: run npm run build');
rmSync(`${out}/chunks`, { recursive: true, force: true }); // no chunk of an older build left behind
await bundle(`${root}bench/hello.tsx`, 'hello');
await bundle(`${root}bench/latency.tsx`, 'latency');

const plans = {};
for (const n of only === 'startup' ? [100, 1000, 10000] : [100, 1000, 10000, 50000]) {
  plans[n] = `${out}/plan-${n}.yaml`;
  if (existsSync(plans[n])) continue;
  const g = spawnSync(process.execPath, [`${root}bench/gen.mjs`, '--issues', String(n), '--seed', '1', '-o', plans[n]], { stdio: 'inherit' });
  if (g.status !== 0) throw new Error(`generator failed for ${n}`);
}

const load0 = loadavg()[0];
const rows = [];
const fmt = (ms) => `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
const pairRow = (what, p, target) =>
  rows.push([what, `${fmt(p.a)} / ${fmt(p.b)}`, `**${p.ratio.toFixed(2)}×** (${p.spread[0].toFixed(2)}–${p.spread[1].toFixed(2)})`, target]);

const hello = [process.execPath, [`${out}/hello.mjs`]];
const nothing = [process.execPath, ['-e', '0']];
const render = (plan, view = 'kanban') => node(cli, 'render', plan, '--view', view, '--today', TODAY, '--width', '120', '--height', '40');
const stoa = render(`${root}plans/stoa-2026-v4.yaml`);

pairRow('render kanban 1k / bundled Ink hello', paired(render(plans[1000]), hello), '');
pairRow('render kanban 1k / `node -e 0`', paired(render(plans[1000]), nothing), '');
pairRow('render timeline 1k / `node -e 0`', paired(render(plans[1000], 'timeline'), nothing), '');
pairRow('STOA render kanban / bundled Ink hello', paired(stoa, hello), '≤ 1.5 (≤ 1.0 without Ink)');
pairRow('STOA render kanban / `node -e 0`', paired(stoa, nothing), '');
const schedule = (plan) => node(cli, 'schedule', plan, '--json', '--today', TODAY);
const validate = (plan) => node(cli, 'validate', plan);
// Warm: the same query again (the plan's parse and the computed output both kept); no cache:
// everything read and computed afresh, the odds included; then without the odds.
pairRow('`schedule --json` 1k / `node -e 0`', paired(schedule(plans[1000]), nothing), '≤ 3.5');
pairRow('`schedule --json` 1k, no cache / `node -e 0`', paired(noCache(schedule(plans[1000])), nothing), '');
const deterministic = (plan) => node(cli, 'schedule', plan, '--json', '--samples', '0', '--today', TODAY);
pairRow('`schedule --json --samples 0` 1k, no cache / `node -e 0`', paired(noCache(deterministic(plans[1000])), nothing), '');
pairRow('`validate` 1k / `node -e 0`', paired(validate(plans[1000]), nothing), '');
pairRow('`validate` 1k, no cache / `node -e 0`', paired(noCache(validate(plans[1000])), nothing), '');

// The cache of parsed plans: a hit against reading afresh, and a miss (which writes) against it.
const cacheRows = [];
for (const n of [100, 1000, 10000]) {
  for (const [name, cmd] of [['validate', validate(plans[n])], ['render', render(plans[n])], ['schedule --json', schedule(plans[n])]]) {
    const hit = paired(cmd, noCache(cmd));
    const miss = paired(cacheMiss(cmd), viaSh(noCache(cmd)));
    cacheRows.push([`\`${name}\` ${n.toLocaleString('en')}`, `${fmt(hit.a)} / ${fmt(hit.b)}`, `**${hit.ratio.toFixed(2)}×** (${hit.spread[0].toFixed(2)}–${hit.spread[1].toFixed(2)})`, `${miss.ratio.toFixed(2)}× (${miss.spread[0].toFixed(2)}–${miss.spread[1].toFixed(2)})`]);
  }
}

// Backlog.md: the same 1,000 issues as task files, listed with `task list --plain`.
const backlog = process.env.BACKLOG_BIN;
let backlogNote = 'Backlog.md: not measured (set BACKLOG_BIN to its `backlog` binary).';
if (backlog && existsSync(backlog)) {
  const proj = `${out}/backlog-1k`;
  rmSync(proj, { recursive: true, force: true });
  mkdirSync(`${proj}/backlog/tasks`, { recursive: true });
  execFileSync('git', ['init', '-q', proj]);
  writeFileSync(`${proj}/backlog/config.yml`, 'project_name: "bench"\ndefault_status: "To Do"\nstatuses: ["To Do", "In Progress", "Done"]\nlabels: []\ndate_format: yyyy-mm-dd\nremote_operations: false\nauto_commit: false\ncheck_active_branches: false\ntask_prefix: "task"\n');
  const data = parse(readFileSync(plans[1000], 'utf8'));
  const status = { done: 'Done', 'in-progress': 'In Progress', review: 'In Progress' };
  data.issues.forEach((issue, n) => {
    const title = String(issue.title).replace(/["\\]/g, '');
    writeFileSync(
      `${proj}/backlog/tasks/task-${n + 1} - ${title.replace(/\W+/g, '-')}.md`,
      `---\nid: TASK-${n + 1}\ntitle: "${title}"\nstatus: ${status[issue.status] ?? 'To Do'}\nassignee: [${issue.lane ?? ''}]\ncreated_date: '2026-01-05 09:00'\nlabels: []\ndependencies: []\n---\n\n## Description\n\n${title}\n`,
    );
  });
  const version = execFileSync(backlog, ['--version'], { encoding: 'utf8' }).trim();
  pairRow(`render kanban 1k / Backlog.md ${version} \`task list --plain\` 1k`, paired(render(plans[1000]), [backlog, ['task', 'list', '--plain'], { cwd: proj }]), '≤ 0.5');
  backlogNote = `Backlog.md ${version}: the generated 1,000 issues as task files (status, title, assignee), \`backlog task list --plain\` in that project.`;
}


const keyRows = [];
let saves = [];
let bytesLine = 'bytes per keypress: not measured (needs tmux)';
if (only !== 'startup') {
  // Keypresses, in-process on a mounted 120×40 board.
  for (const n of [100, 1000, 10000]) {
    const r = spawnSync(process.execPath, [`${out}/latency.mjs`, plans[n], TODAY, 'keys'], { encoding: 'utf8', cwd: root });
    if (r.status !== 0) throw new Error(`latency run failed: ${r.stderr}`);
    const k = JSON.parse(r.stdout.trim().split('\n').pop());
    for (const [key, name] of [['j', '`j`'], ['l', '`l`/`h`'], ['space', '`Space` (tick)'], ['filter', '`/` filter typing']]) {
      const m = k[key];
      keyRows.push([`${name} at ${n.toLocaleString('en')}`, `${fmt(m.median)} / ${fmt(m.p95)}`, `${fmt(m.cpu_median)} / ${fmt(m.cpu_p95)}`]);
    }
  }

  // Save after one tick at 10k and 50k.
  saves = [10000, 50000].map((n) => {
    const r = spawnSync(process.execPath, [`${out}/latency.mjs`, plans[n], TODAY, 'save'], { encoding: 'utf8', cwd: root });
    if (r.status !== 0) throw new Error(`save run failed: ${r.stderr}`);
    const k = JSON.parse(r.stdout.trim().split('\n').pop());
    return `${n.toLocaleString('en')} issues: ${fmt(k.save_ms)} (diff −${k.diff_lines.removed}/+${k.diff_lines.added} lines)`;
  });

  // Bytes per keypress over a real terminal.
  if (spawnSync('tmux', ['-V']).status === 0) {
    const r = spawnSync(process.execPath, [`${root}bench/pty-bytes.mjs`, plans[1000], TODAY], { encoding: 'utf8', cwd: root });
    if (r.status !== 0) throw new Error(`pty-bytes failed: ${r.stderr}`);
    const b = JSON.parse(r.stdout.trim().split('\n').pop());
    const show = (k) => `${k} ${median(b[k])} B (max ${Math.max(...b[k])})`;
    bytesLine = `bytes sent per keypress, 1,000 issues, tmux 120×40 (median of presses): ${['j', 'l', 'h', 'space', 'u', 'timeline j'].filter((k) => b[k]).map(show).join(' · ')}`;
  }
}

const load1 = loadavg()[0];
console.log(`\nplanboard benchmark, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}, load average ${load0.toFixed(1)} → ${load1.toFixed(1)}, ${RUNS} pairs per ratio\n`);
console.log('| measure | median A / median B | ratio (middle half) | target |');
console.log('| --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log(`\n${backlogNote}\n`);
console.log('| cache of parsed plans | hit / no cache (medians) | hit / no cache | miss (writes) / no cache |');
console.log('| --- | --- | --- | --- |');
for (const r of cacheRows) console.log(`| ${r.join(' | ')} |`);
if (only === 'startup') process.exit(0);
console.log('');
console.log('| keypress, 120×40 board | wall median / p95 | CPU median / p95 |');
console.log('| --- | --- | --- |');
for (const r of keyRows) console.log(`| ${r.join(' | ')} |`);
console.log(`\nsave after one tick: ${saves.join(' · ')}`);
console.log(`\n${bytesLine}`);
// The Monte Carlo forecast's figures (bench/forecast.mjs).
for (const o of (await import('./forecast.mjs')).forecastRows) console.log(`Monte Carlo, ${o.samples} samples, ${o.case}: ${(o.ms / 1000).toFixed(2)} s (target ≤ ${o.target / 1000} s: ${o.met ? 'met' : 'not met'})`);
