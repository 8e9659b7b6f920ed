// A cache hit prints byte for byte what reading the plan afresh prints: every bundled plan and a
// generated one, through the commands that read, run by the built binary without the cache
// (PLANBOARD_NO_CACHE=1), with an empty cache (a miss that writes) and with a warm one (a hit).
// A hit must really be one: the warm run reads the entry (shown by rewriting its title). The same
// holds for the computed output `schedule --json` and `capacity --json` keep (cli/output-cache.ts).
// Runs the built binary: `npm run build` first. Spawns many processes: slow tier.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePlan } from '../../../bench/lib/gen-plan.mjs';
import { filesIn } from '../load/fast-path-fuzz.js';

const BIN = resolve('dist/planboard.js');
const T = ['--today', '2026-03-02'];
let home = '';
let generated = '';

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error('dist/planboard.js is missing: run npm run build');
  home = mkdtempSync(join(tmpdir(), 'pb-cache-out-'));
  generated = join(home, 'generated-300.yaml');
  writeFileSync(generated, generatePlan({ issues: 300, seed: 5 }));
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

function run(args: string[], cache: 'none' | string) {
  const env = { ...process.env, NO_COLOR: '1', ...(cache === 'none' ? { PLANBOARD_NO_CACHE: '1' } : { XDG_CACHE_HOME: cache, PLANBOARD_NO_CACHE: '' }) };
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'buffer', env, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, out: r.stdout.toString('base64'), err: r.stderr.toString('base64') };
}

const COMMANDS = (plan: string) => [
  ['validate', plan],
  ['schedule', plan, '--json', ...T],
  ['render', plan, '--view', 'kanban', ...T],
  ['render', plan, '--view', 'timeline', ...T],
  ['capacity', plan, '--json', ...T],
  ['export', plan, '--format', 'csv', ...T],
  [plan, ...T], // the board, piped: the whole kanban as text
];

describe('output with and without the cache of parsed plans is identical', () => {
  const plans = [...filesIn('plans').map((s) => s.name), 'generated 300 issues'];
  const pathOf = (name: string) => (name.startsWith('generated') ? generated : resolve(name));

  it.each(plans)('%s, cold and warm', (name) => {
    const plan = pathOf(name);
    const cache = mkdtempSync(join(home, 'xdg-'));
    for (const args of COMMANDS(plan)) {
      const none = run(args, 'none');
      const cold = run(args, cache);
      const warm = run(args, cache);
      expect(cold, `${args.join(' ')} (miss)`).toEqual(none);
      expect(warm, `${args.join(' ')} (hit)`).toEqual(none);
    }
    const dir = join(cache, 'planboard');
    const entries = (existsSync(dir) ? readdirSync(dir) : []).map((f) => ({ path: join(dir, f), entry: JSON.parse(readFileSync(join(dir, f), 'utf8')) }));
    // Parsed plans hold data; commands' output (schedule --json, with its odds) a string.
    const parsed = entries.filter((e) => typeof e.entry.data === 'object');
    const outputs = entries.filter((e) => typeof e.entry.data === 'string');
    // Those that run the Monte Carlo forecast: schedule --json and capacity --json.
    expect(outputs.length).toBe(2);
    // A hit is one: the entry's text is what the warm run prints.
    const out = outputs.find((o) => o.entry.data.includes('"critical_path"'))!;
    writeFileSync(out.path, JSON.stringify({ ...out.entry, data: out.entry.data.replace('"version": 1', '"version": 1, "from": "the cache"') }));
    expect(Buffer.from(run(['schedule', plan, '--json', ...T], cache).out, 'base64').toString()).toContain('"from": "the cache"');
    // Another day, another seed or another scenario is another entry.
    for (const other of [['--today', '2026-03-03'], [...T, '--seed', '2'], [...T, '--samples', '7']]) {
      expect(run(['schedule', plan, '--json', ...other], cache)).toEqual(run(['schedule', plan, '--json', ...other], 'none'));
    }
    // The one plan with anchors is left to the precise read, which is never cached.
    const anchored = name.endsWith('koprogo-roadmap.yaml');
    expect(parsed.length).toBe(anchored ? 0 : 1);
    if (anchored) return;
    const entry = parsed[0].entry;
    entry.data.title = 'read from the cache';
    writeFileSync(parsed[0].path, JSON.stringify(entry));
    expect(Buffer.from(run(['report', plan, ...T], cache).out, 'base64').toString()).toContain('read from the cache');
  }, 180_000);
});
