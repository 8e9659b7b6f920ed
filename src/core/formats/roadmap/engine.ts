// Reads a roadmap's lines (Markdown through markdown-lines.ts, reStructuredText through
// lines.ts) into plan data. Headings become groups (and milestones where they name a version,
// a quarter or a date), task items and plain bullets under plan headings become issues
// (rules/items.ts), `#44: Title ⏱️ 2-3 jours` headings become issues, `**Key**: value` lines
// fill fields. Every line it cannot place is kept in the plan's notes and returned in
// `unplaced`, so nothing is dropped silently.
import type { SourceLine } from './lines.js';
import type { Unplaced } from '../types.js';
import { findDate, findDateRange, findDuration, findPriority, slug, stripEmoji } from './prose.js';
import { headingMilestone, readsAsPlan, saysDone } from './rules/heading.js';
import { idMaker } from './rules/ids.js';
import { itemIssue, deadlineBullet, isAside, yearOf } from './rules/items.js';
import { tableIssues } from './rules/table.js';

export type { Unplaced };

export interface RoadmapImport {
  data: Record<string, unknown> & { planboard: 1; title: string };
  unplaced: Unplaced[];
}

const ID = String.raw`(?:#\d+|[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)`;
const STORY = String.raw`(?:#\d+|\d+(?:\.\d+)+|[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)`;
const DURATION_TAIL = /\s*(?:⏱️?|~)?\s*(~?\d+(?:[.,]\d+)?(?:\s*[-–]\s*\d+(?:[.,]\d+)?)?\s*(?:jours?|days?|semaines?|weeks?|sem\.?|j|d|w|h))\s*$/i;
const CHECK = new RegExp(String.raw`^\s*[-*+]\s+\[([ xX])\]\s+(${ID})\s*:\s*(.+)$`);
const CHECK_PLAIN = /^\s*[-*+]\s+\[([ xX])\]\s+(.+)$/;
const ID_ITEM = new RegExp(String.raw`^\s*(?:[-*+]|\d+[.)])\s+(?:\*\*|\x60)?(${ID})(?:\*\*|\x60)?\s*(?:[:—–]|\s-)\s*(.+)$`);
const ISSUE_HEADING = new RegExp(String.raw`^(${ID})\s*[:—–-]\s*(.+)$`);
const BULLET = /^(\s*)(?:[-*+]|\d+[.)])\s+(.*)$/;

interface Section {
  title: string;
  level: number;
  line: number;
  parent?: Section;
  group?: GroupDraft;
  milestone?: { id: string; title?: string; kind?: string; deadline?: string; ref?: string };
  estimate?: string;
  note: string[];
  kind?: 'sprint' | 'freeze' | 'scenario' | 'done-list';
  sprint?: SprintDraft;
  scenario?: { id: string; title: string; assign: Record<string, string[]> };
  hasIssues: boolean;
  /** Its bullets are work items; the work under it is done. */
  plan?: boolean;
  done?: boolean;
  /** Lines and lists held until we know whether the section becomes an issue. */
  held: { line: number; text: string; as?: 'subtask' | 'deliverable' }[];
}

interface GroupDraft {
  id: string;
  title: string;
  kind?: string;
  parent?: string;
  epic?: string;
  estimate?: string;
  milestone?: string;
  status?: string;
  note?: string;
}

interface SprintDraft {
  name: string;
  goal?: string;
  start?: string;
  end?: string;
  critical: string[];
  parallel: string[];
  gate: string[];
}

export interface IssueDraft {
  id: string;
  title: string;
  status?: string;
  lane?: string;
  link?: string;
  milestone?: string;
  group?: string;
  estimate?: string;
  priority?: string;
  track?: string;
  labels: string[];
  sprint?: string;
  depends_on: string[];
  blocks: string[];
  external: { title: string; lead: string }[];
  subtasks: { title: string; done: boolean }[];
  deliverables: string[];
  notes: string[];
}

type ListMode =
  | { kind: 'subtasks' | 'deliverables' | 'issue-notes'; issue?: IssueDraft; section: Section }
  | { kind: 'after'; prereqs: string[] }
  | { kind: 'critical-path' }
  | { kind: 'dev'; lane: string; scenario: Section }
  | { kind: 'checkpoint'; milestone: { id: string; requires: string[]; note: string[] } };

const norm = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** `**Key**: value | **Other:** value` → pairs, or null when the line is not all fields. */
export function parseFields(text: string): { key: string; value: string }[] | null {
  const parts = text.trim().split(/\s+\|\s+/);
  const out: { key: string; value: string }[] = [];
  for (const p of parts) {
    const m = /^\*\*([^*]+?)\s*(?::\s*\*\*|\*\*\s*:)\s*(.*)$/.exec(p.trim());
    if (!m) return null;
    out.push({ key: norm(m[1]), value: m[2].trim() });
  }
  return out.length ? out : null;
}

const idsIn = (text: string, re = ID) => [...text.matchAll(new RegExp(re, 'g'))].map((m) => m[0]);

/** Trailing markers people put on titles: `✅`, `(Todo)`, `(In Progress)`. */
function cleanTitle(raw: string): { title: string; status?: string } {
  let title = raw.trim();
  let status: string | undefined;
  if (/✅\s*$/.test(title)) status = 'done';
  title = title.replace(/\s*✅\s*$/, '');
  const st = /\s*\((todo|to do|in progress|en cours|review|backlog|done)\)\s*$/i.exec(title);
  if (st) {
    status = { todo: 'todo', 'to do': 'todo', 'in progress': 'in-progress', 'en cours': 'in-progress', review: 'review', backlog: 'backlog', done: 'done' }[st[1].toLowerCase()];
    title = title.slice(0, st.index);
  }
  return { title: title.replace(/\*\*/g, '').trim(), status };
}

const isStructural = (text: string) => {
  const t = text.trim();
  if (!t) return true;
  if (/^([-*_=~^])\1{2,}$/.test(t)) return true; // rules and leftover adornments
  if (/^\|?[\s:|-]+\|[\s:|-]*$/.test(t)) return true; // table separators
  return t.replace(/<[^>]*>/g, '').trim() === ''; // bare HTML tags
};

export function importRoadmap(lines: SourceLine[], text: string): RoadmapImport {
  const unplaced: Unplaced[] = [];
  const issues: IssueDraft[] = [];
  const issueById = new Map<string, IssueDraft>();
  const groups: GroupDraft[] = [];
  const groupIds = new Set<string>();
  const sections: Section[] = [];
  const milestones: Record<string, unknown>[] = [];
  const sprints: SprintDraft[] = [];
  const freezes: { name?: string; from: string; to: string }[] = [];
  const lanes = new Map<string, { id: string; name?: string; capacity?: string; note?: string }>();
  const checkpoints: { id: string; title: string; requires: string[]; note: string[] }[] = [];
  const phaseRows: { section?: Section; phase: string; estimate?: string; epic?: string; line: number; text: string }[] = [];
  let criticalPath: string[] | undefined;
  const plan: { title?: string; version?: string; as_of?: string; target?: string } = {};

  const milestoneIds = new Set<string>();
  const dueMilestones = new Map<string, string>();
  const uniqueMilestone = (id: string) => {
    let out = id;
    for (let n = 2; milestoneIds.has(out); n++) out = `${id}-${n}`;
    milestoneIds.add(out);
    return out;
  };
  const root: Section = { title: '', level: 0, line: 0, note: [], hasIssues: false, held: [] };
  // A plan that names its issues by id uses those; its plain bullets are then descriptions.
  const idMode = lines.some((l) => (l.kind === 'heading' ? ISSUE_HEADING.test(l.text.trim()) : CHECK.test(l.text) || ID_ITEM.test(l.text)));
  const year = yearOf(text);
  const changelog = lines.some((l) => l.kind === 'heading' && l.level === 1 && /change ?log|release notes|history|news/i.test(l.text));
  const nextId = idMaker(text, (id) => issueById.has(id) || groupIds.has(id));
  /** The last list item that became an issue, for its wrapped lines and nested bullets. */
  let lastItem: { issue: IssueDraft; depth: number } | null = null;
  /** What the paragraph introducing the current list says it holds. */
  let intro: { plan: boolean } | null = null;
  const laneFor = (who: string) => {
    const id = slug(who.replace(/^@/, ''));
    if (!lanes.has(id)) lanes.set(id, { id, name: who.replace(/^@/, '') });
    return id;
  };
  let stack: Section[] = [root];
  let issueCtx: { issue: IssueDraft; level: number } | null = null;
  let list: ListMode | null = null;
  let table: SourceLine[] = [];

  const keep = (l: { line: number; text: string }) => {
    if (!isStructural(l.text)) unplaced.push({ line: l.line, text: l.text.trim() });
  };
  const section = () => stack[stack.length - 1];
  const within = (pred: (s: Section) => boolean) => {
    for (let s: Section | undefined = section(); s; s = s.parent) if (pred(s)) return s;
    return undefined;
  };

  const uniqueGroupId = (base: string) => {
    let id = base;
    for (let n = 2; groupIds.has(id) || issueById.has(id); n++) id = `${base}-${n}`;
    groupIds.add(id);
    return id;
  };
  const ensureGroup = (s: Section): GroupDraft | undefined => {
    if (s === root) return undefined;
    if (s.group) return s.group;
    const parent = s.parent ? ensureGroup(s.parent) : undefined;
    const marker = /\s*\(?\s*(en cours|in progress|done|termin[ée]e?)\s*\)?\s*$/i.exec(stripEmoji(s.title));
    const title = marker ? stripEmoji(s.title).slice(0, marker.index).trim() : stripEmoji(s.title);
    const kind = /^phase\b/i.test(title) ? 'phase' : /^Q[1-4]\b/.test(title) ? 'quarter' : 'section';
    const g: GroupDraft = { id: uniqueGroupId(slug(title)), title, kind, parent: parent?.id };
    if (s.estimate) g.estimate = s.estimate;
    if (s.milestone) g.milestone = s.milestone.id;
    if (s.note.length) g.note = s.note.join('\n');
    if (marker) g.status = /cours|progress/i.test(marker[1]) ? 'in-progress' : 'done';
    s.group = g;
    groups.push(g);
    return g;
  };
  const markIssues = (s: Section | undefined) => {
    for (; s; s = s.parent) s.hasIssues = true;
  };

  const newIssue = (id: string, title: string, s: Section): IssueDraft => {
    const issue: IssueDraft = { id, title, labels: [], depends_on: [], blocks: [], external: [], subtasks: [], deliverables: [], notes: [] };
    const g = ensureGroup(s);
    if (g) issue.group = g.id;
    markIssues(s);
    issues.push(issue);
    issueById.set(id, issue);
    return issue;
  };
  /** Ids named only in dependency lines (`Apres 1.1:`) still become issues. */
  const story = (id: string): IssueDraft => issueById.get(id) ?? newIssue(id, `Story ${id}`, root);

  const flushTable = () => {
    if (!table.length) return;
    const rows = table.filter((l) => !isStructural(l.text)).map((l) => ({ l, cells: l.text.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim()) }));
    table = [];
    if (!rows.length) return;
    const header = rows[0].cells.map((c) => norm(c));
    const col = (re: RegExp) => header.findIndex((h) => re.test(h));
    const phaseCol = col(/^phase$/);
    const estCol = col(/^est\b|estimat/);
    const sprintCol = col(/^sprint$/);
    const criteriaCol = col(/criteria|criteres/);
    if (phaseCol >= 0 && estCol >= 0) {
      keep(rows[0].l);
      const ms = within((s) => Boolean(s.milestone));
      const issuesCol = col(/^issues?$/);
      for (const r of rows.slice(1)) {
        const phase = r.cells[phaseCol].replace(/[*~]/g, '').trim();
        if (!/^[\d.]+$/.test(phase)) {
          keep(r.l);
          continue;
        }
        const est = findDuration(r.cells[estCol].replace(/~/g, ''));
        const epic = issuesCol >= 0 ? new RegExp(`(${ID})\\s*\\(epic\\)`, 'i').exec(r.cells[issuesCol])?.[1] : undefined;
        phaseRows.push({ section: ms, phase, estimate: est, epic, line: r.l.line, text: r.l.text });
      }
      return;
    }
    if (sprintCol >= 0 && criteriaCol >= 0) {
      keep(rows[0].l);
      for (const r of rows.slice(1)) {
        const name = r.cells[sprintCol].replace(/\*/g, '').trim();
        const sp = sprints.find((s) => s.name === name);
        if (!sp) keep(r.l);
        else sp.gate.push(...r.cells[criteriaCol].split(/<br\s*\/?>/i).map((c) => c.replace(/^\s*✓\s*/, '').trim()).filter(Boolean));
      }
      return;
    }
    const placed = tableIssues(rows.map((r) => ({ line: r.l.line, cells: r.cells })), { year, done: Boolean(section().done) });
    if (!placed) {
      for (const r of rows) keep(r.l);
      return;
    }
    for (const row of placed) {
      const issue = newIssue(row.id && !issueById.has(row.id) ? row.id : nextId(), row.title, section());
      if (row.status) issue.status = row.status;
      if (row.estimate) issue.estimate = row.estimate;
      if (row.owner) issue.lane = laneFor(row.owner);
      issue.labels.push(...row.labels);
      if (row.link) issue.link = row.link;
      if (row.notes.length) issue.notes.push(...row.notes);
      if (row.due) {
        if (!dueMilestones.has(row.due)) {
          const id = uniqueMilestone(`due-${row.due}`);
          dueMilestones.set(row.due, id);
          milestones.push({ id, title: `Due ${row.due}`, kind: 'checkpoint', deadline: row.due });
        }
        issue.milestone = dueMilestones.get(row.due);
      }
    }
  };

  const applyField = (key: string, value: string, l: SourceLine): boolean => {
    const issue = issueCtx?.issue;
    const s = section();
    const ids = () => idsIn(value);
    if (issue) {
      if (/^(priority|priorite)$/.test(key)) {
        const p = findPriority(value);
        if (p) issue.priority = p;
        else issue.labels.push(`priority:${stripEmoji(value)}`);
        return true;
      }
      if (key === 'track') return Boolean((issue.track = stripEmoji(value)));
      if (key === 'effort') return issue.labels.push(`effort:${slug(value)}`) > 0;
      if (/^(bloque|blocks|blocking|bloquant)$/.test(key) && ids().length) {
        issue.blocks.push(...ids());
        if (value.replace(new RegExp(ID, 'g'), '').replace(/[,;\s]/g, '')) issue.notes.push(`Blocks: ${value}`);
        return true;
      }
      if (/^(depend de|depends on|dependencies|dependances|requires)$/.test(key) && ids().length) {
        issue.depends_on.push(...ids());
        if (value.replace(new RegExp(ID, 'g'), '').replace(/[,;\s]/g, '')) issue.notes.push(`Depends on: ${value}`);
        return true;
      }
      if (/^(taches|tasks|todo)$/.test(key)) {
        list = { kind: 'subtasks', issue, section: s };
        if (value) issue.subtasks.push({ title: value, done: false });
        return true;
      }
      if (/^(livrables|deliverables)$/.test(key)) {
        list = { kind: 'deliverables', issue, section: s };
        if (value) issue.deliverables.push(value);
        return true;
      }
      if (/^(estimate|est|effort estime|duree estimee|estimation)$/.test(key) && findDuration(value)) return Boolean((issue.estimate = findDuration(value)));
      // Anything else said about the issue stays with it, as its notes.
      issue.notes.push(value ? `${l.text.trim().replace(/^\*\*([^*]+?)\s*:?\s*\*\*\s*:?/, '$1:')}` : l.text.trim());
      if (!value) list = { kind: 'issue-notes', issue, section: s };
      return true;
    }
    if (/^(date|as of|mise a jour|date de mise a jour)$/.test(key) && findDate(value)) return Boolean(plan.as_of ??= findDate(value));
    if (key === 'version') return Boolean((plan.version ??= value.trim()));
    if (/^(target|cible|objectif final)$/.test(key) && findDate(value)) {
      plan.target = findDate(value);
      return false; // the release name in it is worth keeping as a note too
    }
    if (/^(deadline|echeance|date limite|due)$/.test(key) && findDate(value) && s !== root) {
      s.milestone ??= milestoneFor(s);
      s.milestone.deadline = findDate(value);
      return true;
    }
    if (/^(linear|jira|github|ref|ticket)$/.test(key) && s.milestone) {
      s.milestone.ref = `${stripEmoji(l.text.split('|').find((p) => norm(p).startsWith(key)) ?? '').replace(/\*\*/g, '').replace(/\s*:\s*/, ': ')}`.trim() || value;
      return true;
    }
    if (/^(duree estimee|estimated duration|estimate|estimation)$/.test(key) && findDuration(value.replace(/~/g, '')) && s !== root) {
      s.estimate = findDuration(value.replace(/~/g, ''));
      if (s.group) s.group.estimate = s.estimate;
      return true;
    }
    if (/^(objectif|objective|goal|scope)$/.test(key) && s !== root) {
      s.note.push(`${stripEmoji(value)}`);
      if (s.group) s.group.note = s.note.join('\n');
      return true;
    }
    if (/^(hypothese|assumption|capacity|capacite|disponibilite)$/.test(key)) {
      const cap = /(\d+(?:[.,]\d+)?)\s*h\s*\/\s*(semaine|week|sem|w|jour|day|d)\b/i.exec(value);
      if (cap) {
        const per = /^(semaine|week|sem|w)$/i.test(cap[2]) ? 'w' : 'd';
        lanes.set('me', { id: 'me', name: 'me', capacity: `${cap[1].replace(',', '.')}h/${per}`, note: stripEmoji(value) });
        return true;
      }
    }
    if (/^(taches|tasks|livrables|deliverables|features|modules)$/.test(key) && s !== root) {
      list = { kind: /^(livrables|deliverables)$/.test(key) ? 'deliverables' : /^(taches|tasks)$/.test(key) ? 'subtasks' : 'issue-notes', section: s };
      s.held.push({ line: l.line, text: l.text.trim() });
      return true;
    }
    return false;
  };

  const milestoneFor = (s: Section) => {
    const t = stripEmoji(s.title);
    const q = /^(Q[1-4])\b/.exec(t);
    const [head, ...rest] = t.split(/\s+[-–—]\s+/);
    const id = q ? q[1] : slug(head);
    return { id: uniqueMilestone(id), title: rest.length ? rest.join(' - ') : t, kind: q ? 'quarter' : 'release' };
  };

  const listLine = (l: SourceLine): boolean => {
    const b = BULLET.exec(l.text);
    if (!list) return false;
    if (!b) {
      if (!l.text.trim()) return true; // blank lines do not end a list
      list = null;
      return false;
    }
    const body = b[2].trim();
    const nested = b[1].length > 0;
    switch (list.kind) {
      case 'subtasks':
      case 'deliverables':
      case 'issue-notes': {
        const issue = list.issue;
        if (!issue) {
          list.section.held.push({ line: l.line, text: body, as: list.kind === 'subtasks' ? 'subtask' : list.kind === 'deliverables' ? 'deliverable' : undefined });
          return true;
        }
        if (nested || list.kind === 'issue-notes') issue.notes.push(l.text.replace(/\s+$/, ''));
        else if (list.kind === 'deliverables') issue.deliverables.push(body);
        else {
          issue.subtasks.push({ title: body, done: false });
          const ext = /^(.*?)\s*\((\d+(?:\s*-\s*\d+)?\s*(?:semaines?|weeks?|jours?|days?))[^)]*(?:d[ée]lai externe|external|externe)[^)]*\)/i.exec(body);
          if (ext) issue.external.push({ title: ext[1].trim() || body, lead: findDuration(ext[2])! });
        }
        return true;
      }
      case 'after': {
        const ids = idsIn(body, STORY);
        if (!ids.length) return false;
        for (const id of ids) for (const p of list.prereqs) if (!story(id).depends_on.includes(p)) story(id).depends_on.push(p);
        return true;
      }
      case 'critical-path': {
        const ids = idsIn(body, STORY);
        if (!/->|→/.test(body) || ids.length < 2) return false;
        setCriticalPath(ids);
        return true;
      }
      case 'dev': {
        const ids = idsIn(body, STORY);
        if (!/->|→/.test(body) && ids.length !== 1) return false;
        ids.forEach(story);
        (list.scenario.scenario!.assign[list.lane] ??= []).push(...ids);
        return true;
      }
      case 'checkpoint': {
        const ids = idsIn(body, STORY);
        if (ids.length && /\b(done|fait|termin)/i.test(body) && !list.milestone.requires.length) list.milestone.requires.push(...ids);
        else list.milestone.note.push(body);
        return true;
      }
    }
  };

  const setCriticalPath = (ids: string[]) => {
    criticalPath = ids;
    ids.forEach(story);
    // The document names this chain as the order work must follow.
    for (let k = 1; k < ids.length; k++) if (!story(ids[k]).depends_on.includes(ids[k - 1])) story(ids[k]).depends_on.push(ids[k - 1]);
  };

  for (const l of lines) {
    if (l.kind !== 'text' || !l.text.trim().startsWith('|')) flushTable();
    if (l.kind === 'code') {
      keep(l);
      continue;
    }
    if (l.kind === 'heading') {
      list = null;
      intro = null;
      lastItem = null;
      if (issueCtx && l.level <= issueCtx.level) issueCtx = null;
      const raw = l.text.trim();
      const ih = ISSUE_HEADING.exec(raw);
      if (ih && !issueCtx) {
        while (stack.length > 1 && section().level >= l.level) stack.pop();
        const dur = DURATION_TAIL.exec(ih[2]);
        const { title, status } = cleanTitle(stripEmoji(dur ? ih[2].slice(0, dur.index) : ih[2]));
        const issue = issueById.get(ih[1]) ?? newIssue(ih[1], title, section());
        if (dur) issue.estimate = findDuration(dur[1].replace(/~/g, ''));
        if (status) issue.status = status;
        issueCtx = { issue, level: l.level };
        continue;
      }
      while (stack.length > 1 && section().level >= l.level) stack.pop();
      if (!plan.title && l.level === 1) {
        plan.title = stripEmoji(raw);
        root.plan = readsAsPlan(raw) && !isAside(raw);
        root.done = saysDone(raw);
        continue;
      }
      const s: Section = { title: raw, level: l.level, line: l.line, parent: section(), note: [], hasIssues: false, held: [] };
      const plain = stripEmoji(raw);
      const est = /\(\s*~?\s*([^)]*?)\)\s*$/.exec(plain);
      if (est && findDuration(est[1]) && /[a-z]/i.test(est[1])) {
        s.estimate = findDuration(est[1]);
        s.title = plain.slice(0, est.index).trim();
      }
      const sp = /^Sprint\s+(\d+)\s*(?:[—–:-]\s*(.*))?$/i.exec(plain);
      if (sp) {
        s.kind = 'sprint';
        s.sprint = { name: `Sprint ${sp[1]}`, goal: sp[2]?.trim() || undefined, critical: [], parallel: [], gate: [] };
        sprints.push(s.sprint);
      } else if (/change freeze|code freeze|\bgel\b|freeze/i.test(plain)) s.kind = 'freeze';
      else if (/plan\s+(\d+)\s+dev/i.test(plain)) {
        s.kind = 'scenario';
        s.scenario = { id: slug(plain.replace(/^\d+\)\s*/, '').replace(/\(.*\)/, '')), title: plain.replace(/^\d+\)\s*/, ''), assign: {} };
      } else if (/\b(done|completed|termin[ée]s?|achev[ée]s?)\b/i.test(plain) && !/\b(remaining|restant)/i.test(plain)) s.kind = 'done-list';
      const inherit = s.parent !== root ? s.parent : undefined;
      s.plan = !isAside(plain) && (readsAsPlan(plain) || Boolean(inherit?.plan));
      s.done = saysDone(raw) || Boolean(inherit?.done);
      const hm = s.kind ? undefined : headingMilestone(s.title, year);
      if (hm && !(idMode && !hm.deadline)) {
        s.milestone = { id: uniqueMilestone(hm.id), title: hm.title, kind: hm.kind, ...(hm.deadline ? { deadline: hm.deadline } : {}) };
        // A changelog's dated versions are released: their entries are done.
        if (changelog && hm.deadline && !/unreleased/i.test(plain)) s.done = true;
      }
      sections.push(s);
      stack.push(s);
      continue;
    }

    const t = l.text.trim();
    if (t.startsWith('|')) {
      table.push(l);
      continue;
    }
    if (listLine(l)) continue;
    if (!t) continue;

    const chk = CHECK.exec(l.text);
    if (chk) {
      const { title, status } = cleanTitle(chk[3]);
      const issue = issueById.get(chk[2]) ?? newIssue(chk[2], title, section());
      issue.status = chk[1] !== ' ' ? 'done' : status ?? issue.status;
      if (/\(epic\)/i.test(title) && issue.group) {
        const g = groups.find((x) => x.id === issue.group);
        if (g && !g.epic) g.epic = issue.id;
      }
      continue;
    }
    const plainChk = CHECK_PLAIN.exec(l.text);
    if (plainChk && issueCtx) {
      issueCtx.issue.subtasks.push({ title: plainChk[2].trim(), done: plainChk[1] !== ' ' });
      continue;
    }

    const item = ID_ITEM.exec(l.text);
    if (item) {
      const { title, status } = cleanTitle(stripEmoji(item[2].replace(/\*\*/g, '')));
      const known = issueById.get(item[1]);
      const sprint = within((s) => s.kind === 'sprint')?.sprint;
      const doneList = within((s) => s.kind === 'done-list');
      if (known) {
        if (sprint) {
          known.sprint = sprint.name;
          if (/critical|chemin critique/i.test(section().title)) sprint.critical.push(known.id);
        } else if (status === 'done' || doneList) {
          if (known.status !== 'done') keep(l); // the document disagrees with itself: keep its words
        } else keep(l);
        continue;
      }
      const issue = newIssue(item[1], title, sprint ? section().parent ?? section() : section());
      if (status) issue.status = status;
      else if (doneList) issue.status = 'done';
      if (sprint) {
        issue.sprint = sprint.name;
        if (/critical/i.test(section().title)) sprint.critical.push(issue.id);
      }
      continue;
    }

    const plainDate = /^(?:date|as of|mis à jour|updated)\s*:\s*(.+)$/i.exec(t);
    if (plainDate && !issueCtx && !plan.as_of && findDate(plainDate[1])) {
      plan.as_of = findDate(plainDate[1]);
      continue;
    }
    const fields = parseFields(t);
    if (fields) {
      const rest = fields.filter((f) => !applyField(f.key, f.value, l));
      if (rest.length) keep(l);
      continue;
    }

    // Sprint and freeze date lines: `**Oct 27 – Nov 7, 2025** | 2 weeks`.
    const range = findDateRange(t.replace(/\*\*/g, ''));
    const sprintSec = within((s) => s.kind === 'sprint');
    if (range && sprintSec?.sprint && !sprintSec.sprint.start && section() === sprintSec) {
      Object.assign(sprintSec.sprint, { start: range.from, end: range.to });
      continue;
    }
    const freezeSec = section().kind === 'freeze' ? section() : undefined;
    if (range && freezeSec) {
      freezes.push({ name: stripEmoji(freezeSec.title), ...range });
      continue;
    }
    if (sprintSec?.sprint && /parallel/i.test(section().title) && BULLET.test(l.text)) {
      sprintSec.sprint.parallel.push(BULLET.exec(l.text)![2].trim());
      continue;
    }

    // Story-numbered plans: `Story 1.1 (baseline hardening) ...`, `Apres 1.1:`, `Chemin critique:`.
    const named = /\bStory\s+(\d+(?:\.\d+)+)\s*\(([^)]+)\)/i.exec(t);
    if (named) {
      const s = story(named[1]);
      if (s.title === `Story ${named[1]}`) s.title = named[2].trim();
      keep(l);
      continue;
    }
    const after = /^(?:apr[eè]s|after|once)\s+(.+?):\s*$/i.exec(t);
    if (after && idsIn(after[1], STORY).length) {
      list = { kind: 'after', prereqs: idsIn(after[1], STORY) };
      idsIn(after[1], STORY).forEach(story);
      continue;
    }
    if (/^(chemin critique|critical path)\s*:?\s*$/i.test(t)) {
      list = { kind: 'critical-path' };
      continue;
    }
    const chain = /^(?:chemin critique|critical path)\s*:\s*(.+)$/i.exec(t) ?? (/^`[^`]*(->|→)[^`]*`$/.test(t) ? [t, t] : null);
    if (chain && idsIn(chain[1], STORY).length > 1 && /->|→/.test(chain[1])) {
      setCriticalPath(idsIn(chain[1], STORY));
      continue;
    }
    const scen = within((s) => s.kind === 'scenario');
    const dev = /^(Dev\s+[A-Z])\b[^:]*:\s*$/.exec(t);
    if (scen && dev) {
      const lane = slug(dev[1]);
      if (!lanes.has(lane)) lanes.set(lane, { id: lane, name: dev[1] });
      list = { kind: 'dev', lane, scenario: scen };
      continue;
    }
    const cp = /^(Checkpoint|Jalon)\s+(\w+)\s*:\s*$/i.exec(t);
    if (cp) {
      const m = { id: slug(`${cp[1]} ${cp[2]}`), title: `${cp[1]} ${cp[2]}`, requires: [] as string[], note: [] as string[] };
      checkpoints.push(m);
      list = { kind: 'checkpoint', milestone: m };
      continue;
    }

    if (issueCtx) {
      if (!isStructural(t)) issueCtx.issue.notes.push(t);
      continue;
    }
    if (l.html) {
      keep(l);
      continue;
    }
    // A wrapped line of a list item that became an issue belongs to it.
    if (l.cont && lastItem) continue;
    const due = deadlineBullet(l.item ? l.item.text : l.cont ? '' : t, year);
    if (due && section() !== root) {
      section().milestone ??= milestoneFor(section());
      section().milestone!.deadline = due;
      continue;
    }
    const s = section();
    const li = l.item;
    if (li && lastItem && li.depth > lastItem.depth && li.checked === null) {
      // A plain bullet under an li: a step of it.
      lastItem.issue.subtasks.push({ title: li.text, done: lastItem.issue.status === 'done' });
      continue;
    }
    const planHere = intro ? intro.plan : s === root ? root.plan : s.plan;
    if (li && (li.checked !== null || (!idMode && planHere))) {
      const made = itemIssue(li, Boolean(s.done));
      const issue = newIssue(made.id && !issueById.has(made.id) ? made.id : nextId(), made.title, s);
      if (made.status) issue.status = made.status;
      if (made.estimate) issue.estimate = made.estimate;
      if (made.owners.length) issue.lane = laneFor(made.owners[0]);
      if (made.owners.length > 1) issue.notes.push(`Owners: ${made.owners.join(', ')}`);
      issue.labels.push(...made.labels);
      if (made.link) issue.link = made.link;
      if (li.more.length) issue.notes.push(li.more.join(' '));
      lastItem = { issue, depth: li.depth };
      continue;
    }
    if (li) lastItem = null;
    // "Features required before the 0.2 release:" says what the list after it holds.
    if (!li && !l.cont && /:\s*$/.test(t)) intro = { plan: readsAsPlan(t) && !isAside(t) };
    if (section() !== root && !section().hasIssues && BULLET.test(l.text)) {
      section().held.push({ line: l.line, text: t });
      continue;
    }
    keep(l);
  }
  flushTable();

  // Sections with an estimate but no issues of their own are work items: `Infrastructure K3s (~15 jours)`.
  // Innermost first, so a phase whose sub-sections become issues stays a group.
  for (const s of [...sections].reverse()) {
    if (s.hasIssues || !s.estimate || s.kind) {
      for (const h of s.held) keep(h);
      continue;
    }
    let id = slug(stripEmoji(s.title));
    while (issueById.has(id) || groupIds.has(id)) id += '-x';
    const issue = newIssue(id, stripEmoji(s.title), s.parent ?? root);
    issue.estimate = s.estimate;
    for (const h of s.held) {
      if (h.as === 'subtask') issue.subtasks.push({ title: h.text, done: false });
      else if (h.as === 'deliverable') issue.deliverables.push(h.text);
      else issue.notes.push(h.text);
    }
    if (s.note.length) issue.notes.unshift(...s.note);
  }

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
      keep(r);
      continue;
    }
    const g = target.group!;
    if (r.estimate) g.estimate = r.estimate;
    if (r.epic && issueById.has(r.epic)) g.epic = r.epic;
    if (r.section?.milestone && !g.milestone) g.milestone = r.section.milestone.id;
  }

  for (const s of sections) {
    if (!s.milestone) continue;
    milestones.push({ ...s.milestone });
    if (!s.group) continue;
    s.group.milestone = s.milestone.id;
  }
  // Headings that only hold other headings (`Détail Issues Q1`) add a level and nothing else.
  const direct = new Set(issues.map((i) => i.group));
  for (const s of sections) {
    const g = s.group;
    if (!g || direct.has(g.id) || g.milestone || g.estimate || g.epic || g.note || g.status) continue;
    for (const c of groups) if (c.parent === g.id) c.parent = g.parent;
    groups.splice(groups.indexOf(g), 1);
    s.group = undefined;
    keep({ line: s.line, text: s.title });
  }
  for (const c of checkpoints) {
    const requires = c.requires.filter((id) => issueById.has(id));
    milestones.push({ id: uniqueMilestone(c.id), title: c.title, kind: 'checkpoint', ...(requires.length ? { requires } : {}), ...(c.note.length ? { note: c.note.join('\n') } : {}) });
  }

  // A single stated capacity means a solo plan: everyone's work is that lane's.
  if (lanes.size === 1 && lanes.has('me')) for (const i of issues) (i as IssueDraft & { lane?: string }).lane = 'me';

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
  breakCycles(issues, issueById, (line) => unplaced.push({ line: 0, text: line }));

  // Story-numbered plans (`1.1`, `2.4`) read best in story order.
  if (issues.length && issues.every((i) => /^\d+(\.\d+)+$/.test(i.id))) {
    const key = (id: string) => id.split('.').map(Number);
    issues.sort((a, b) => {
      const [x, y] = [key(a.id), key(b.id)];
      for (let k = 0; k < Math.max(x.length, y.length); k++) if ((x[k] ?? -1) !== (y[k] ?? -1)) return (x[k] ?? -1) - (y[k] ?? -1);
      return 0;
    });
  }

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
  if (criticalPath) calendar.critical_path = criticalPath;

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
  return { data, unplaced };
}

/**
 * A document can contradict itself (`A -> B -> A`): a plan cannot. The edge that closes a cycle
 * is dropped and reported, so the plan still schedules and the words are not lost.
 */
function breakCycles(issues: IssueDraft[], byId: Map<string, IssueDraft>, report: (text: string) => void): void {
  const state = new Map<string, 1 | 2>(); // 1 on the path, 2 finished
  for (const root of issues) {
    if (state.has(root.id)) continue;
    const stack: { issue: IssueDraft; k: number }[] = [{ issue: root, k: 0 }];
    state.set(root.id, 1);
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (top.k >= top.issue.depends_on.length) {
        state.set(top.issue.id, 2);
        stack.pop();
        continue;
      }
      const dep = top.issue.depends_on[top.k];
      if (state.get(dep) === 1) {
        top.issue.depends_on.splice(top.k, 1);
        top.issue.notes.push(`Depends on ${dep} (dropped: it would close a dependency cycle)`);
        report(`dependency ${top.issue.id} → ${dep} dropped: it would close a cycle`);
        continue;
      }
      top.k++;
      if (!state.has(dep)) {
        state.set(dep, 1);
        stack.push({ issue: byId.get(dep)!, k: 0 });
      }
    }
  }
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
