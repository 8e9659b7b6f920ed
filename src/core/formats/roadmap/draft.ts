// What the roadmap reader knows while it reads: the plan taking shape (issues, groups,
// milestones, sprints, lanes), where it is (the heading stack, the issue heading it is under,
// the list it is in) and what it could not place. The rules in rules/ read lines into it.
import type { SourceLine } from './lines.js';
import type { Unplaced } from '../types.js';
import { slug, stripEmoji } from './prose.js';
import { idMaker } from './rules/ids.js';
import { yearOf } from './rules/items.js';

export const ID = String.raw`(?:#\d+|[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)`;
export const STORY = String.raw`(?:#\d+|\d+(?:\.\d+)+|[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)`;
export const DURATION_TAIL = /\s*(?:⏱️?|~)?\s*(~?\d+(?:[.,]\d+)?(?:\s*[-–]\s*\d+(?:[.,]\d+)?)?\s*(?:jours?|days?|semaines?|weeks?|sem\.?|j|d|w|h))\s*$/i;
export const CHECK = new RegExp(String.raw`^\s*[-*+]\s+\[([ xX])\]\s+(${ID})\s*:\s*(.+)$`);
export const CHECK_PLAIN = /^\s*[-*+]\s+\[([ xX])\]\s+(.+)$/;
export const ID_ITEM = new RegExp(String.raw`^\s*(?:[-*+]|\d+[.)])\s+(?:\*\*|\x60)?(${ID})(?:\*\*|\x60)?\s*(?:[:—–]|\s-)\s*(.+)$`);
export const ISSUE_HEADING = new RegExp(String.raw`^(${ID})\s*[:—–-]\s*(.+)$`);
export const BULLET = /^(\s*)(?:[-*+]|\d+[.)])\s+(.*)$/;

export interface Section {
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

export interface GroupDraft {
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

export interface SprintDraft {
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

export type ListMode =
  | { kind: 'subtasks' | 'deliverables' | 'issue-notes'; issue?: IssueDraft; section: Section }
  | { kind: 'after'; prereqs: string[] }
  | { kind: 'critical-path' }
  | { kind: 'dev'; lane: string; scenario: Section }
  | { kind: 'checkpoint'; milestone: { id: string; requires: string[]; note: string[] } };

export const norm = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export const idsIn = (text: string, re = ID) => [...text.matchAll(new RegExp(re, 'g'))].map((m) => m[0]);

/** Trailing markers people put on titles: `✅`, `(Todo)`, `(In Progress)`. */
export function cleanTitle(raw: string): { title: string; status?: string } {
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

/**
 * A table's separator row (`|---|:--|`): only bars, dashes, colons and spaces, with a bar after
 * the first character. Said as one regex, /^\|?[\s:|-]+\|[\s:|-]*$/, it backtracked
 * quadratically on a long row of bars.
 */
export const isTableSeparator = (t: string) => /^[\s:|-]*$/.test(t) && t.indexOf('|', 1) > 0;

export const isStructural = (text: string) => {
  const t = text.trim();
  if (!t) return true;
  if (/^([-*_=~^])\1{2,}$/.test(t)) return true; // rules and leftover adornments
  if (isTableSeparator(t)) return true;
  return t.replace(/<[^<>]*>/g, '').trim() === ''; // bare HTML tags
};

type Milestone = { id: string; title?: string; kind?: string; deadline?: string; ref?: string };

export class Draft {
  readonly unplaced: Unplaced[] = [];
  readonly issues: IssueDraft[] = [];
  readonly issueById = new Map<string, IssueDraft>();
  readonly groups: GroupDraft[] = [];
  readonly groupIds = new Set<string>();
  readonly sections: Section[] = [];
  readonly milestones: Record<string, unknown>[] = [];
  readonly sprints: SprintDraft[] = [];
  readonly freezes: { name?: string; from: string; to: string }[] = [];
  readonly lanes = new Map<string, { id: string; name?: string; capacity?: string; note?: string }>();
  readonly checkpoints: { id: string; title: string; requires: string[]; note: string[] }[] = [];
  readonly phaseRows: { section?: Section; phase: string; estimate?: string; epic?: string; line: number; text: string }[] = [];
  criticalPath: string[] | undefined;
  readonly plan: { title?: string; version?: string; as_of?: string; target?: string } = {};
  readonly milestoneIds = new Set<string>();
  /** Due dates from tables, each one checkpoint milestone. */
  readonly dueMilestones = new Map<string, string>();
  readonly root: Section = { title: '', level: 0, line: 0, note: [], hasIssues: false, held: [] };
  /** A plan that names its issues by id uses those; its plain bullets are then descriptions. */
  readonly idMode: boolean;
  /** The year the document is about, for dates written without one. */
  readonly year: number | undefined;
  /** A changelog: its dated versions are released. */
  readonly changelog: boolean;
  readonly nextId: () => string;
  /** The last list item that became an issue, for its wrapped lines and nested bullets. */
  lastItem: { issue: IssueDraft; depth: number } | null = null;
  /** What the paragraph introducing the current list says it holds. */
  intro: { plan: boolean } | null = null;
  stack: Section[] = [this.root];
  /** The issue heading the reader is under. */
  issueCtx: { issue: IssueDraft; level: number } | null = null;
  list: ListMode | null = null;
  /** Table rows held until the table ends. */
  table: SourceLine[] = [];

  constructor(lines: SourceLine[], readonly text: string, idPrefix?: string) {
    this.idMode = lines.some((l) => (l.kind === 'heading' ? ISSUE_HEADING.test(l.text.trim()) : CHECK.test(l.text) || ID_ITEM.test(l.text)));
    this.year = yearOf(text);
    this.changelog = lines.some((l) => l.kind === 'heading' && l.level === 1 && /change ?log|release notes|history|news/i.test(l.text));
    this.nextId = idMaker(text, (id) => this.issueById.has(id) || this.groupIds.has(id), idPrefix);
  }

  /** Kept as a note, with its line, unless it is only structure (a rule, a separator, a bare tag). */
  keep(l: { line: number; text: string }): void {
    if (!isStructural(l.text)) this.unplaced.push({ line: l.line, text: l.text.trim() });
  }

  section(): Section {
    return this.stack[this.stack.length - 1];
  }

  /** The innermost section around the reader that matches. */
  within(pred: (s: Section) => boolean): Section | undefined {
    for (let s: Section | undefined = this.section(); s; s = s.parent) if (pred(s)) return s;
    return undefined;
  }

  uniqueMilestone(id: string): string {
    let out = id;
    for (let n = 2; this.milestoneIds.has(out); n++) out = `${id}-${n}`;
    this.milestoneIds.add(out);
    return out;
  }

  uniqueGroupId(base: string): string {
    let id = base;
    for (let n = 2; this.groupIds.has(id) || this.issueById.has(id); n++) id = `${base}-${n}`;
    this.groupIds.add(id);
    return id;
  }

  /** The section's group, made (with its parents) the first time an issue lands in it. */
  ensureGroup(s: Section): GroupDraft | undefined {
    if (s === this.root) return undefined;
    if (s.group) return s.group;
    const parent = s.parent ? this.ensureGroup(s.parent) : undefined;
    const marker = /\s*\(?\s*(en cours|in progress|done|termin[ée]e?)\s*\)?\s*$/i.exec(stripEmoji(s.title));
    const title = marker ? stripEmoji(s.title).slice(0, marker.index).trim() : stripEmoji(s.title);
    const kind = /^phase\b/i.test(title) ? 'phase' : /^Q[1-4]\b/.test(title) ? 'quarter' : 'section';
    const g: GroupDraft = { id: this.uniqueGroupId(slug(title)), title, kind, parent: parent?.id };
    if (s.estimate) g.estimate = s.estimate;
    if (s.milestone) g.milestone = s.milestone.id;
    if (s.note.length) g.note = s.note.join('\n');
    if (marker) g.status = /cours|progress/i.test(marker[1]) ? 'in-progress' : 'done';
    s.group = g;
    this.groups.push(g);
    return g;
  }

  newIssue(id: string, title: string, s: Section): IssueDraft {
    const issue: IssueDraft = { id, title, labels: [], depends_on: [], blocks: [], external: [], subtasks: [], deliverables: [], notes: [] };
    const g = this.ensureGroup(s);
    if (g) issue.group = g.id;
    for (let p: Section | undefined = s; p; p = p.parent) p.hasIssues = true;
    this.issues.push(issue);
    this.issueById.set(id, issue);
    return issue;
  }

  /** Ids named only in dependency lines (`Apres 1.1:`) still become issues. */
  story(id: string): IssueDraft {
    return this.issueById.get(id) ?? this.newIssue(id, `Story ${id}`, this.root);
  }

  /** A person named in the document (`@alice`, `Owner: Sarah Chen`) → their lane. */
  laneFor(who: string): string {
    const id = slug(who.replace(/^@/, ''));
    if (!this.lanes.has(id)) this.lanes.set(id, { id, name: who.replace(/^@/, '') });
    return id;
  }

  /** The milestone a section stands for when the document gives it a deadline. */
  milestoneFor(s: Section): Milestone {
    const t = stripEmoji(s.title);
    const q = /^(Q[1-4])\b/.exec(t);
    const [head, ...rest] = t.split(/\s+[-–—]\s+/);
    const id = q ? q[1] : slug(head);
    return { id: this.uniqueMilestone(id), title: rest.length ? rest.join(' - ') : t, kind: q ? 'quarter' : 'release' };
  }

  /** The document names this chain as the order work must follow. */
  setCriticalPath(ids: string[]): void {
    this.criticalPath = ids;
    ids.forEach((id) => this.story(id));
    for (let k = 1; k < ids.length; k++) if (!this.story(ids[k]).depends_on.includes(ids[k - 1])) this.story(ids[k]).depends_on.push(ids[k - 1]);
  }
}
