// The platform-delivery plan follows its seed: 41 stories in index order and sections, the
// seven sprints with their critical paths, parallel options and gates, the freeze and
// Thanksgiving, the three lanes, and only the dependencies the concurrency notes state.
import { describe, expect, it } from 'vitest';
import { loadPlan, PLANS, readSeed, SEEDS } from './helpers.js';

const plainHyphens = (s: string) => s.replace(/\u2011/g, '-');

function parseSeed(text: string) {
  const index = text.slice(text.indexOf('Story Sequence Index'), text.indexOf('## 📅 Sprint Schedule'));
  const stories: { n: number; id: string; title: string; section: string }[] = [];
  let section = '';
  for (const line of index.split('\n')) {
    const s = /^### \S+ (.+) \(\d+-\d+\)$/.exec(line);
    if (s) section = s[1];
    const m = /^(\d+)\. `([A-Z0-9-]+)` — (.+)$/.exec(line);
    if (m) stories.push({ n: Number(m[1]), id: m[2], title: m[3], section });
  }
  const schedule = text.slice(text.indexOf('## 📅 Sprint Schedule'), text.indexOf('## 🔀 Concurrency Notes'));
  const sprints: { name: string; goal: string; dates: string; critical: string[]; parallel: string[] }[] = [];
  let part = '';
  for (const line of schedule.split('\n')) {
    const s = /^### \S+ (Sprint \d) — (.+)$/.exec(line);
    if (s) sprints.push({ name: s[1], goal: s[2], dates: '', critical: [], parallel: [] });
    const sprint = sprints[sprints.length - 1];
    if (/^### /.test(line) && !s) part = '';
    if (/^#### .*Critical Path/.test(line)) part = 'critical';
    if (/^#### .*Parallel Options/.test(line)) part = 'parallel';
    const d = /^\*\*(.+?)\*\* \| 2 weeks$/.exec(line);
    if (d && sprint) sprint.dates = d[1];
    const c = /^\d+\. `([A-Z0-9-]+)`/.exec(line);
    if (c && part === 'critical') sprint.critical.push(c[1]);
    const p = /^- (.+)$/.exec(line);
    if (p && part === 'parallel') sprint.parallel.push(plainHyphens(p[1]));
  }
  const gates = new Map(
    [...text.matchAll(/^\| \*\*(Sprint \d)\*\* \| (.+) \|$/gm)].map((m) => [m[1], m[2].split('<br>').map((g) => g.replace(/^✓ /, ''))]),
  );
  const freeze = /### ❄️ Change Freeze\n\*\*(.+)\*\*/.exec(text)![1];
  return { stories, sprints, gates, freeze };
}

describe(`platform-delivery plan against its seed`, () => {
  const run = it;
  const get = () => ({ ...parseSeed(readSeed(SEEDS.platform)), ...loadPlan(PLANS.platform) });

  run('holds the 41 stories in the seed\'s order, with their titles and index sections', () => {
    const { stories, model } = get();
    expect(stories.map((s) => s.n)).toEqual(Array.from({ length: 41 }, (_, k) => k + 1));
    expect(model.issues.map((i) => i.id)).toEqual(stories.map((s) => s.id));
    for (const s of stories) {
      const i = model.byId.get(s.id)!;
      expect(i.title, s.id).toBe(s.title);
      expect(model.groupById.get(i.group!)?.title, s.id).toBe(s.section);
    }
  });

  run('has the seven sprints, each with the seed\'s goal, critical path, parallel options and gate', () => {
    const { sprints, gates, model } = get();
    const list = model.data.calendar!.sprints!.list!;
    expect(list.map((s) => s.name)).toEqual(sprints.map((s) => s.name));
    expect(sprints).toHaveLength(7);
    for (const [k, s] of sprints.entries()) {
      expect(list[k].goal, s.name).toBe(s.goal);
      expect(list[k].critical, s.name).toEqual(s.critical);
      expect(list[k].parallel, s.name).toEqual(s.parallel);
      expect(list[k].gate, s.name).toEqual(gates.get(s.name));
    }
  });

  run('puts each story in the sprint whose critical path lists it', () => {
    const { sprints, model } = get();
    for (const s of sprints) for (const id of s.critical) expect(model.byId.get(id)!.sprint, id).toBe(s.name);
    expect(sprints.flatMap((s) => s.critical)).toHaveLength(41);
  });

  run('starts two-week sprints on Oct 27, 2025 and writes the seed\'s dates beside each sprint', () => {
    const { sprints, model, text } = get();
    expect(model.data.calendar!.sprints).toMatchObject({ length: '2w', start: '2025-10-27' });
    expect(sprints[0].dates).toBe('Oct 27 – Nov 7, 2025');
    for (const s of sprints) expect(text, s.name).toContain(`- name: ${s.name} # ${s.dates}`);
  });

  run('has the change freeze with its note and Thanksgiving as a holiday', () => {
    const { freeze, model } = get();
    expect(freeze).toBe('Dec 22, 2025 – Jan 2, 2026');
    expect(model.data.calendar!.freezes).toEqual([
      { name: 'Change freeze', from: '2025-12-22', to: '2026-01-02', note: 'Holiday break — no production changes during this period.' },
    ]);
    expect(model.data.calendar!.holidays).toEqual([{ name: 'Thanksgiving', from: '2025-11-27', to: '2025-11-27' }]);
  });

  run('has the three lanes of the parallelization model as tracks', () => {
    const { model } = get();
    expect(model.lanes.map((l) => [l.id, l.name, l.kind])).toEqual([
      ['infra', 'Infra', 'track'],
      ['apps', 'Apps', 'track'],
      ['cross-platform', 'Cross-Platform', 'track'],
    ]);
  });

  run('assigns Cross-Platform exactly the observability, CI/CD, registry and tenancy stories', () => {
    const { stories, model } = get();
    const named = (s: { section: string; id: string }) =>
      ['Observability Stack', 'CI/CD & Registry'].includes(s.section) || s.id === 'STORY-TENANCY-BASELINE';
    for (const s of stories) expect(model.byId.get(s.id)!.lane === 'cross-platform', s.id).toBe(named(s));
  });

  run('leaves a story without a lane only where a comment says why', () => {
    const { model, text } = get();
    const lines = text.split('\n');
    const lineOf = (id: string) => lines.findIndex((l) => l.startsWith(`  - id: ${id} `));
    for (const i of model.issues.filter((i) => !i.lane)) {
      const at = lineOf(i.id);
      // Between the last story that has a lane and this one, a comment must say why.
      const prev = Math.max(...model.issues.filter((j) => j.lane && lineOf(j.id) < at).map((j) => lineOf(j.id)));
      expect(lines.slice(prev, at).some((l) => /^\s*#.*no lane/.test(l)), i.id).toBe(true);
    }
    expect(model.issues.filter((i) => !i.lane).length).toBe(10);
  });

  run('turns only the stated prerequisites of the concurrency notes into dependencies', () => {
    const { stories, model } = get();
    const n = new Map(stories.map((s) => [s.id, s.n]));
    const edges = model.issues.flatMap((i) => i.deps.map((d) => `${n.get(i.id)}<-${n.get(d.id)}`));
    expect(edges.sort()).toEqual(['11<-8', '23<-8', '26<-12', '26<-14', '26<-15', '26<-16', '5<-1', '5<-4', '6<-1', '6<-4'].sort());
  });

  run('keeps the five concurrency notes as calendar notes', () => {
    const { model } = get();
    const notes = model.data.calendar!.parallel!;
    expect(notes).toHaveLength(5);
    expect(notes.map((s) => s.split(':')[0])).toEqual(['Secrets + Reloader', 'DNS stack', 'Observability base', 'BGP design', 'DB operator prep']);
  });
});
