// Jira's CSV export (Filters → Export → CSV): one row per issue, a header repeated once per
// value for Labels, Sprint and issue links. Parent becomes a group, Blocks links dependencies.
import { columns, parseCsv } from './csv.js';
import { isoDay, TrackerPlan, trackerStatus } from './tracker-plan.js';
import { ImportError, type Importer, type Source } from './types.js';
import { findDate, isoDate } from './roadmap/prose.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Jira writes `12/Mar/24 12:00 AM` by default, or ISO where the site is set so. */
export function jiraDate(text: string | undefined): string | undefined {
  const t = text?.trim();
  if (!t) return undefined;
  const m = /^(\d{1,2})\/([A-Za-z]{3})\/(\d{2,4})/.exec(t);
  if (m && MONTHS.includes(m[2].toLowerCase())) {
    const y = m[3].length === 2 ? 2000 + +m[3] : +m[3];
    return isoDate(y, MONTHS.indexOf(m[2].toLowerCase()) + 1, +m[1]);
  }
  return isoDay(t) ?? findDate(t);
}

const header = (s: Source) => (s.text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '').toLowerCase();

export const jiraCsv: Importer = {
  name: 'jira-csv',
  description: "Jira's CSV export: summary, status, assignee, estimate or story points, sprint, due date, parent as group, Blocks links as dependencies",
  patterns: ['*.csv'],
  detect: (s) => (!s.files && /(^|,)"?issue key"?(,|$)/.test(header(s)) && /(^|,)"?summary"?(,|$)/.test(header(s)) ? 10 : 0),
  read(source) {
    const [head, ...rows] = parseCsv(source.text, source.name);
    if (!head) throw new ImportError(`${source.name}: the CSV file has no header row`);
    const col = columns(head.fields);
    const one = (r: string[], name: string) => col(name).map((i) => r[i]?.trim() ?? '').find(Boolean);
    const all = (r: string[], name: string) => col(name).map((i) => r[i]?.trim() ?? '').filter(Boolean);
    for (const need of ['issue key', 'summary']) if (!col(need).length) throw new ImportError(`${source.name}:1:1: no "${need}" column`);
    const plan = new TrackerPlan(`Imported from ${source.name}`);
    // Parent is the parent's numeric Issue id in current exports, its key in older ones.
    const keyOfId = new Map(rows.map((r) => [one(r.fields, 'issue id'), one(r.fields, 'issue key')]));
    const parents = new Set(rows.map((r) => one(r.fields, 'parent') ?? one(r.fields, 'parent id')).filter(Boolean));
    const blocks: [string, string][] = [];
    for (const { line, fields: r } of rows) {
      const key = one(r, 'issue key');
      const title = one(r, 'summary');
      if (!key || !title) throw new ImportError(`${source.name}:${line}:1: a row without an issue key or summary`);
      const labels = [...all(r, 'labels'), ...all(r, 'label')].map((l) => l.replace(/\s+/g, '-'));
      const issueType = one(r, 'issue type');
      // An epic that other rows name as their parent is their group, not work of its own.
      if (/^epic$/i.test(issueType ?? '') && (parents.has(one(r, 'issue id')) || parents.has(key))) {
        plan.group(`parent-${key}`, title);
        continue;
      }
      const parentRef = one(r, 'parent') ?? one(r, 'parent id');
      const parentKey = parentRef ? keyOfId.get(parentRef) ?? parentRef : undefined;
      const group = parentKey ? plan.group(`parent-${parentKey}`, one(r, 'parent summary') ?? parentKey) : undefined;
      const seconds = Number(one(r, 'original estimate'));
      const points = one(r, 'custom field (story points)') ?? one(r, 'custom field (story point estimate)');
      if (points) labels.push(`points:${points}`);
      if (issueType) labels.push(`type:${issueType.toLowerCase().replace(/\s+/g, '-')}`);
      const sprints = all(r, 'sprint');
      const status = trackerStatus(one(r, 'status'), labels);
      const priority = one(r, 'priority')?.toLowerCase();
      for (const b of all(r, 'outward issue link (blocks)')) blocks.push([key, b]);
      for (const b of all(r, 'inward issue link (blocks)')) blocks.push([b, key]);
      plan.add({
        id: key,
        title,
        status,
        lane: plan.lane(one(r, 'assignee')),
        group,
        milestone: plan.due(jiraDate(one(r, 'due date'))),
        estimate: seconds > 0 ? `${+(seconds / 3600).toFixed(2)}h` : undefined,
        priority: priority && ['critical', 'high', 'medium', 'low'].includes(priority) ? priority : priority === 'highest' ? 'critical' : priority === 'lowest' ? 'low' : undefined,
        labels,
        sprint: sprints[sprints.length - 1],
        notes: one(r, 'description'),
        done_on: status === 'done' ? jiraDate(one(r, 'resolved')) : undefined,
      }, `${source.name}:${line}:1`);
    }
    const byId = new Map(plan.issues.map((i) => [i.id, i]));
    for (const [blocker, blocked] of blocks) {
      const i = byId.get(blocked);
      if (i) (i.depends_on ??= []).push(blocker);
    }
    return { data: plan.data(), unplaced: [], origin: `the Jira CSV export ${source.name}` };
  },
};
