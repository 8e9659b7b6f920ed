// Tables as the plan reads them: phase estimates, sprint gates, or rows of work items.
import { findDuration } from '../prose.js';
import { ID, isStructural, norm, type Draft } from '../draft.js';
import { tableIssues } from './table.js';

/** A table ends: phase tables and sprint gate tables feed their sections; a table of work items gives issues (table.ts). */
export function flushTable(d: Draft): void {
  if (!d.table.length) return;
  const rows = d.table.filter((l) => !isStructural(l.text)).map((l) => ({ l, cells: l.text.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim()) }));
  d.table = [];
  if (!rows.length) return;
  const header = rows[0].cells.map((c) => norm(c));
  const col = (re: RegExp) => header.findIndex((h) => re.test(h));
  const phaseCol = col(/^phase$/);
  const estCol = col(/^est\b|estimat/);
  const sprintCol = col(/^sprint$/);
  const criteriaCol = col(/criteria|criteres/);
  if (phaseCol >= 0 && estCol >= 0) {
    d.keep(rows[0].l);
    const ms = d.within((s) => Boolean(s.milestone));
    const issuesCol = col(/^issues?$/);
    for (const r of rows.slice(1)) {
      const phase = r.cells[phaseCol].replace(/[*~]/g, '').trim();
      if (!/^[\d.]+$/.test(phase)) {
        d.keep(r.l);
        continue;
      }
      const est = findDuration(r.cells[estCol].replace(/~/g, ''));
      const epic = issuesCol >= 0 ? new RegExp(`(${ID})\\s*\\(epic\\)`, 'i').exec(r.cells[issuesCol])?.[1] : undefined;
      d.phaseRows.push({ section: ms, phase, estimate: est, epic, line: r.l.line, text: r.l.text });
    }
    return;
  }
  if (sprintCol >= 0 && criteriaCol >= 0) {
    d.keep(rows[0].l);
    for (const r of rows.slice(1)) {
      const name = r.cells[sprintCol].replace(/\*/g, '').trim();
      const sp = d.sprints.find((s) => s.name === name);
      if (!sp) d.keep(r.l);
      else sp.gate.push(...r.cells[criteriaCol].split(/<br\s*\/?>/i).map((c) => c.replace(/^\s*✓\s*/, '').trim()).filter(Boolean));
    }
    return;
  }
  const placed = tableIssues(rows.map((r) => ({ line: r.l.line, cells: r.cells })), { year: d.year, done: Boolean(d.section().done) });
  if (!placed) {
    for (const r of rows) d.keep(r.l);
    return;
  }
  for (const row of placed) {
    const issue = d.newIssue(row.id && !d.issueById.has(row.id) ? row.id : d.nextId(), row.title, d.section());
    if (row.status) issue.status = row.status;
    if (row.estimate) issue.estimate = row.estimate;
    if (row.owner) issue.lane = d.laneFor(row.owner);
    issue.labels.push(...row.labels);
    if (row.link) issue.link = row.link;
    if (row.notes.length) issue.notes.push(...row.notes);
    if (row.due) {
      if (!d.dueMilestones.has(row.due)) {
        const id = d.uniqueMilestone(`due-${row.due}`);
        d.dueMilestones.set(row.due, id);
        d.milestones.push({ id, title: `Due ${row.due}`, kind: 'checkpoint', deadline: row.due });
      }
      issue.milestone = d.dueMilestones.get(row.due);
    }
  }
}
