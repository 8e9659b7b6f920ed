// The plan a tracker export becomes: issues with their lanes, groups and milestones, built
// once here so each tracker module only says how its own fields map.
import { isoDate, slug } from './roadmap/prose.js';
import { statusOf } from './roadmap/rules/status.js';
import { breakCycles } from './dependency-cycles.js';
import { ImportError } from './types.js';

export interface TrackerIssue {
  id: string;
  title: string;
  status?: string;
  lane?: string;
  group?: string;
  milestone?: string;
  estimate?: string;
  priority?: string;
  labels?: string[];
  sprint?: string;
  depends_on?: string[];
  subtasks?: (string | { title: string; done: boolean })[];
  notes?: string;
  link?: string;
  started?: string;
  done_on?: string;
}

export class TrackerPlan {
  readonly issues: TrackerIssue[] = [];
  private lanes = new Map<string, { id: string; name: string }>();
  private milestones = new Map<string, { id: string; title: string; kind?: string; deadline?: string }>();
  private groups = new Map<string, { id: string; title: string; parent?: string }>();
  private notes: string[] = [];
  private ids = new Set<string>();

  constructor(private title: string) {}

  /** A person (login, display name, `@handle`) → their lane id. */
  lane(who: string | undefined, displayName?: string): string | undefined {
    const name = who?.trim().replace(/^@/, '');
    if (!name) return undefined;
    const id = slug(name);
    if (!this.lanes.has(id)) this.lanes.set(id, { id, name: displayName?.trim() || name });
    return id;
  }

  milestone(title: string, deadline?: string, kind?: string): string {
    const id = slug(title);
    const m = this.milestones.get(id) ?? { id, title, ...(kind ? { kind } : {}) };
    if (deadline) m.deadline = deadline;
    this.milestones.set(id, m);
    return id;
  }

  /** A due date becomes a checkpoint milestone, shared by every issue due that day. */
  due(date: string | undefined): string | undefined {
    return date ? this.milestone(`Due ${date}`, date, 'checkpoint') : undefined;
  }

  group(id: string, title: string, parent?: string): string {
    if (!this.groups.has(id)) this.groups.set(id, { id, title, ...(parent ? { parent } : {}) });
    return id;
  }

  note(text: string): void {
    this.notes.push(text);
  }

  /** `where` (`file:line:col`) names the record, for the message when its id is taken. */
  add(issue: TrackerIssue, where: string): TrackerIssue {
    if (this.ids.has(issue.id)) throw new ImportError(`${where}: ${issue.id} appears twice`);
    this.ids.add(issue.id);
    this.issues.push(issue);
    return issue;
  }

  /** Dependencies on ids the export does not hold stay readable in the issue's notes. */
  data(): Record<string, unknown> {
    const ids = this.ids;
    const said = new Map<string, string[]>();
    const work = this.issues.map((i) => {
      const missing = (i.depends_on ?? []).filter((d) => !ids.has(d));
      const extra = missing.length ? [`Depends on issues not in the export: ${missing.join(', ')}`] : [];
      said.set(i.id, extra);
      return { ...i, depends_on: [...new Set((i.depends_on ?? []).filter((d) => ids.has(d) && d !== i.id))] };
    });
    breakCycles(work, (i, dep) => said.get(i.id)!.push(`Depends on ${dep} (dropped: it would close a dependency cycle)`));
    const issues = work.map((i) => {
      const notes = [i.notes?.replace(/\r\n?/g, '\n'), ...said.get(i.id)!].filter(Boolean).join('\n\n');
      return clean({ ...i, notes: notes || undefined, labels: i.labels?.length ? [...new Set(i.labels)] : undefined });
    });
    return clean({
      planboard: 1,
      title: this.title,
      lanes: [...this.lanes.values()],
      milestones: [...this.milestones.values()],
      groups: [...this.groups.values()],
      issues,
      notes: this.notes.length ? this.notes.join('\n') : undefined,
    });
  }
}

/** A tracker's status name → the plan's status; what is not a known word stays a label. */
export function trackerStatus(name: string | undefined, labels: string[]): string | undefined {
  if (!name?.trim()) return undefined;
  if (/^(cancell?ed|won'?t do|won'?t fix|duplicate|rejected)$/i.test(name.trim())) {
    labels.push(slug(name));
    return 'done';
  }
  const s = statusOf(name);
  if (s?.blocked) labels.push('blocked');
  if (!s) labels.push(`status:${slug(name)}`);
  return s?.status;
}

/** The calendar date an ISO instant or date names, as written (no time-zone shift); none for `2026-02-30`. */
export function isoDay(text: string | undefined | null): string | undefined {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(text?.trim() ?? '');
  return m ? isoDate(+m[1], +m[2], +m[3]) : undefined;
}

export function clean<T extends Record<string, unknown>>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out as T;
}
