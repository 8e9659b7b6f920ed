// Shared by the seed-plan tests: where the plans and seeds live, and a plan check that needs
// nothing but the zod schema and the model (so it runs even before the loader exists).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { Plan } from '../../src/core/plan/schema.js';
import { buildModel, type Model, type PlanData } from '../../src/core/plan/model.js';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The seeds sit next to the repo: `../shared/seeds/repaired`. */
export const SEED_DIR = resolve(REPO, '../shared/seeds/repaired');

export const PLANS = {
  stoaV2: 'plans/stoa-2026-v2.yaml',
  stoaV4: 'plans/stoa-2026-v4.yaml',
  platform: 'plans/platform-delivery.yaml',
  koprogo: 'plans/koprogo-roadmap.yaml',
  k3s: 'plans/k3s-mono-pgsql.yaml',
} as const;

export const SEEDS = {
  stoaV2: '000_7d26e5206292bb95.txt',
  stoaV4: '001_1d84466389b68786.txt',
  platform: '002_98e4583f3dadecb6.txt',
  koprogo: '003_c61cbb500b862e28.txt',
  k3s: '004_0fc24d69ab20a4c1.txt',
} as const;

/** A seed document's text. Without the seeds the tests that compare with them fail, saying why. */
export function readSeed(name: string): string {
  if (!existsSync(SEED_DIR)) {
    throw new Error(`the seed documents are missing: ${SEED_DIR} does not exist. These tests compare the plans with the documents they came from; put the seeds at ../shared/seeds/repaired beside the checkout, as CI has them`);
  }
  return readFileSync(resolve(SEED_DIR, name), 'utf8');
}

export interface Checked {
  text: string;
  data: PlanData;
  model: Model;
}

/** Parses and schema-checks a plan, throwing with every zod issue when it is invalid. */
export function loadPlan(rel: string): Checked {
  const text = readFileSync(resolve(REPO, rel), 'utf8');
  const parsed = Plan.safeParse(YAML.parse(text));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${rel}: ${i.path.join('.')}: ${i.message}`);
    throw new Error(lines.join('\n'));
  }
  return { text, data: parsed.data, model: buildModel(parsed.data) };
}

/** Every id a plan refers to must exist; ids must be unique; dependencies must not loop. */
export function referenceProblems(data: PlanData): string[] {
  const problems: string[] = [];
  const issues = data.issues ?? [];
  const groups = data.groups ?? [];
  const dup = (kind: string, ids: string[]) => {
    const seen = new Set<string>();
    for (const id of ids) (seen.has(id) ? problems.push(`duplicate ${kind} id ${id}`) : seen.add(id));
    return seen;
  };
  const issueIds = dup('issue', issues.map((i) => i.id));
  const groupIds = dup('group', groups.map((g) => g.id));
  const laneIds = dup('lane', (data.lanes ?? []).map((l) => l.id));
  const milestoneIds = dup('milestone', (data.milestones ?? []).map((m) => m.id));
  const sprintNames = new Set((data.calendar?.sprints?.list ?? []).map((s) => s.name));
  const need = (set: Set<string>, kind: string, id: string | undefined, where: string) => {
    if (id !== undefined && !set.has(id)) problems.push(`${where}: unknown ${kind} ${id}`);
  };
  const depId = (d: string | { id: string }) => (typeof d === 'string' ? d : d.id);

  for (const g of groups) {
    need(groupIds, 'group', g.parent, `group ${g.id}`);
    need(issueIds, 'issue', g.epic, `group ${g.id} epic`);
    need(milestoneIds, 'milestone', g.milestone, `group ${g.id}`);
  }
  for (const i of issues) {
    const at = `issue ${i.id}`;
    need(groupIds, 'group', i.group, at);
    need(milestoneIds, 'milestone', i.milestone, at);
    need(laneIds, 'lane', i.lane, at);
    need(sprintNames, 'sprint', i.sprint, at);
    for (const d of i.depends_on ?? []) need(issueIds, 'issue', depId(d), `${at} depends_on`);
    for (const b of i.blocks ?? []) need(issueIds, 'issue', b, `${at} blocks`);
  }
  for (const m of data.milestones ?? []) {
    for (const r of m.requires ?? []) {
      if (!issueIds.has(r) && !groupIds.has(r)) problems.push(`milestone ${m.id}: unknown requirement ${r}`);
    }
  }
  for (const s of data.calendar?.sprints?.list ?? []) {
    for (const c of s.critical ?? []) need(issueIds, 'issue', c, `sprint ${s.name} critical`);
  }
  for (const c of data.calendar?.critical_path ?? []) need(issueIds, 'issue', c, 'critical_path');
  for (const r of data.risks ?? []) for (const id of r.issues ?? []) need(issueIds, 'issue', id, `risk ${r.title}`);
  for (const s of data.scenarios ?? []) {
    for (const [lane, ids] of Object.entries(s.assign)) {
      need(laneIds, 'lane', lane, `scenario ${s.id}`);
      for (const id of ids) need(issueIds, 'issue', id, `scenario ${s.id}`);
    }
  }
  problems.push(...cycles(data));
  return problems;
}

/** Depth-first search over depends_on plus inverted blocks; reports each loop once. */
function cycles(data: PlanData): string[] {
  const edges = new Map<string, string[]>();
  const add = (from: string, to: string) => edges.set(from, [...(edges.get(from) ?? []), to]);
  for (const i of data.issues ?? []) {
    for (const d of i.depends_on ?? []) add(i.id, typeof d === 'string' ? d : d.id);
    for (const b of i.blocks ?? []) add(b, i.id);
  }
  const state = new Map<string, 'open' | 'closed'>();
  const found: string[] = [];
  const stack: string[] = [];
  const visit = (id: string) => {
    state.set(id, 'open');
    stack.push(id);
    for (const next of edges.get(id) ?? []) {
      if (state.get(next) === 'open') found.push(`cycle: ${[...stack.slice(stack.indexOf(next)), next].join(' -> ')}`);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(id, 'closed');
  };
  for (const id of edges.keys()) if (!state.has(id)) visit(id);
  return found;
}


/** All comment lines of a plan, for checking that a discrepancy is written down. */
export const comments = (text: string) =>
  text
    .split('\n')
    .filter((l) => /^\s*#/.test(l))
    .join('\n');
