// 4 processes × 50 random edits through the built CLI (tick, move, log, status), at once, on one
// file. Each process owns some issues' status and lane, so its own last saved command must win
// for them; everyone logs time on every issue, so concurrent appends must all survive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadPlanText } from '../../src/core/plan/load.js';

const run = promisify(execFile);
const CLI = join(__dirname, '../../dist/planboard.js');
const PROCS = 4;
const EDITS = 50;
const LANES = ['ana', 'bo', 'cy'];
const STATUSES = ['backlog', 'todo', 'in-progress', 'review'];

const plan = () =>
  [
    '# Shared by four processes: this comment must survive.',
    'planboard: 1',
    'title: Stress',
    'lanes:',
    ...LANES.map((l) => `  - id: ${l}`),
    'issues:',
    ...Array.from({ length: PROCS }, (_, p) =>
      [0, 1].flatMap((k) => [`  - id: P${p}-${k}`, `    title: Owned by process ${p}  # keep`, '    status: todo', '    lane: ana']),
    ).flat(),
    '',
  ].join('\n');

interface Saved {
  id: string;
  field?: 'status' | 'lane';
  value?: string;
  note?: string;
}

/** One process: 50 random CLI edits with small random delays; returns what it saw saved. */
async function worker(file: string, p: number, seed: number): Promise<{ saved: Saved[]; failed: string[] }> {
  let s = seed;
  const rand = (n: number) => ((s = (s * 1103515245 + 12345) % 2 ** 31), s % n);
  const saved: Saved[] = [];
  const failed: string[] = [];
  const all = Array.from({ length: PROCS }, (_, q) => [`P${q}-0`, `P${q}-1`]).flat();
  for (let i = 0; i < EDITS; i++) {
    await new Promise((r) => setTimeout(r, rand(20)));
    const kind = rand(4);
    const own = `P${p}-${rand(2)}`;
    let args: string[];
    let record: Saved;
    if (kind === 0) {
      args = ['tick', file, own, '--today', '2026-03-02'];
      record = { id: own, field: 'status', value: 'done' };
    } else if (kind === 1) {
      const lane = LANES[rand(LANES.length)];
      args = ['move', file, own, '--lane', lane];
      record = { id: own, field: 'lane', value: lane };
    } else if (kind === 2) {
      const status = STATUSES[rand(STATUSES.length)];
      args = ['status', file, own, status, '--today', '2026-03-02'];
      record = { id: own, field: 'status', value: status };
    } else {
      const id = all[rand(all.length)];
      const note = `p${p}-e${i}`;
      args = ['log', file, id, '0.5h', '--date', '2026-03-02', '--note', note];
      record = { id, note };
    }
    try {
      await run(process.execPath, [CLI, ...args], { env: { ...process.env, NO_COLOR: '1' } });
      saved.push(record);
    } catch (e) {
      failed.push(`${args.join(' ')}: ${(e as { stderr?: string }).stderr ?? e}`);
    }
  }
  return { saved, failed };
}

let dir: string;
beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/planboard.js is missing: run npm run build (npm test and npm run test:all build it first)');
  dir = mkdtempSync(join(tmpdir(), 'pb-stress-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('4 processes making random CLI edits to one plan at once', () => {
  it('keep every edit each reported saved, and leave a valid plan', { timeout: 240_000 }, async () => {
    const file = join(dir, 'plan.yaml');
    writeFileSync(file, plan());
    const results = await Promise.all(Array.from({ length: PROCS }, (_, p) => worker(file, p, 7 + p)));

    // No command failed: under the lock every edit applies to the current file.
    expect(results.flatMap((r) => r.failed)).toEqual([]);

    const text = readFileSync(file, 'utf8');
    const loaded = loadPlanText(text, file);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(text.startsWith('# Shared by four processes: this comment must survive.\n')).toBe(true);
    const issues = new Map(loaded.plan.data.issues!.map((i) => [i.id, i]));

    // Every log entry a process saw saved is there, exactly once.
    const logged = [...issues.values()].flatMap((i) => (i.log ?? []).map((l) => `${i.id}:${l.note}`)).sort();
    const expected = results.flatMap((r) => r.saved.filter((x) => x.note).map((x) => `${x.id}:${x.note}`)).sort();
    expect(logged).toEqual(expected);

    // Each owner's last saved status and lane stand: nobody else's save undid them.
    for (const [p, r] of results.entries()) {
      for (const k of [0, 1]) {
        const id = `P${p}-${k}`;
        for (const field of ['status', 'lane'] as const) {
          const last = r.saved.filter((x) => x.id === id && x.field === field).pop();
          const initial = field === 'status' ? 'todo' : 'ana';
          expect(issues.get(id)![field], `${id}.${field}`).toBe(last?.value ?? initial);
        }
      }
    }
  });
});
