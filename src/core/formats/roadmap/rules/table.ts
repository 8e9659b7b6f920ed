// A table whose columns read as work items (a title column and one of status, owner, estimate,
// due) gives one issue per row with those fields; the other columns stay with the issue as notes.
import { findDuration } from '../prose.js';
import { deadlineIn } from './heading.js';
import { ID_RE, inlineFacts } from './inline.js';
import { statusOf } from './status.js';

export interface TableRow {
  line: number;
  cells: string[];
}

export interface RowIssue {
  line: number;
  id?: string;
  title: string;
  status?: string;
  estimate?: string;
  owner?: string;
  due?: string;
  labels: string[];
  link?: string;
  notes: string[];
}

const norm = (s: string) => s.replace(/\*\*|__|`/g, '').trim().toLowerCase();
const COLUMNS = {
  title: /^(title|summary|task|tasks|feature|item|name|story|issue|deliverable|work item|milestone|epic|initiative|goal|what)$/,
  id: /^(id|key|issue key|ticket|#|ref)$/,
  status: /^(status|state|progress|done\??)$/,
  owner: /^(owner|owners|assignee|assigned to|who|lead|dri|responsible)$/,
  estimate: /^(estimate|est\.?|effort|size|duration|story points|points|pts)$/,
  due: /^(due|due date|target|target date|target dates|deadline|date|eta|when|release date)$/,
};

export function tableIssues(rows: TableRow[], ctx: { year?: number; done: boolean }): RowIssue[] | null {
  if (rows.length < 2) return null;
  const header = rows[0].cells.map(norm);
  const col = (re: RegExp) => header.findIndex((h) => re.test(h));
  const at = { title: col(COLUMNS.title), id: col(COLUMNS.id), status: col(COLUMNS.status), owner: col(COLUMNS.owner), estimate: col(COLUMNS.estimate), due: col(COLUMNS.due) };
  if (at.title < 0 || (at.status < 0 && at.owner < 0 && at.estimate < 0 && at.due < 0)) return null;
  const known = new Set(Object.values(at).filter((i) => i >= 0));
  return rows.slice(1).flatMap((r) => {
    const cell = (i: number) => (i >= 0 ? (r.cells[i] ?? '').trim() : '');
    const facts = inlineFacts(cell(at.title));
    if (!facts.title) return [];
    const row: RowIssue = { line: r.line, title: facts.title, labels: [...facts.labels], link: facts.link, notes: [] };
    const id = cell(at.id).replace(/\*\*|`/g, '');
    if (ID_RE.test(id)) row.id = id;
    else if (facts.id) row.id = facts.id;
    const said = statusOf(cell(at.status));
    row.status = said?.status ?? facts.status?.status ?? (ctx.done ? 'done' : undefined);
    if (said?.blocked) row.labels.push('blocked');
    const est = cell(at.estimate);
    if (est) {
      const d = /[a-z]/i.test(est) ? findDuration(est) : undefined;
      if (d) row.estimate = d;
      else if (/^\d+(\.\d+)?$/.test(est)) row.labels.push(`points:${est}`);
      else row.notes.push(`${rows[0].cells[at.estimate].trim()}: ${est}`);
    }
    const owner = cell(at.owner).replace(/^@/, '');
    if (owner && !/^(-|—|tbd|n\/a|none|unassigned|\?)$/i.test(owner)) row.owner = owner;
    const due = cell(at.due);
    if (due) {
      row.due = deadlineIn(due, ctx.year);
      if (!row.due) row.notes.push(`${rows[0].cells[at.due].trim()}: ${due}`);
    }
    header.forEach((_h, i) => {
      if (!known.has(i) && cell(i)) row.notes.push(`${rows[0].cells[i].trim()}: ${cell(i)}`);
    });
    return [row];
  });
}
