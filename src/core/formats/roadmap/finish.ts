// After the last line: sections with an estimate become issues, phase tables meet their phases,
// milestones join their groups, empty headings fold away, dependencies are checked and cycles
// broken, and the plan data is assembled.
import { slug, stripEmoji } from './prose.js';
import type { Draft, IssueDraft, Section } from './draft.js';
import type { Unplaced } from '../types.js';
import { breakCycles } from '../dependency-cycles.js';

export interface RoadmapImport {
  data: Record<string, unknown> & { planboard: 1; title: string };
  unplaced: Unplaced[];
}

export function finish(d: Draft): RoadmapImport {
  for (const step of [estimatedSections, phaseTables, sectionMilestones, foldEmptyHeadings, checkpointMilestones, soloLane, dependencies, storyOrder]) step(d);
  const data = assemble(d);
  return { data, unplaced: d.unplaced };
}

/** Sections with an estimate but no issues of their own are work items. */
function estimatedSections(d: Draft): void {
  const { issueById, groupIds, sections, root } = d;
  // Sections with an estimate but no issues of their own are work items: `Infrastructure K3s (~15 jours)`.
  // Innermost first, so a phase whose sub-sections become issues stays a group.
  for (const s of [...sections].reverse()) {
    if (s.hasIssues || !s.estimate || s.kind) {
      for (const h of s.held) d.keep(h);
      continue;
    }
    let id = slug(stripEmoji(s.title));
    while (issueById.has(id) || groupIds.has(id)) id += '-x';
    const issue = d.newIssue(id, stripEmoji(s.title), s.parent ?? root);
    issue.estimate = s.estimate;
    for (const h of s.held) {
      if (h.as === 'subtask') issue.subtasks.push({ title: h.text, done: false });
      else if (h.as === 'deliverable') issue.deliverables.push(h.text);
      else issue.notes.push(h.text);
    }
    if (s.note.length) issue.notes.unshift(...s.note);
  }
}

/** Phase tables: estimate and epic per phase, matched to the phase's group. */
function phaseTables(d: Draft): void {
  const { issueById, sections, phaseRows } = d;
  // Phase tables: estimate and epic per phase, matched to the phase's group.
  for (const r of phaseRows) {
    const re = new RegExp(`^Phase\\s+${r.phase.replace('.', '\\.')}(?![\\d.])`, 'i');
    const under = (s: Section) => {
      for (let p: Section | undefined = s; p; p = p.parent) if (p === r.section) return true;
      return false;
    };
    const candidates = sections.filter((s) => s.group && re.test(stripEmoji(s.title)));
    const target = candidates.find((s) => r.section && under(s)) ?? candidates.find((s) => !s.group!.milestone);
    if (!target) {
      d.keep(r);
      continue;
    }
    const g = target.group!;
    if (r.estimate) g.estimate = r.estimate;
    if (r.epic && issueById.has(r.epic)) g.epic = r.epic;
    if (r.section?.milestone && !g.milestone) g.milestone = r.section.milestone.id;
  }
}

/** A section's milestone is a milestone of the plan, and its group's. */
function sectionMilestones(d: Draft): void {
  const { sections, milestones } = d;
  for (const s of sections) {
    if (!s.milestone) continue;
    milestones.push({ ...s.milestone });
    if (!s.group) continue;
    s.group.milestone = s.milestone.id;
  }
}

/** Headings that only hold other headings add a level and nothing else. */
function foldEmptyHeadings(d: Draft): void {
  const { issues, groups, sections } = d;
  // Headings that only hold other headings (`Détail Issues Q1`) add a level and nothing else.
  const direct = new Set(issues.map((i) => i.group));
  for (const s of sections) {
    const g = s.group;
    if (!g || direct.has(g.id) || g.milestone || g.estimate || g.epic || g.note || g.status) continue;
    for (const c of groups) if (c.parent === g.id) c.parent = g.parent;
    groups.splice(groups.indexOf(g), 1);
    s.group = undefined;
    d.keep({ line: s.line, text: s.title });
  }
}

/** Checkpoints (`Checkpoint A:`) are milestones requiring the issues they name. */
function checkpointMilestones(d: Draft): void {
  const { issueById, milestones, checkpoints } = d;
  for (const c of checkpoints) {
    const requires = c.requires.filter((id) => issueById.has(id));
    milestones.push({ id: d.uniqueMilestone(c.id), title: c.title, kind: 'checkpoint', ...(requires.length ? { requires } : {}), ...(c.note.length ? { note: c.note.join('\n') } : {}) });
  }
}

/** A single stated capacity means a solo plan. */
function soloLane(d: Draft): void {
  const { issues, lanes } = d;
  // A single stated capacity means a solo plan: everyone's work is that lane's.
  if (lanes.size === 1 && lanes.has('me')) for (const i of issues) (i as IssueDraft & { lane?: string }).lane = 'me';
}

/** Dependencies: on known issues only, each once, never in a cycle. */
function dependencies(d: Draft): void {
  const { unplaced, issues, issueById } = d;
  // Dependencies on ids the document never defines stay readable in the notes.
  for (const i of issues) {
    const missing = [...i.depends_on, ...i.blocks].filter((d) => !issueById.has(d));
    if (missing.length) i.notes.push(`Mentions unknown issues: ${missing.join(', ')}`);
    i.depends_on = i.depends_on.filter((d) => issueById.has(d) && d !== i.id);
  }
  // `A blocks B` says `B depends on A`: keep it once, on B.
  for (const i of issues) {
    for (const b of i.blocks) if (issueById.has(b) && b !== i.id) issueById.get(b)!.depends_on.push(i.id);
    i.blocks = [];
  }
  for (const i of issues) i.depends_on = [...new Set(i.depends_on)];
  breakCycles(issues, (issue, dep) => {
    issue.notes.push(`Depends on ${dep} (dropped: it would close a dependency cycle)`);
    unplaced.push({ line: 0, text: `dependency ${issue.id} → ${dep} dropped: it would close a cycle` });
  });
}

/** Story-numbered plans read best in story order. */
function storyOrder(d: Draft): void {
  const { issues } = d;
  // Story-numbered plans (`1.1`, `2.4`) read best in story order.
  if (issues.length && issues.every((i) => /^\d+(\.\d+)+$/.test(i.id))) {
    const key = (id: string) => id.split('.').map(Number);
    issues.sort((a, b) => {
      const [x, y] = [key(a.id), key(b.id)];
      for (let k = 0; k < Math.max(x.length, y.length); k++) if ((x[k] ?? -1) !== (y[k] ?? -1)) return (x[k] ?? -1) - (y[k] ?? -1);
      return 0;
    });
  }
}

/** The plan data, from the draft. */
function assemble(d: Draft): RoadmapImport['data'] {
  const { unplaced, issues, groups, sections, milestones, sprints, freezes, lanes, plan, text } = d;
  const usedSprints = sprints.filter((s) => s.start && s.end);
  for (const s of sprints) if (!s.start) unplaced.push({ line: 0, text: `sprint without dates: ${s.name}` });
  const sprintLen = /\b(\d+)\s*(weeks?|semaines?)\b/i.exec(text)?.[1];
  const calendar: Record<string, unknown> = {};
  if (freezes.length) calendar.freezes = freezes;
  if (usedSprints.length)
    calendar.sprints = {
      length: `${sprintLen ?? 2}w`,
      start: usedSprints[0].start,
      list: usedSprints.map((s) => clean({ name: s.name, goal: s.goal, start: s.start, end: s.end, critical: s.critical, parallel: s.parallel, gate: s.gate })),
    };
  if (d.criticalPath) calendar.critical_path = d.criticalPath;

  unplaced.sort((a, b) => a.line - b.line);
  const scenarioIds = new Set<string>();
  const scenarios = sections.filter((s) => s.scenario && Object.keys(s.scenario.assign).length).map((s) => s.scenario!);
  for (const sc of scenarios) {
    const base = sc.id;
    for (let n = 2; scenarioIds.has(sc.id); n++) sc.id = `${base}-${n}`;
    scenarioIds.add(sc.id);
  }
  const data = clean({
    planboard: 1 as const,
    title: plan.title ?? 'Imported roadmap',
    version: plan.version,
    as_of: plan.as_of,
    target: plan.target,
    calendar: Object.keys(calendar).length ? calendar : undefined,
    lanes: [...lanes.values()].map(clean),
    milestones: milestones.map(clean),
    groups: groups.map((g) => clean({ ...g })),
    issues: issues.map((i) =>
      clean({ ...i, labels: i.labels, notes: i.notes.length ? i.notes.join('\n') : undefined, subtasks: i.subtasks.map((s) => (s.done ? s : s.title)) }),
    ),
    scenarios: scenarios.map((s) => ({ id: s.id, title: s.title, assign: s.assign })),
    notes: unplaced.length ? unplaced.map((u) => (u.line ? `[line ${u.line}] ${u.text}` : u.text)).join('\n') : undefined,
  }) as RoadmapImport['data'];
  return data;
}


/** Drops undefined values and empty arrays, so the YAML carries only what the document said. */
function clean<T extends Record<string, unknown>>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out as T;
}
