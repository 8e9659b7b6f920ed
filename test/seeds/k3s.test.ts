// The k3s-mono-pgsql plan follows its seed: the stories, section 2's dependencies, the
// critical path, the checkpoints, and the 2-, 3- and 4-developer plans as scenarios.
import { describe, expect, it } from 'vitest';
import { loadPlan, PLANS, readSeed, SEEDS } from './helpers.js';

/** Lines of one numbered section, `## 2) …`, up to the next. */
function section(text: string, n: number): string[] {
  const start = text.search(new RegExp(`^## ${n}\\)`, 'm'));
  const rest = text.slice(start);
  const end = rest.slice(3).search(/^## \d+\)/m);
  return (end < 0 ? rest : rest.slice(0, end + 3)).split('\n');
}

const STORY = /\b\d\.\d\b/g;

function parseSeed(text: string) {
  const stories = new Set<string>();
  for (let n = 1; n <= 6; n++) for (const line of section(text, n)) for (const m of line.matchAll(STORY)) stories.add(m[0]);

  // "Apres 1.3 + 1.4:" then "- 1.2": each listed story depends on every story of the heading.
  const deps = new Map<string, Set<string>>();
  let after: string[] = [];
  for (const line of section(text, 2)) {
    const a = /^Apres (.+):$/.exec(line);
    if (a) after = a[1].match(STORY) ?? [];
    else if (/^Peut tourner/.test(line)) after = [];
    const item = /^- (.+)$/.exec(line);
    if (item && after.length) {
      for (const s of item[1].match(STORY) ?? []) deps.set(s, new Set([...(deps.get(s) ?? []), ...after]));
    }
  }
  const critical = /^`(.+)`$/m.exec(section(text, 1).join('\n'))![1].split(' -> ');

  const plans = new Map<number, Map<string, string[]>>();
  for (const n of [3, 4, 5]) {
    const lanes = new Map<string, string[]>();
    let dev = '';
    for (const line of section(text, n)) {
      const d = /^Dev ([A-D])\b.*:$/.exec(line);
      if (d) dev = `dev-${d[1].toLowerCase()}`;
      else if (!/^- /.test(line)) dev = line.trim() === '' ? dev : '';
      const chain = /^- (\d\.\d(?: -> \d\.\d)*)$/.exec(line);
      if (chain && dev) lanes.set(dev, chain[1].split(' -> '));
    }
    plans.set(n, lanes);
  }

  const checkpoints = new Map<string, string[]>();
  const cp = section(text, 6);
  cp.forEach((line, i) => {
    const c = /^Checkpoint ([A-D]):$/.exec(line);
    if (c) checkpoints.set(c[1], cp[i + 1].match(STORY) ?? []);
  });
  const gates = [...section(text, 1).join('\n').matchAll(/Story (\d\.\d) \(([^)]+)\) est le gate/g)].map((m) => ({ id: m[1], title: m[2] }));
  return { stories, deps, critical, plans, checkpoints, gates };
}

/** Is `sub` a subsequence of `list` (same order, gaps allowed)? */
const inOrder = (sub: string[], list: string[]) => {
  let k = 0;
  for (const x of list) if (x === sub[k]) k++;
  return k === sub.length;
};

describe(`k3s-mono-pgsql plan against its seed`, () => {
  const run = it;
  const get = () => ({ ...parseSeed(readSeed(SEEDS.k3s)), ...loadPlan(PLANS.k3s) });

  run('holds exactly the seed\'s 18 stories, each in the epic its number names', () => {
    const { stories, model } = get();
    expect(stories.size).toBe(18);
    expect(model.issues.map((i) => i.id).sort()).toEqual([...stories].sort());
    for (const i of model.issues) expect(i.group, i.id).toBe(`epic-${i.id.split('.')[0]}`);
  });

  run('has the dependencies of section 2, plus only the critical path\'s links', () => {
    const { deps, critical, model } = get();
    const expected = new Map([...deps].map(([k, v]) => [k, new Set(v)]));
    for (let k = 1; k < critical.length; k++) {
      expected.set(critical[k], new Set([...(expected.get(critical[k]) ?? []), critical[k - 1]]));
    }
    for (const i of model.issues) {
      expect(i.deps.map((d) => d.id).sort(), i.id).toEqual([...(expected.get(i.id) ?? [])].sort());
    }
    // Section 2 really states most of them: only 1.3 → 2.1 → 2.2 come from the critical path.
    const fromCritical = model.issues.flatMap((i) => i.deps.filter((d) => !deps.get(i.id)?.has(d.id)).map((d) => `${d.id}->${i.id}`));
    expect(fromCritical.sort()).toEqual(['1.3->2.1', '2.1->2.2']);
  });

  run('keeps the seed\'s critical path, and it is a chain of dependencies', () => {
    const { critical, model } = get();
    expect(model.data.calendar?.critical_path).toEqual(critical);
    expect(critical).toEqual(['1.1', '1.3', '2.1', '2.2', '4.1', '5.1', '5.2']);
    for (let k = 1; k < critical.length; k++) {
      expect(model.byId.get(critical[k])!.deps.map((d) => d.id)).toContain(critical[k - 1]);
    }
  });

  run('invents no estimate, and uses the seed\'s titles where it gives one', () => {
    const { gates, model } = get();
    for (const i of model.issues) expect(i.estimate, i.id).toBeUndefined();
    for (const g of gates) {
      expect(model.byId.get(g.id)!.title.toLowerCase(), g.id).toBe(g.title.toLowerCase());
      expect(model.byId.get(g.id)!.labels, g.id).toContain('gate');
    }
    expect(gates.map((g) => g.id)).toEqual(['1.1', '2.2', '4.1', '5.1']);
    expect(model.byId.get('5.4')!.title).toBe('Documentation/matrice');
    const named = new Set(['1.1', '2.2', '4.1', '5.1', '5.4']);
    for (const i of model.issues) if (!named.has(i.id)) expect(i.title).toBe(`Story ${i.id}`);
  });

  run('has checkpoints A–D as milestones requiring the seed\'s stories', () => {
    const { checkpoints, model } = get();
    expect([...checkpoints.keys()]).toEqual(['A', 'B', 'C', 'D']);
    for (const [k, ids] of checkpoints) {
      const m = model.milestones.find((m) => m.id === `checkpoint-${k.toLowerCase()}`);
      expect(m?.kind, k).toBe('checkpoint');
      expect(m?.requires, k).toEqual(ids);
    }
  });

  run('gives each story its lane in the recommended 3-dev plan', () => {
    const { plans, model } = get();
    const three = plans.get(4)!;
    expect([...three.keys()]).toEqual(['dev-a', 'dev-b', 'dev-c']);
    for (const [lane, ids] of three) for (const id of ids) expect(model.byId.get(id)!.lane, id).toBe(lane);
  });

  const scenarioOf = (n: number) => ({ 3: '2-dev', 4: '3-dev', 5: '4-dev' })[n]!;
  run.each([3, 4, 5])('scenario of section %i follows the seed\'s lanes in order and covers all 18 stories once', (n) => {
    const { plans, stories, model } = get();
    const scenario = model.data.scenarios!.find((s) => s.id === scenarioOf(n))!;
    expect(scenario, scenarioOf(n)).toBeDefined();
    const seedLanes = plans.get(n)!;
    expect(Object.keys(scenario.assign).sort()).toEqual([...seedLanes.keys()].sort());
    for (const [lane, ids] of seedLanes) expect(inOrder(ids, scenario.assign[lane]), `${scenarioOf(n)} ${lane}`).toBe(true);
    const all = Object.values(scenario.assign).flat();
    expect(all.length).toBe(18);
    expect(new Set(all)).toEqual(stories);
  });

  run('adds to a scenario only the stories its seed section leaves out, and comments on each', () => {
    const { plans, stories, model, text } = get();
    const added: Record<string, string[]> = {};
    for (const n of [3, 4, 5]) {
      const named = new Set([...plans.get(n)!.values()].flat());
      added[scenarioOf(n)] = [...stories].filter((s) => !named.has(s)).sort();
    }
    // Section 5 names 5.3 and 5.4 only "en fil rouge", outside the lanes.
    expect(added).toEqual({ '2-dev': ['3.3'], '3-dev': [], '4-dev': ['2.3', '5.3', '5.4'] });
    expect(text).toMatch(/# The seed's 2-dev plan leaves 3\.3 out/);
    expect(text).toMatch(/# The seed's 4-dev plan leaves 2\.3 out/);
    expect(text).toMatch(/# "5\.3 \+ 5\.4 par Dev B\/C selon charge"/);
    const four = model.data.scenarios!.find((s) => s.id === '4-dev')!;
    for (const id of ['5.3', '5.4']) {
      expect(['dev-b', 'dev-c'].filter((l) => four.assign[l].includes(id)), id).toHaveLength(1);
    }
  });
});
