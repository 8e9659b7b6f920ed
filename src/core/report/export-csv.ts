// `planboard export --format csv`: one row per issue for spreadsheets, RFC 4180 (CRLF, quotes
// doubled, fields with a comma, quote or line break quoted).
import type { Model } from '../plan/model.js';
import type { Schedule } from '../schedule/types.js';

const COLUMNS = [
  'id', 'title', 'status', 'group', 'milestone', 'lane', 'priority', 'track', 'labels', 'sprint',
  'estimate', 'estimate_hours', 'remaining_hours', 'logged_hours', 'unestimated',
  'start', 'end', 'slack_days', 'critical', 'depends_on', 'blocked_by', 'started', 'done_on',
] as const;

export function csvField(value: unknown): string {
  if (value === undefined || value === null) return '';
  const s = typeof value === 'number' ? String(Math.round(value * 100) / 100) : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function exportCsv(model: Model, schedule: Schedule): string {
  const rows = [COLUMNS.join(',')];
  for (const issue of model.issues) {
    const s = schedule.byId.get(issue.id);
    const row: Record<(typeof COLUMNS)[number], unknown> = {
      id: issue.id,
      title: issue.title,
      status: issue.status,
      group: issue.group,
      milestone: issue.milestone,
      lane: s?.lane ?? issue.lane,
      priority: issue.priority,
      track: issue.track,
      labels: issue.labels.join(';'),
      sprint: issue.sprint,
      estimate: issue.data.estimate,
      estimate_hours: issue.estimate?.expected,
      remaining_hours: s?.remainingHours,
      logged_hours: issue.loggedHours || undefined,
      unestimated: s?.unestimated ? 'yes' : '',
      start: s?.start,
      end: s?.end,
      slack_days: s?.slackDays,
      critical: s?.critical ? 'yes' : '',
      depends_on: issue.deps.map((d) => d.id).join(';'),
      blocked_by: s?.blockedBy.join(';'),
      started: issue.started,
      done_on: issue.doneOn,
    };
    rows.push(COLUMNS.map((c) => csvField(row[c])).join(','));
  }
  return rows.join('\r\n') + '\r\n';
}
