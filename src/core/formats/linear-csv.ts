// Linear's CSV export (Settings → Import/Export → Export CSV): one row per issue. Estimate is
// in points, Cycle is the sprint, "Parent issue" becomes a group, "Blocked by" dependencies.
import { columns, parseCsv } from './csv.js';
import { isoDay as iso, TrackerPlan, trackerStatus } from './tracker-plan.js';
import { findDate } from './roadmap/prose.js';
import { ImportError, type Importer, type Source } from './types.js';

const header = (s: Source) => (s.text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '').toLowerCase().split(',').map((h) => h.replace(/"/g, '').trim());
/** ISO instants in current exports; `Fri Mar 15 2024 …` in some older ones. */
const isoDay = (t: string | undefined) => iso(t) ?? (t ? findDate(t) : undefined);
const PRIORITY: Record<string, string> = { urgent: 'critical', high: 'high', medium: 'medium', low: 'low' };

export const linearCsv: Importer = {
  name: 'linear-csv',
  description: "Linear's CSV export: title, status, assignee, estimate (points), cycle as sprint, due date, parent as group, Blocked by as dependencies",
  patterns: ['*.csv'],
  detect: (s) => {
    if (s.files) return 0;
    const h = header(s);
    return h.includes('id') && h.includes('title') && (h.includes('team') || h.includes('cycle number') || h.includes('parent issue')) ? 10 : 0;
  },
  read(source) {
    const [head, ...rows] = parseCsv(source.text, source.name);
    if (!head) throw new ImportError(`${source.name}: the CSV file has no header row`);
    const col = columns(head.fields);
    const one = (r: string[], name: string) => col(name).map((i) => r[i]?.trim() ?? '').find(Boolean);
    const list = (r: string[], name: string) => (one(r, name) ?? '').split(/\s*,\s*/).filter(Boolean);
    const plan = new TrackerPlan(`Imported from ${source.name}`);
    const titles = new Map(rows.map((r) => [one(r.fields, 'id'), one(r.fields, 'title')]));
    for (const { line, fields: r } of rows) {
      const id = one(r, 'id');
      const title = one(r, 'title');
      if (!id || !title) throw new ImportError(`${source.name}:${line}:1: a row without an ID or a title`);
      const labels = list(r, 'labels').map((l) => l.replace(/\s+/g, '-'));
      const points = one(r, 'estimate');
      if (points) labels.push(`points:${points}`);
      const parent = one(r, 'parent issue');
      const cycle = one(r, 'cycle name') ?? (one(r, 'cycle number') ? `Cycle ${one(r, 'cycle number')}` : undefined);
      const status = trackerStatus(one(r, 'status'), labels);
      const project = one(r, 'project');
      plan.add({
        id,
        title,
        status,
        lane: plan.lane(one(r, 'assignee')),
        group: parent ? plan.group(`parent-${parent}`, titles.get(parent) ?? parent) : project ? plan.group(`project-${project.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`, project) : undefined,
        milestone: plan.due(isoDay(one(r, 'due date'))),
        priority: PRIORITY[(one(r, 'priority') ?? '').toLowerCase()],
        labels,
        sprint: cycle,
        depends_on: list(r, 'blocked by'),
        notes: [one(r, 'description'), ...list(r, 'related to').map((x) => `Related to ${x}`), ...list(r, 'duplicate of').map((x) => `Duplicate of ${x}`)].filter(Boolean).join('\n') || undefined,
        started: isoDay(one(r, 'started')),
        done_on: status === 'done' ? isoDay(one(r, 'completed')) : undefined,
      }, `${source.name}:${line}:1`);
    }
    return { data: plan.data(), unplaced: [], origin: `the Linear CSV export ${source.name}` };
  },
};
