// Calendar lines: a sprint's dates, a freeze's dates, a sprint's parallel work.
import type { SourceLine } from '../lines.js';
import { findDateRange, stripEmoji } from '../prose.js';
import { BULLET, type Draft } from '../draft.js';

/** Sprint and freeze date lines: `**Oct 27 – Nov 7, 2025** | 2 weeks`, and a sprint's parallel work. */
export function calendarLine(d: Draft, l: SourceLine, t: string): boolean {
  // Sprint and freeze date lines: `**Oct 27 – Nov 7, 2025** | 2 weeks`.
  const range = findDateRange(t.replace(/\*\*/g, ''));
  const sprintSec = d.within((s) => s.kind === 'sprint');
  if (range && sprintSec?.sprint && !sprintSec.sprint.start && d.section() === sprintSec) {
    Object.assign(sprintSec.sprint, { start: range.from, end: range.to });
    return true;
  }
  const freezeSec = d.section().kind === 'freeze' ? d.section() : undefined;
  if (range && freezeSec) {
    d.freezes.push({ name: stripEmoji(freezeSec.title), ...range });
    return true;
  }
  if (sprintSec?.sprint && /parallel/i.test(d.section().title) && BULLET.test(l.text)) {
    sprintSec.sprint.parallel.push(BULLET.exec(l.text)![2].trim());
    return true;
  }
  return false;
}
