// `planboard export --format csv`: one row per issue for spreadsheets, RFC 4180: every line
// break is CRLF, after each record and inside quoted cells alike; quotes doubled; a cell with a
// comma, quote or line break quoted. Plan text is made inert (sanitizeBlock) and any text cell a
// spreadsheet would evaluate as a formula (first non-blank character = + - @, or a leading TAB
// or CR) gets a leading single quote and is quoted, as OWASP recommends against CSV injection.
// Numbers we computed (slack, hours) are written as numbers, never prefixed.
import type { Model } from '../plan/model.js';
import type { Exporter } from './types.js';
import type { Schedule } from '../schedule/types.js';
import { sanitizeBlock } from '../text/sanitize.js';

const COLUMNS = [
  'id', 'title', 'status', 'group', 'milestone', 'lane', 'priority', 'track', 'labels', 'sprint',
  'estimate', 'estimate_hours', 'remaining_hours', 'logged_hours', 'unestimated',
  'start', 'end', 'slack_days', 'critical', 'depends_on', 'blocked_by', 'started', 'done_on',
] as const;

/** A text cell a spreadsheet would run: `=`, `+`, `-` or `@` after optional blanks, or a TAB/CR first. */
const FORMULA = /^(?:[\t\r]|[\s\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20])/;

export function csvField(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return String(Math.round(value * 100) / 100);
  const raw = String(value);
  // Checked on the raw text too: a TAB or CR that sanitizing turns into a blank still marks it.
  const formula = FORMULA.test(raw);
  const s = sanitizeBlock(raw).replace(/\n/g, '\r\n');
  if (formula) return `"'${s.replace(/"/g, '""')}"`;
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

export const csvExport: Exporter = { name: 'csv', description: 'one row per issue', patterns: ['*.csv'], write: exportCsv };
