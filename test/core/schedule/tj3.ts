// Runs tj3 on a plan's tjp export and compares its dates with planboard's, issue by issue.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Model } from '../../../src/core/plan/model.js';
import { tjpProject } from '../../../src/core/formats/export-tjp.js';
import { schedulePlan, workingDaysBetween, type Schedule } from '../../../src/core/schedule/index.js';

export function requireTj3(): void {
  const v = spawnSync('tj3', ['--version'], { encoding: 'utf8' });
  if (v.status !== 0) throw new Error('tj3 is not on PATH: install TaskJuggler (gem install taskjuggler) to run these tests');
}

/** tj3's start and end per issue id (open issues with work). */
export function tj3Dates(model: Model, schedule: Schedule): Map<string, { start: string; end: string }> {
  const { text, taskPath } = tjpProject(model, schedule);
  const dir = mkdtempSync(join(tmpdir(), 'pb-tj3-'));
  try {
    writeFileSync(join(dir, 'plan.tjp'), text);
    const run = spawnSync('tj3', ['--silent', '--no-color', 'plan.tjp'], { cwd: dir, encoding: 'utf8', timeout: 300_000 });
    const csv = (() => {
      try {
        return readFileSync(join(dir, 'planboard.csv'), 'utf8');
      } catch {
        throw new Error(`tj3 wrote no report (exit ${run.status}):\n${run.stderr}${run.stdout}`);
      }
    })();
    const rows = new Map<string, { start: string; end: string }>();
    for (const line of csv.split('\n').slice(1)) {
      const m = /^"([^"]*)";"([^"]*)";"([^"]*)"$/.exec(line.trim());
      if (m) rows.set(m[1], { start: m[2], end: m[3] });
    }
    const out = new Map<string, { start: string; end: string }>();
    for (const [id, path] of taskPath) {
      const r = rows.get(path);
      if (r) out.set(id, r);
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface Agreement {
  compared: number;
  equal: number;
  /** Issues more than one working day apart on start or end. */
  far: { id: string; ours: [string, string]; theirs: [string, string] }[];
  /** Every issue whose dates differ, the widest gap (in working days) first. */
  diffs: { id: string; ours: [string, string]; theirs: [string, string]; gap: number }[];
}

/** Compares open issues that book work. */
export function compareWithTj3(model: Model, today: string, scenario?: string): Agreement {
  const s = schedulePlan(model, { today, ...(scenario ? { scenario } : {}) });
  const theirs = tj3Dates(model, s);
  const a: Agreement = { compared: 0, equal: 0, far: [], diffs: [] };
  for (const x of s.issues) {
    if (model.byId.get(x.id)!.done || x.remainingHours <= 0 || !x.start || !x.end) continue;
    const t = theirs.get(x.id);
    a.compared++;
    if (!t) {
      a.far.push({ id: x.id, ours: [x.start, x.end], theirs: ['?', '?'] });
      a.diffs.push({ id: x.id, ours: [x.start, x.end], theirs: ['?', '?'], gap: Infinity });
      continue;
    }
    if (t.start === x.start && t.end === x.end) a.equal++;
    const gap = Math.max(Math.abs(workingDaysBetween(model, x.start, t.start)), Math.abs(workingDaysBetween(model, x.end, t.end)));
    if (gap > 1) a.far.push({ id: x.id, ours: [x.start, x.end], theirs: [t.start, t.end] });
    if (gap > 0 || t.start !== x.start || t.end !== x.end) a.diffs.push({ id: x.id, ours: [x.start, x.end], theirs: [t.start, t.end], gap });
  }
  a.diffs.sort((p, q) => q.gap - p.gap);
  return a;
}
