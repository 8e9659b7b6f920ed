import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { importText } from '../../src/core/formats/import.js';
import { detectFormat } from '../../src/core/formats/roadmap/lines.js';
import { loadPlanText, type LoadedPlan } from '../../src/core/plan/load.js';
import { cli, readSeed, REPO, SEEDS, snapshot, tempDir, writeTemp } from './helpers.js';

async function imported(text: string, name = 'roadmap.md'): Promise<LoadedPlan & { unplaced: { line: number; text: string }[] }> {
  const r = await importText(text, name);
  const loaded = loadPlanText(r.yaml, 'imported.yaml');
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.line}:${p.col} ${p.message}`).join('\n'));
  return { ...loaded.plan, unplaced: r.unplaced };
}

const groupTitle = (plan: LoadedPlan, id: string) => plan.model.groupById.get(plan.model.byId.get(id)?.group ?? '')?.title ?? '';

describe(`import of the five seed roadmaps`, () => {
  it.each(Object.entries(SEEDS))('%s imports to a plan that loads and validates', async (_k, file) => {
    const plan = await imported(readSeed(file), file);
    expect(plan.model.issues.length).toBeGreaterThan(10);
  });

  it('detects reStructuredText by content for the KoproGo roadmap, Markdown for the others', async () => {
    expect(detectFormat(readSeed(SEEDS.koprogo))).toBe('rst');
    for (const k of ['stoaV2', 'stoaV4', 'platform', 'k3s'] as const) expect(detectFormat(readSeed(SEEDS[k]))).toBe('markdown');
  });

  it.each([
    ['stoaV2', SEEDS.stoaV2],
    ['stoaV4', SEEDS.stoaV4],
  ])('%s: every checklist CAB id arrives with its done state and its phase', async (_k, file) => {
    const text = readSeed(file);
    const plan = await imported(text, file);
    let phase = '';
    let checked = 0;
    for (const line of text.split('\n')) {
      const h = /^#{3,4}\s+(?:\S+\s+)?(Phase [\d.]+|Infrastructure)/.exec(line);
      if (h) phase = h[1];
      const c = /^- \[( |x)\] (CAB-\d+):/.exec(line);
      if (!c) continue;
      const issue = plan.model.byId.get(c[2]);
      expect(issue, c[2]).toBeDefined();
      expect(issue!.done, `${c[2]} done`).toBe(c[1] === 'x');
      expect(groupTitle(plan, c[2]), `${c[2]} phase`).toMatch(new RegExp(`^${phase.replace('.', '\\.')}\\b`));
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it.each([
    ['stoaV2', SEEDS.stoaV2],
    ['stoaV4', SEEDS.stoaV4],
  ])('%s: no CAB id is lost: each is an issue, a milestone reference or kept in the notes', async (_k, file) => {
    const text = readSeed(file);
    const plan = await imported(text, file);
    const refs = plan.model.milestones.map((m) => m.ref ?? '').join(' ');
    for (const id of new Set(text.match(/CAB-\d+/g))) {
      const placed = plan.model.byId.has(id) || refs.includes(id) || (plan.data.notes ?? '').includes(id);
      expect(placed, id).toBe(true);
    }
  });

  it('STOA v2: quarters become milestones with deadlines, and the phase tables give phase estimates and epics', async () => {
    const plan = await imported(readSeed(SEEDS.stoaV2));
    expect(plan.model.milestones.map((m) => [m.id, m.deadline, m.ref])).toEqual([
      ['Q1', '2026-03-31', 'Linear: CAB-171'],
      ['Q2', '2026-06-30', 'Linear: CAB-172'],
      ['Q3', '2026-07-31', 'Linear: CAB-173'],
    ]);
    const cilium = plan.model.groups.find((g) => g.title?.startsWith('Phase 2.6'))!;
    expect(cilium).toMatchObject({ estimate: '1.25d', epic: 'CAB-126' });
    expect(plan.model.byId.get('CAB-127')!.milestone).toBe('Q1');
    expect(plan.model.byId.get('CAB-199')!.status).toBe('todo');
    expect(plan.data.as_of).toBe('2026-01-03');
    // "~8h/semaine" is the solo lane's capacity.
    expect(plan.model.lanes).toHaveLength(1);
    expect(plan.model.lanes[0].capacity).toEqual({ hours: 8, per: 'w' });
  });

  it('STOA v4: phases done before any quarter keep their phase, and phase 3 joins Q1 through its table row', async () => {
    const plan = await imported(readSeed(SEEDS.stoaV4));
    expect(groupTitle(plan, 'CAB-212')).toMatch(/^Phase 1 /);
    expect(plan.model.byId.get('CAB-133')!.milestone).toBe('Q1');
    expect(plan.model.byId.get('CAB-236')!).toMatchObject({ done: true, milestone: 'Q2' });
    expect(plan.model.byId.get('CAB-238')!.status).toBe('in-progress');
  });

  it('KoproGo (reStructuredText): issue headings, estimate ranges in jours, Bloque / Dépend de, priority, track, external lead', async () => {
    const plan = await imported(readSeed(SEEDS.koprogo), SEEDS.koprogo);
    const i44 = plan.model.byId.get('#44')!;
    expect(i44.title).toBe('Document Storage Strategy');
    expect(i44.data.estimate).toBe('2-3d');
    expect(i44).toMatchObject({ priority: 'critical', track: 'Software' });
    expect(plan.model.byId.get('#45')!.deps.map((d) => d.id)).toEqual(['#44']);
    expect(plan.model.byId.get('#46')!.deps.map((d) => d.id)).toContain('#48');
    expect(plan.model.byId.get('#48')!.data.external).toEqual([{ title: 'Registration itsme®', lead: '2-4w' }]);
    expect(plan.model.byId.get('#43')!.priority).toBe('high');
    const phase1 = plan.model.groups.find((g) => g.title?.startsWith('Phase 1'))!;
    expect(phase1.estimate).toBe('9-13w');
    // A section with an estimate and tasks but no issue heading is still work to schedule.
    expect(plan.model.byId.get('infrastructure-k3s')!.data.estimate).toBe('15d');
  });

  it('platform delivery: sprints with their dates, the change freeze, stories in sprints', async () => {
    const plan = await imported(readSeed(SEEDS.platform));
    const cal = plan.data.calendar!;
    expect(cal.freezes).toEqual([{ name: 'Change Freeze', from: '2025-12-22', to: '2026-01-02' }]);
    expect(cal.sprints!.list!.map((s) => [s.name, s.start, s.end])).toContainEqual(['Sprint 5', '2026-01-05', '2026-01-16']);
    expect(plan.model.issues).toHaveLength(41);
    expect(plan.model.byId.get('STORY-APP-HARBOR')!.sprint).toBe('Sprint 7');
  });

  it('k3s: the critical chain, the "Apres X:" dependencies and the 2/3/4-dev scenarios', async () => {
    const plan = await imported(readSeed(SEEDS.k3s));
    expect(plan.data.calendar!.critical_path).toEqual(['1.1', '1.3', '2.1', '2.2', '4.1', '5.1', '5.2']);
    expect(plan.model.byId.get('1.2')!.deps.map((d) => d.id).sort()).toEqual(['1.3', '1.4']);
    expect(plan.model.byId.get('1.1')!.title).toBe('baseline hardening');
    expect(plan.data.scenarios!.map((s) => Object.keys(s.assign).length)).toEqual([2, 3, 4]);
  });
});

describe('import of hand-written roadmaps', () => {
  const md = `# Tiny roadmap

**Date:** 2026-01-05

## Release 1 - Launch
**Deadline:** March 31, 2026

### #1: Login page ⏱️ 2-3 days
**Priority**: High | **Track**: Web
**Blocks**: #2

### #2: Dashboard ⏱️ 1-2 weeks
**Depends on**: #1, #9
Some free text about the dashboard.

### Checklist
- [x] T-1: First thing
- [ ] T-2: Second thing (In Progress)

A stray paragraph nobody can place.
`;

  it('reads English fields: estimates in days and weeks, Blocks / Depends on, deadline, priority and track', async () => {
    const plan = await imported(md);
    expect(plan.model.milestones).toEqual([{ id: 'release-1', title: 'Launch', kind: 'release', deadline: '2026-03-31' }]);
    expect(plan.model.byId.get('#1')!.data).toMatchObject({ estimate: '2-3d', priority: 'high', track: 'Web' });
    expect(plan.model.byId.get('#2')!.data.estimate).toBe('1-2w');
    expect(plan.model.byId.get('#2')!.deps.map((d) => d.id)).toEqual(['#1']);
    expect(plan.model.byId.get('#2')!.data.notes).toContain('#9');
    expect(plan.model.byId.get('T-1')!.done).toBe(true);
    expect(plan.model.byId.get('T-2')!.status).toBe('in-progress');
    expect(plan.model.byId.get('#1')!.milestone).toBe('release-1');
  });

  it('keeps what it cannot place as notes, with line numbers, never dropping it', async () => {
    const plan = await imported(md);
    expect(plan.unplaced).toEqual([{ line: 20, text: 'A stray paragraph nobody can place.' }]);
    expect(plan.data.notes).toContain('[line 20] A stray paragraph nobody can place.');
  });

  it('detects the format by content, whatever the file is called', async () => {
    expect((await importText(md, 'roadmap.rst')).format).toBe('markdown');
    expect((await importText('Title\n=====\n\n.. list-table::\n\n   * - a\n', 'x.md')).format).toBe('rst');
  });
});

describe('planboard import (command)', () => {
  const md = '# R\n\n## Phase 1 - Go\n- [x] A-1: one\n- [ ] A-2: two\n';

  it('writes the plan, lists unplaced lines on stderr, and prints a summary', async () => {
    const src = writeTemp('roadmap.txt', md + '\nUnplaceable words.\n');
    const out = join(tempDir(), 'plan.yaml');
    const r = await cli(['import', src, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/2 issues \(1 done\)/);
    expect(r.err).toContain(':7: kept as a note (not placed): Unplaceable words.');
    expect(loadPlanText(readFileSync(out, 'utf8'), out).ok).toBe(true);
  });

  it('says a missing output folder is missing, and one in a file\'s place is not a folder', async () => {
    const src = writeTemp('roadmap.md', md);
    const d = tempDir();
    const missing = await cli(['import', src, '-o', join(d, 'no', 'such', 'plan.yaml')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(new RegExp(`the directory ${join(d, 'no', 'such')} does not exist; nothing was written`));
    writeFileSync(join(d, 'file'), 'x');
    const under = await cli(['import', src, '-o', join(d, 'file', 'plan.yaml')]);
    expect(under.code).toBe(1);
    expect(under.err).toMatch(/a part of the path is not a directory; nothing was written/);
  });

  it('refuses to overwrite an existing plan without --force, leaving it byte-identical', async () => {
    const src = writeTemp('roadmap.md', md);
    const out = writeTemp('plan.yaml', 'planboard: 1\ntitle: keep me\n');
    const before = snapshot(out);
    const r = await cli(['import', src, '-o', out]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/already exists; use --force/);
    expect(snapshot(out)).toEqual(before);
    const forced = await cli(['import', src, '-o', out, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('A-2');
  });

  it.each([
    ['a missing file', (d: string) => join(d, 'nope.md'), /cannot read .*no such file/],
    ['a folder that is not a backlog', (d: string) => (mkdirSync(join(d, 'sub')), join(d, 'sub')), /a folder planboard cannot import/],
    ['an empty file', (d: string) => (writeFileSync(join(d, 'e.md'), ''), join(d, 'e.md')), /empty/],
    ['JSON that is not our export', (d: string) => (writeFileSync(join(d, 'x.json'), '{"a":1}'), join(d, 'x.json')), /only planboard's own export/],
    ['a CSV that no tracker wrote', (d: string) => (writeFileSync(join(d, 'x.csv'), 'name,age\nann,3\n'), join(d, 'x.csv')), /x\.csv:1:1: a CSV file that is neither a Jira export/],
    ['a binary file', (d: string) => (writeFileSync(join(d, 'b.md'), Buffer.from([0, 1, 2, 0])), join(d, 'b.md')), /binary/],
  ])('rejects %s with a clear message and writes nothing', async (_what, make, message) => {
    const d = tempDir();
    const src = make(d);
    const out = join(d, 'plan.yaml');
    const r = await cli(['import', src, '-o', out]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/internal error|\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('needs -o', async () => {
    const r = await cli(['import', writeTemp('r.md', md)]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--output PLAN is required/);
  });

  it('writes the schema modeline first, pointing at the schema this planboard ships', async () => {
    const out = join(tempDir(), 'plan.yaml');
    expect((await cli(['import', writeTemp('r.md', md), '-o', out])).code).toBe(0);
    const first = readFileSync(out, 'utf8').split('\n', 1)[0];
    const m = /^# yaml-language-server: \$schema=(.+)$/.exec(first);
    expect(m, first).not.toBeNull();
    expect(existsSync(resolve(dirname(out), m![1]))).toBe(true);
  });

  it('reads a tracker export by its content, and a Backlog.md folder, with the summary of what it made', async () => {
    const trackers = resolve(REPO, 'test/fixtures/trackers');
    const csv = await cli(['import', join(trackers, 'jira-export.csv'), '-o', join(tempDir(), 'j.yaml'), '--json']);
    expect(csv.code, csv.err).toBe(0);
    expect(JSON.parse(csv.out)).toMatchObject({ format: 'jira-csv', issues: 3, done: 1, groups: 1, milestones: 1, lanes: 2, notes: 0 });
    const folder = await cli(['import', join(trackers, 'backlog'), '-o', join(tempDir(), 'b.yaml')]);
    expect(folder.code, folder.err).toBe(0);
    expect(folder.out).toMatch(/\(backlog-md\) → .*: 4 issues \(1 done\), 1 groups, 1 milestones, 2 lanes/);
  });

  it('--from names the format; an unknown one is a usage error (exit 2)', async () => {
    const src = writeTemp('issues.txt', readFileSync(resolve(REPO, 'test/fixtures/trackers/gh-issue-list.json'), 'utf8'));
    const ok = await cli(['import', src, '-o', join(tempDir(), 'p.yaml'), '--from', 'github-issues']);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toMatch(/\(github-issues\).*3 issues \(1 done\)/);
    const bad = await cli(['import', src, '-o', join(tempDir(), 'p.yaml'), '--from', 'trello']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--from: expected one of markdown, rst, planboard-json, github-issues, .*, got "trello"/);
  });

  it('a format takes its own options: --id-prefix names the made-up ids of a roadmap, and is a usage error elsewhere', async () => {
    const out = join(tempDir(), 'p.yaml');
    const ok = await cli(['import', writeTemp('r.md', '# Roadmap\n\n- [ ] one\n- [x] two\n'), '-o', out, '--id-prefix', 'WEB']);
    expect(ok.code, ok.err).toBe(0);
    expect(loadPlanText(readFileSync(out, 'utf8'), out).ok && readFileSync(out, 'utf8')).toMatch(/id: WEB-1[\s\S]*id: WEB-2/);
    const jira = await cli(['import', resolve(REPO, 'test/fixtures/trackers/jira-export.csv'), '-o', join(tempDir(), 'j.yaml'), '--id-prefix', 'WEB']);
    expect(jira.code).toBe(2);
    expect(jira.err).toContain('--id-prefix is not an option of the jira-csv format');
    expect((await cli(['import', writeTemp('r.md', '- [ ] x\n'), '-o', join(tempDir(), 'p.yaml'), '--id-prefix', '9'])).code).toBe(2);
  });

  it('bad input is exit 1 with file:line:col, and nothing is written', async () => {
    const d = tempDir();
    const src = join(d, 'export.csv');
    writeFileSync(src, 'Summary,Issue key\nok,PAY-1\n"broken,PAY-2\n');
    const out = join(d, 'plan.yaml');
    const r = await cli(['import', src, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`planboard import: ${src}:3:1: a quoted CSV field is never closed`);
    expect(existsSync(out)).toBe(false);
  });
});

describe('planboard import: untrusted input', () => {
  it('lists unplaced lines with escapes made inert', async () => {
    const src = writeTemp('r.md', '# Roadmap\n\nA note \u001b[31mred\u001b[0m here.\n');
    const r = await cli(['import', src, '-o', join(tempDir(), 'p.yaml')]);
    expect(r.code).toBe(0);
    expect(r.err).toContain('A note ^[[31mred^[[0m here.');
    expect(r.err).not.toContain('\u001b');
  });

  it('a JSON file that is cut short is bad input at its line and column, not prose', async () => {
    const src = writeTemp('issues.json', '[\n  {"number": 1,\n   "title": "x"\n');
    const r = await cli(['import', src, '-o', join(tempDir(), 'p.yaml')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/issues\.json:4:1: not valid JSON/);
  });
});
