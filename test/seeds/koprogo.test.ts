// The koprogo roadmap plan follows its reStructuredText seed: every numbered issue with its
// range, priority, track, effort, description, tasks, deliverables and links between issues;
// the phases, their order, the itsme® lead time, the risks and the key dates.
import { describe, expect, it } from 'vitest';
import { loadPlan, PLANS, readSeed, SEEDS } from './helpers.js';

/** rST inline markup away: ``code``, **bold**, escaped spaces. */
const plain = (s: string) => s.replace(/``/g, '').replace(/\*\*/g, '').replace(/\\ /g, '').trim();

interface SeedIssue {
  id: string;
  title: string;
  min: number;
  max: number;
  phase: number;
  priority: string;
  track: string;
  effort: string;
  description: string;
  tasks: string[];
  deliverables: string[];
  blocks: string[];
  dependsOn: string[];
}

function parseSeed(text: string): SeedIssue[] {
  const lines = text.split('\n');
  const out: SeedIssue[] = [];
  let phase = 0;
  let list: string[] | undefined;
  let open = false;
  for (const [k, line] of lines.entries()) {
    const p = /^\S+ Phase (\d): /.exec(line);
    if (p && /^-+$/.test(lines[k + 1] ?? '')) phase = Number(p[1]);
    const h = /^(#\d+): (.+) ⏱️ (\d+)-(\d+) jours$/.exec(line);
    if (h && /^~+$/.test(lines[k + 1] ?? '')) {
      out.push({
        id: h[1], title: h[2], min: Number(h[3]), max: Number(h[4]), phase,
        priority: '', track: '', effort: '', description: '', tasks: [], deliverables: [], blocks: [], dependsOn: [],
      });
      list = undefined;
      open = true;
      continue;
    }
    // A section heading (underlined with ^ or -) ends the issue before it.
    if (/^\^{4,}$|^-{4,}$/.test(line) && !/^-+$/.test(lines[k - 1] ?? '') && lines[k - 1] !== '') open = false;
    const cur = open ? out[out.length - 1] : undefined;
    if (!cur || /^[-^~=]{4,}$/.test(line)) continue;
    const meta = /^\*\*Priority\*\*\\ : \S+ (\w+) \| \*\*Track\*\*\\ : (\w+) \| \*\*Effort\*\*\\ : ([\w-]+)$/.exec(line);
    if (meta) [cur.priority, cur.track, cur.effort] = [meta[1], meta[2], meta[3]];
    const d = /^\*\*Description\*\*\\ : (.+)$/.exec(line);
    if (d) cur.description = plain(d[1]);
    if (/^\*\*Tâches\*\*/.test(line)) list = cur.tasks;
    else if (/^\*\*Livrables\*\*/.test(line)) list = cur.deliverables;
    else if (/^\*\*/.test(line)) list = undefined;
    const item = /^\* (.+)$/.exec(line);
    if (item && list) list.push(plain(item[1]));
    const b = /^\*\*Bloque\*\*\\ : (#\d+)/.exec(line);
    if (b) cur.blocks.push(b[1]);
    const dep = /^\*\*Dépend de\*\*\\ : (#\d+)/.exec(line);
    if (dep) cur.dependsOn.push(dep[1]);
    if (line === '----') list = undefined;
  }
  return out;
}

describe(`koprogo roadmap plan against its seed`, () => {
  const run = it;
  const get = () => ({ seed: parseSeed(readSeed(SEEDS.koprogo)), ...loadPlan(PLANS.koprogo) });

  run('holds the 13 numbered issues of the phases, in the seed\'s order', () => {
    const { seed, model } = get();
    expect(seed.map((s) => s.id)).toEqual(['#39', '#40', '#41', '#43', '#44', '#45', '#48', '#42', '#51', '#47', '#46', '#49', '#52']);
    expect(model.issues.filter((i) => i.id.startsWith('#')).map((i) => i.id)).toEqual(seed.map((s) => s.id));
  });

  run('gives each issue its title, range in days, priority, track, effort label, phase and link', () => {
    const { seed, model } = get();
    for (const s of seed) {
      const i = model.byId.get(s.id)!;
      expect(i.title, s.id).toBe(s.title);
      expect(i.data.estimate, s.id).toBe(`${s.min}-${s.max}d`);
      expect(i.priority, s.id).toBe(s.priority.toLowerCase());
      expect(i.track, s.id).toBe(s.track);
      expect(i.labels, s.id).toEqual([`effort:${s.effort.toLowerCase()}`]);
      expect(i.group, s.id).toBe(`phase-${s.phase}`);
      expect(i.data.link, s.id).toBe(`https://github.com/gilmry/koprogo/issues/${s.id.slice(1)}`);
    }
  });

  run('keeps each description as the notes\' first line, the tasks as subtasks and the deliverables', () => {
    const { seed, model } = get();
    for (const s of seed) {
      const i = model.byId.get(s.id)!;
      expect(i.data.notes?.split('\n')[0], s.id).toBe(s.description);
      expect(i.subtasks.length, `${s.id} subtasks`).toBe(s.tasks.length);
      // #51's first task has sub-items, folded into the one subtask.
      s.tasks.forEach((t, k) => expect(i.subtasks[k].title.startsWith(t), `${s.id}: ${t}`).toBe(true));
      expect(i.data.deliverables, s.id).toEqual(s.deliverables);
    }
  });

  run('turns "Bloque" into blocks and "Dépend de" into depends_on', () => {
    const { seed, model } = get();
    const stated = seed.flatMap((s) => [...s.blocks.map((b) => `${s.id}->${b}`), ...s.dependsOn.map((d) => `${d}->${s.id}`)]);
    expect(new Set(stated)).toEqual(new Set(['#44->#45', '#48->#46']));
    for (const s of seed) {
      expect(model.byId.get(s.id)!.data.blocks ?? [], s.id).toEqual(s.blocks);
      for (const d of s.dependsOn) expect(model.byId.get(s.id)!.deps.map((x) => x.id), s.id).toContain(d);
    }
  });

  run('makes each phase wait for the whole previous phase ("Phase N Complete ──▶ Phase N+1")', () => {
    const { model } = get();
    const inPhase = (n: number) => model.issues.filter((i) => i.group === `phase-${n}`).map((i) => i.id);
    for (const n of [2, 3]) {
      for (const id of inPhase(n)) {
        const deps = model.byId.get(id)!.deps.map((d) => d.id);
        for (const before of inPhase(n - 1)) expect(deps, `${id} after ${before}`).toContain(before);
      }
    }
  });

  run('gives #48 the itsme® registration as a 2-4 week external lead time', () => {
    const { model } = get();
    expect(model.byId.get('#48')!.data.external).toEqual([{ title: 'itsme® registration', lead: '2-4w' }]);
    expect(model.byId.get('#48')!.external[0].lead).toEqual({ min: 80, expected: 120, max: 160 });
  });

  run('has the unnumbered phase work with the seed\'s effort (~15 jours, 30-40 jours)', () => {
    const { model } = get();
    expect(model.byId.get('k3s-infra')?.data).toMatchObject({ group: 'phase-2', estimate: '15d', track: 'Infrastructure' });
    expect(model.byId.get('k8s-infra')?.data).toMatchObject({ group: 'phase-3', estimate: '15d', track: 'Infrastructure' });
    expect(model.byId.get('k8s-software')?.data).toMatchObject({ group: 'phase-3', estimate: '30-40d', track: 'Software' });
    expect(model.byId.get('k8s-software')!.subtasks).toHaveLength(6);
  });

  run('sums each phase\'s issues to the phase total of the seed\'s recap tables', () => {
    const { model, text } = get();
    const recap = [...readSeed(SEEDS.koprogo).matchAll(/\*\*Total Phase (\d)\*\*[^\n]*\n\s+- (?:[^\n]*\n\s+- )?\*\*(\d+)-(\d+) jours\*\*/g)];
    expect(recap.map((m) => m[1])).toEqual(['1', '2', '3']);
    for (const [, n, lo, hi] of recap) {
      const mine = model.issues.filter((i) => i.group === `phase-${n}`);
      const sum = (k: 'min' | 'max') => mine.reduce((a, i) => a + i.estimate![k], 0) / model.hoursPerDay;
      expect([sum('min'), sum('max')], `phase ${n}`).toEqual([Number(lo), Number(hi)]);
      expect(model.groupById.get(`phase-${n}`)!.estimate).toBe(`${lo}-${hi}d`);
    }
    expect(text).toMatch(/# +"Gaps Identifiés: 16 issues créés" — the phases list 13 numbered issues/);
  });

  run('has the key dates as milestones and the phases pointing at them', () => {
    const { model } = get();
    expect(model.milestones.map((m) => [m.id, m.deadline])).toEqual([
      ['vps-mvp', '2026-02-28'],
      ['k3s', '2026-05-31'],
      ['v1.0', '2026-08-31'],
    ]);
    expect(model.milestones[0].requires).toEqual(['#39', '#40', '#41']);
    expect([1, 2, 3].map((n) => model.groupById.get(`phase-${n}`)!.milestone)).toEqual(['vps-mvp', 'k3s', 'v1.0']);
    expect(model.data.target).toBe('2026-08-31');
  });

  run('has the four risks with the seed\'s impact, probability and mitigation', () => {
    const { model } = get();
    const text = readSeed(SEEDS.koprogo);
    const table = text.slice(text.indexOf('Risques & Mitigations'), text.indexOf('Dépendances Externes'));
    const seedRisks = [...table.matchAll(/\* - \*\*(.+?)\*\*\n\s+- (.+)\n\s+- (.+)\n\s+- (.+)\n/g)].map((m) => ({
      title: m[1],
      impact: m[2],
      probability: m[3],
      mitigation: m[4],
    }));
    expect(seedRisks).toHaveLength(4);
    expect(model.data.risks!.map(({ issues: _, ...r }) => r)).toEqual(seedRisks);
  });
});
