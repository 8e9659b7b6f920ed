// Lists opened by a line above: subtasks, deliverables, story dependencies, lanes of a scenario, checkpoints.
import type { SourceLine } from '../lines.js';
import { findDuration } from '../prose.js';
import { BULLET, idsIn, STORY, type Draft } from '../draft.js';

/** A bullet in a list that a line above opened (`**Tâches**:`, `Apres 1.1:`, `Dev A:`, `Checkpoint A:`). */
export function listLine(d: Draft, l: SourceLine): boolean {
  const b = BULLET.exec(l.text);
  if (!d.list) return false;
  if (!b) {
    if (!l.text.trim()) return true; // blank lines do not end a list
    d.list = null;
    return false;
  }
  const body = b[2].trim();
  const nested = b[1].length > 0;
  switch (d.list.kind) {
    case 'subtasks':
    case 'deliverables':
    case 'issue-notes': {
      const issue = d.list.issue;
      if (!issue) {
        d.list.section.held.push({ line: l.line, text: body, as: d.list.kind === 'subtasks' ? 'subtask' : d.list.kind === 'deliverables' ? 'deliverable' : undefined });
        return true;
      }
      if (nested || d.list.kind === 'issue-notes') issue.notes.push(l.text.trimEnd());
      else if (d.list.kind === 'deliverables') issue.deliverables.push(body);
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
      for (const id of ids) for (const p of d.list.prereqs) if (!d.story(id).depends_on.includes(p)) d.story(id).depends_on.push(p);
      return true;
    }
    case 'critical-path': {
      const ids = idsIn(body, STORY);
      if (!/->|→/.test(body) || ids.length < 2) return false;
      d.setCriticalPath(ids);
      return true;
    }
    case 'dev': {
      const ids = idsIn(body, STORY);
      if (!/->|→/.test(body) && ids.length !== 1) return false;
      ids.forEach((id) => d.story(id));
      (d.list.scenario.scenario!.assign[d.list.lane] ??= []).push(...ids);
      return true;
    }
    case 'checkpoint': {
      const ids = idsIn(body, STORY);
      if (ids.length && /\b(done|fait|termin)/i.test(body) && !d.list.milestone.requires.length) d.list.milestone.requires.push(...ids);
      else d.list.milestone.note.push(body);
      return true;
    }
  }
}
