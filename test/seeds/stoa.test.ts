// The two STOA plans hold exactly what their seeds list: every CAB issue, its title, done
// state, phase and quarter, the phase estimates of the seed's tables, and a comment wherever
// the seed's own totals disagree with its lists.
import { describe, expect, it } from 'vitest';
import { comments, loadPlan, PLANS, readSeed, SEEDS } from './helpers.js';
import type { Model } from '../../src/core/plan/model.js';

interface SeedItem {
  id: string;
  title: string;
  done: boolean;
  /** The `### Phase …` heading the item is listed under. */
  heading: string;
  /** Q1/Q2/Q3 when listed inside a quarter's section. */
  quarter?: string;
}

interface SeedQuarter {
  id: string;
  deadlineText: string;
  linear: string;
  totalIssues: number;
  /** Phase table rows: phase number → estimate in days. */
  phases: Map<string, number>;
}

function parseSeed(text: string) {
  const items: SeedItem[] = [];
  const quarters: SeedQuarter[] = [];
  let quarter: SeedQuarter | undefined;
  let heading = '';
  for (const line of text.split('\n')) {
    if (line.startsWith('## ')) {
      const q = /\b(Q[123]) 2026\b/.exec(line);
      quarter = q ? { id: q[1], deadlineText: '', linear: '', totalIssues: NaN, phases: new Map() } : undefined;
      if (quarter) quarters.push(quarter);
      heading = '';
      continue;
    }
    const h = /^#{3,4} (.+)$/.exec(line);
    if (h) heading = h[1];
    const d = /^\*\*Deadline:\*\* (.+?) \| \*\*Linear:\*\* (CAB-\d+)/.exec(line);
    if (d && quarter) ((quarter.deadlineText = d[1]), (quarter.linear = d[2]));
    const row = /^\| (?:~~)?\*\*([\d.]+)\*\*(?:~~)? \| [^|]+\| (?:~~)?([\d.]+)[jd](?:~~)? \|/.exec(line);
    if (row && quarter) quarter.phases.set(row[1], Number(row[2]));
    const t = /^- \*\*Total issues:\*\* (\d+)/.exec(line);
    if (t && quarter) quarter.totalIssues = Number(t[1]);
    const m = /^- \[([ x])\] (CAB-\d+): (.+)$/.exec(line);
    if (m) {
      const title = m[3].replace(/ \((Epic|Todo)\)$/, '').replace(/ ✅$/, '');
      items.push({ id: m[2], title, done: m[1] === 'x', heading, quarter: quarter?.id });
    }
  }
  // "### Issues Done" (v2) / "### Completed Issues (42)" (v4): numbered lists of done ids.
  const doneList = text.slice(text.search(/^### (Issues Done|Completed Issues)/m));
  const doneIds = [...doneList.slice(0, doneList.search(/^## /m)).matchAll(/^\d+\. (CAB-\d+):/gm)].map((m) => m[1]);
  const summary = new Map(
    [...text.matchAll(/^\| \*\*(Q[123])\*\* \| [^|]+\| (\d+)[jd] \|/gm)].map((m) => [m[1], Number(m[2])]),
  );
  const overviewTotal = Number(/\| \*\*TOTAL\*\* \| \*\*(\d+)\*\* \| 100% \|/.exec(text)?.[1]);
  return { items, quarters, doneIds, summary, overviewTotal };
}

const phaseOf = (heading: string) => /^Phase ([\d.]+)/.exec(heading)?.[1];
const groupMilestone = (model: Model, groupId: string | undefined) => {
  let g = groupId ? model.groupById.get(groupId) : undefined;
  while (g && !g.milestone && g.parent) g = model.groupById.get(g.parent);
  return g?.milestone;
};

describe.each([
  { name: 'v2', plan: PLANS.stoaV2, seed: SEEDS.stoaV2 },
  { name: 'v4', plan: PLANS.stoaV4, seed: SEEDS.stoaV4 },
])(`STOA $name plan against its seed`, ({ plan, seed }) => {
  const run = it;
  const get = () => ({ ...parseSeed(readSeed(seed)), ...loadPlan(plan) });

  run('holds every listed CAB issue with the seed title and done state', () => {
    const { items, model } = get();
    expect(items.length).toBeGreaterThan(100);
    for (const s of items) {
      const i = model.byId.get(s.id);
      expect(i, s.id).toBeDefined();
      expect(i!.title, s.id).toBe(s.title);
      expect(i!.done, `${s.id} done`).toBe(s.done);
    }
  });

  run('marks every issue of the seed\'s done list as done', () => {
    const { doneIds, model } = get();
    expect(doneIds.length).toBeGreaterThanOrEqual(11);
    for (const id of doneIds) expect(model.byId.get(id)?.status, id).toBe('done');
    // …and nothing else is done: the seed's done count is right in both versions.
    expect(model.issues.filter((i) => i.done).map((i) => i.id).sort()).toEqual([...doneIds].sort());
  });

  run('invents no issue: every plan id is named somewhere in the seed', () => {
    const { model } = get();
    const text = readSeed(seed);
    for (const i of model.issues) expect(text, i.id).toMatch(new RegExp(`\\b${i.id}\\b`));
  });

  run('puts the issues of one seed heading in one phase group, with the same count', () => {
    const { items, model } = get();
    const byHeading = new Map<string, SeedItem[]>();
    for (const s of items) byHeading.set(`${s.quarter}|${s.heading}`, [...(byHeading.get(`${s.quarter}|${s.heading}`) ?? []), s]);
    for (const [key, list] of byHeading) {
      const groups = new Set(list.map((s) => model.byId.get(s.id)?.group));
      expect(groups.size, key).toBe(1);
      const group = [...groups][0]!;
      const phase = phaseOf(list[0].heading);
      if (phase) expect(group.startsWith(`phase-${phase}`), `${key} → ${group}`).toBe(true);
      expect(model.issues.filter((i) => i.group === group).length, key).toBe(list.length);
    }
  });

  run('gives each phase the quarter and estimate of the seed\'s phase table', () => {
    const { quarters, items, model } = get();
    for (const q of quarters) {
      for (const [phase, days] of q.phases) {
        const id = phase === '14' ? `phase-14-${q.id.toLowerCase()}` : `phase-${phase}`;
        const g = model.groupById.get(id);
        expect(g, id).toBeDefined();
        expect(g!.milestone, id).toBe(q.id);
        expect(g!.estimate, id).toBe(`${days}d`);
      }
    }
    // Issues listed under a quarter count towards that quarter.
    for (const s of items.filter((s) => s.quarter)) expect(groupMilestone(model, model.byId.get(s.id)?.group), s.id).toBe(s.quarter);
  });

  run('sums the phase estimates to the seed\'s per-quarter days (8, 10, 9; 27 in all)', () => {
    const { summary, model } = get();
    const days = new Map<string, number>();
    for (const g of model.groups) {
      if (g.milestone && g.estimate) days.set(g.milestone, (days.get(g.milestone) ?? 0) + parseFloat(g.estimate));
    }
    expect(Object.fromEntries(days)).toEqual(Object.fromEntries(summary));
    expect([...days.values()].reduce((a, b) => a + b, 0)).toBe(27);
  });

  run('has the quarters as milestones with their deadline and Linear reference', () => {
    const { quarters, model } = get();
    const deadlines: Record<string, string> = { Q1: '2026-03-31', Q2: '2026-06-30', Q3: '2026-07-31' };
    expect(quarters.map((q) => q.id)).toEqual(['Q1', 'Q2', 'Q3']);
    for (const q of quarters) {
      const m = model.milestones.find((m) => m.id === q.id);
      expect(m?.kind).toBe('quarter');
      expect(m?.ref).toBe(`Linear: ${q.linear}`);
      expect(m?.deadline).toBe(deadlines[q.id]);
      expect(q.deadlineText).toMatch(/3[01]/);
    }
    expect(model.data.target).toBe('2026-07-31');
  });

  run('puts every issue in the single solo lane of 8h a week', () => {
    const { model } = get();
    expect(model.lanes.map((l) => [l.id, l.capacity])).toEqual([['solo', { hours: 8, per: 'w' }]]);
    for (const i of model.issues) expect(i.lane, i.id).toBe('solo');
  });

  run('writes a comment wherever a quarter\'s "Total issues" differs from its lists', () => {
    const { quarters, items, text } = get();
    let differing = 0;
    for (const q of quarters) {
      const listed = items.filter((s) => s.quarter === q.id).length + items.filter((s) => !s.quarter && quarterByTable(quarters, s) === q.id).length;
      if (listed !== q.totalIssues) {
        differing++;
        expect(comments(text), q.id).toContain(`${q.id} "Total issues: ${q.totalIssues}`);
        expect(comments(text), q.id).toContain(`the lists hold ${listed}`);
      }
    }
    expect(differing).toBeGreaterThan(0);
  });

  run('writes a comment where the overview total differs from the issues in the plan', () => {
    const { overviewTotal, model, text } = get();
    expect(model.issues.length).not.toBe(overviewTotal);
    expect(comments(text)).toContain(`"TOTAL ${overviewTotal}"`);
    expect(comments(text)).toContain(`${model.issues.length} issues in all`);
  });
});

/** v4 lists done phases outside the quarters; its tables still say which quarter they were in. */
function quarterByTable(quarters: SeedQuarter[], s: SeedItem): string | undefined {
  const phase = phaseOf(s.heading);
  return quarters.find((q) => phase && q.phases.has(phase))?.id;
}

describe(`STOA v4 specifics`, () => {
  const run = it;
  run('has CAB-238 in progress and the Cycle 2 next actions in the Cycle 2 sprint', () => {
    const { model } = loadPlan(PLANS.stoaV4);
    expect(model.byId.get('CAB-238')?.status).toBe('in-progress');
    for (const id of ['CAB-238', 'CAB-246', 'CAB-247']) expect(model.byId.get(id)?.sprint, id).toBe('Cycle 2');
    expect(model.data.calendar?.sprints?.list?.[0]).toMatchObject({ name: 'Cycle 2', start: '2026-01-05', end: '2026-01-11' });
  });

  run('marks the completed phases done and the open ones backlog', () => {
    const { model } = loadPlan(PLANS.stoaV4);
    const done = model.groups.filter((g) => g.status === 'done').map((g) => g.id);
    expect(done.sort()).toEqual(['infra', 'phase-1', 'phase-12', 'phase-2', 'phase-2.5', 'phase-3', 'phase-9.5'].sort());
  });

  run('states that the Q2 line does not follow from its phase table (7.5d remain, not 5d)', () => {
    const { text } = loadPlan(PLANS.stoaV4);
    expect(comments(text)).toMatch(/7\.5d remaining/);
  });
});

describe(`STOA v2 specifics`, () => {
  const run = it;
  run('has CAB-199 todo, phase 12 and 9.5 in progress, phase 3 done', () => {
    const { model } = loadPlan(PLANS.stoaV2);
    expect(model.byId.get('CAB-199')?.status).toBe('todo');
    expect(model.groupById.get('phase-12')?.status).toBe('in-progress');
    expect(model.groupById.get('phase-9.5')?.status).toBe('in-progress');
    expect(model.groupById.get('phase-3')?.status).toBe('done');
  });
});
