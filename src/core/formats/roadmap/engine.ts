// Reads a roadmap's lines (Markdown through markdown-lines.ts, reStructuredText through
// lines.ts) into plan data: each line goes to the first rule that places it, and what none
// places is kept in the plan's notes and returned in `unplaced`, so nothing is dropped silently.
import type { SourceLine } from './lines.js';
import { Draft } from './draft.js';
import { finish, type RoadmapImport } from './finish.js';
import { calendarLine } from './rules/calendar-lines.js';
import { fieldLine } from './rules/fields.js';
import { headingLine } from './rules/heading-line.js';
import { idItemLine } from './rules/id-items.js';
import { issueNoteLine } from './rules/issue-notes.js';
import { listLine } from './rules/lists.js';
import { storyPlanLine } from './rules/story-plan.js';
import { flushTable } from './rules/tables.js';
import { workItemLine } from './rules/work-items.js';

export type { RoadmapImport };

/** The text rules, in order: the first that places a line wins. */
const RULES = [idItemLine, fieldLine, calendarLine, storyPlanLine, issueNoteLine, workItemLine];

export function importRoadmap(lines: SourceLine[], text: string, opts: { idPrefix?: string } = {}): RoadmapImport {
  const d = new Draft(lines, text, opts.idPrefix);
  for (const l of lines) {
    if (l.kind !== 'text' || !l.text.trim().startsWith('|')) flushTable(d);
    if (l.kind === 'code') {
      d.keep(l);
      continue;
    }
    if (headingLine(d, l)) continue;
    const t = l.text.trim();
    if (t.startsWith('|')) {
      d.table.push(l);
      continue;
    }
    if (listLine(d, l) || !t) continue;
    if (!RULES.some((rule) => rule(d, l, t))) d.keep(l);
  }
  flushTable(d);
  return finish(d);
}
