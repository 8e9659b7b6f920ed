// Realistic generated plans for benchmarks and tests: phases and milestones, 3–12 lanes with
// weekly hours and time off, a dependency DAG (issues depend only on earlier ones), ranges,
// time entries, and comments sprinkled through. Deterministic for a given seed.
import { fromSource } from './from-source.mjs';

// The same seeded PRNG as the forecast's, from src/core/random.ts.
const { rng } = await fromSource({ 'src/core/random.ts': ['rng'] });

const DAY = 86_400_000;
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
const day = (s) => Date.parse(`${s}T00:00:00Z`);
const addDays = (s, n) => iso(day(s) + n * DAY);
/** Next Monday on or after s. */
const monday = (s) => {
  const wd = new Date(day(s)).getUTCDay();
  return addDays(s, (8 - wd) % 7);
};
const q = (s) => JSON.stringify(s);

const WORDS = ['api', 'auth', 'billing', 'cache', 'cluster', 'dashboard', 'deploy', 'docs', 'export', 'gateway', 'import',
  'ingest', 'metrics', 'migration', 'onboarding', 'policy', 'portal', 'queue', 'reports', 'search', 'secrets', 'storage',
  'sync', 'tenant', 'tests', 'ui', 'webhooks', 'workflow'];
const VERBS = ['Add', 'Build', 'Fix', 'Harden', 'Migrate', 'Refactor', 'Document', 'Automate', 'Design', 'Review'];
const PEOPLE = ['ana', 'ben', 'chen', 'dara', 'eli', 'fay', 'gus', 'hana', 'ivo', 'jun', 'kai', 'lea'];
const TRACKS = ['infra', 'software', 'security', 'data'];
const LABELS = ['backend', 'frontend', 'ops', 'gate', 'customer', 'tech-debt'];
const PRIORITIES = ['critical', 'high', 'medium', 'low'];

/** A plan of `issues` issues as YAML text. */
export function generatePlan({ issues: n, seed = 1, start = '2026-01-05' }) {
  const r = rng(seed);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const chance = (p) => r() < p;
  const today = monday(start);
  const out = [];
  const line = (s = '') => out.push(s);

  const laneCount = int(3, 12);
  const lanes = PEOPLE.slice(0, laneCount);
  const phases = Math.max(2, Math.round(n / 60));
  const quarters = 8;
  const dagWindow = 200; // dependencies reach back at most this many issues

  line(`# Generated plan: ${n} issues, seed ${seed}. Produced by bench/gen.mjs; do not edit by hand.`);
  line('planboard: 1');
  line(`title: ${q(`Generated plan (${n} issues, seed ${seed})`)}`);
  line(`as_of: ${today}`);
  line('hours_per_day: 8');
  line();
  line('calendar:');
  line('  holidays:');
  for (let y = 2026; y <= 2036; y++) {
    line(`    - ${y}-01-01`);
    line(`    - { name: Labour day, from: ${y}-05-01, to: ${y}-05-01 }`);
    line(`    - { name: Year end, from: ${y}-12-24, to: ${y}-12-26 }`);
  }
  line('  freezes:');
  line(`    - { name: Release freeze, from: ${addDays(today, 88)}, to: ${addDays(today, 95)} }`);
  line(`    - { name: Infra freeze, from: ${addDays(today, 180)}, to: ${addDays(today, 186)}, tracks: [infra] } # infra only`);
  line('  sprints:');
  line('    length: 2w');
  line(`    start: ${today}`);
  line();
  line('lanes:');
  for (const id of lanes) {
    const cap = pick(['40h/w', '40h/w', '40h/w', '32h/w', '24h/w', '6h/d']);
    line(`  - id: ${id}`);
    line(`    name: ${id[0].toUpperCase()}${id.slice(1)}`);
    line('    kind: person');
    line(`    capacity: ${cap}`);
    const off = addDays(today, int(10, 300));
    line('    time_off:');
    line(`      - { from: ${off}, to: ${addDays(off, int(0, 9))} }`);
    line(`      - ${addDays(today, int(20, 400))}`);
    if (chance(0.3)) {
      line('    changes:');
      line(`      - { from: ${addDays(today, int(60, 300))}, capacity: ${pick(['16h/w', '40h/w', '4h/d'])} }`);
    }
  }
  line();
  line('milestones:');
  for (let k = 1; k <= quarters; k++) {
    line(`  - id: Q${k}`);
    line(`    title: Quarter ${k}`);
    line('    kind: quarter');
    line(`    deadline: ${addDays(today, k * 91 + int(0, 20))}`);
  }
  line('  - id: launch');
  line('    kind: release');
  line(`    deadline: ${addDays(today, quarters * 91)}`);
  line(`    requires: [phase-${phases}]`);
  line();
  line('groups:');
  for (let p = 1; p <= phases; p++) {
    line(`  - id: phase-${p}`);
    line(`    title: ${q(`Phase ${p}: ${pick(WORDS)} ${pick(WORDS)}`)}`);
    line('    kind: phase');
    line(`    milestone: Q${Math.min(quarters, 1 + Math.floor(((p - 1) * quarters) / phases))}`);
    if (chance(0.3)) line(`    estimate: ${int(2, 12)}d # spread over the phase's issues without an estimate`);
  }
  line();
  line('issues:');
  for (let i = 1; i <= n; i++) {
    const phase = 1 + Math.floor(((i - 1) * phases) / n);
    if (i % 50 === 1) line(`  # ── ${`phase-${phase}`} ──`);
    const id = `GEN-${i}`;
    // A big plan is a long-lived one: most of it is done, and what is open is about a year of
    // work for its lanes (~120 issues a lane). Done issues come first, open ones last.
    const x = r();
    const doneUpTo = Math.max(0, n - laneCount * 120);
    const status = i <= doneUpTo ? (x < 0.97 ? 'done' : pick(['backlog', 'todo'])) : x < 0.04 ? 'in-progress' : pick(['backlog', 'todo', 'todo']);
    line(`  - id: ${id}`);
    line(`    title: ${q(`${pick(VERBS)} ${pick(WORDS)} ${pick(WORDS)} (${i})`)}`);
    line(`    status: ${status}`);
    line(`    group: phase-${phase}`);
    const e = r();
    if (e < 0.55) line(`    estimate: ${int(2, 24)}h`);
    else if (e < 0.75) line(`    estimate: ${int(1, 5)}d`);
    else if (e < 0.9) {
      const lo = int(1, 4);
      line(`    estimate: ${lo}-${lo + int(1, 4)}d # a range`);
    }
    if (!chance(0.04)) line(`    lane: ${pick(lanes)}`);
    if (chance(0.6)) line(`    priority: ${pick(PRIORITIES)}`);
    if (chance(0.5)) line(`    track: ${pick(TRACKS)}`);
    if (chance(0.3)) line(`    labels: [${pick(LABELS)}]`);
    const deps = new Set();
    const k = i > 1 ? pick([0, 0, 1, 1, 1, 2, 3]) : 0;
    for (let d = 0; d < k; d++) deps.add(Math.max(1, i - int(1, Math.min(dagWindow, i - 1))));
    if (deps.size > 0) {
      line('    depends_on:');
      for (const d of [...deps].sort((a, b) => a - b)) line(chance(0.1) ? `      - { id: GEN-${d}, lag: ${int(1, 3)}d }` : `      - GEN-${d}`);
    }
    if (chance(0.005)) {
      line('    external:');
      line(`      - { title: "Vendor approval", lead: ${int(1, 2)}-${int(3, 4)}w }`);
    }
    if (status === 'done' || status === 'in-progress') {
      const when = addDays(today, -int(1, 60));
      if (status === 'done') line(`    done_on: ${when}`);
      else line(`    started: ${when}`);
      if (chance(0.7)) {
        line('    log:');
        for (let t = int(1, 3); t > 0; t--) line(`      - { date: ${addDays(when, -t)}, hours: ${int(1, 6)} }`);
      }
    }
    if (chance(0.05)) line(`    # note from standup: ${pick(WORDS)} needs a second look`);
  }
  return out.join('\n') + '\n';
}
