// What a heading says about the work under it: whether it reads as a plan (its bullets are
// work items), whether it says that work is done, and whether it names a milestone (a version,
// a quarter, a date) with a deadline where a date is given.
import { findDate, isoDate, slug, stripEmoji } from '../prose.js';

const PLAN = /\b(road ?map|plan(?:ned|s)?|next|later|upcoming|future|todo|to do|to-do|backlog|milestones?|releases?|features?|goals?|tasks?|priorit(?:y|ies)|wish ?list|ideas|unreleased|done|completed?|shipped|changelog|changes|added|changed|fixed|removed|deprecated|security|in progress|wip|now|week|sprint|phase|iteration|deliverables?|scope|requirements|objectives)\b|\bQ[1-4]\b|\bv\.?\d+(?:\.\d+)*\b|\b\d+\.\d+(?:\.\d+)?\b|\b(?:19|20)\d\d\b/i;
const DONE = /\b(done|completed?|shipped|released|finished|achieved|already implemented)\b|✅|✔/i;
const NOT_DONE = /\b(not yet|remaining|todo|to do|planned|next|upcoming|in progress|ideas?)\b/i;

/** Its bullets are work items: "Roadmap", "Planned", "Next", "Q3", "v2.0", "Milestone 2", "2026". */
export const readsAsPlan = (title: string): boolean => PLAN.test(stripEmoji(title)) || PLAN.test(title);

/** "Done", "Completed Milestones", "v1.1: Self-Improvement ✅", but not "Not yet done". */
export const saysDone = (title: string): boolean => DONE.test(title) && !NOT_DONE.test(stripEmoji(title));

export interface HeadingMilestone {
  id: string;
  title: string;
  kind: 'quarter' | 'release';
  deadline?: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const lastDay = (y: number, m: number) => isoDate(y, m, new Date(Date.UTC(y, m, 0)).getUTCDate());

/** The last date a heading's words allow: a full date, `2026-03`, `March 2026`, `Q2 2026`, `Due: March 31`. */
export function deadlineIn(text: string, year?: number): string | undefined {
  const full = findDate(text);
  if (full) return full;
  let m = /\b((?:19|20)\d\d)-(\d{2})\b/.exec(text);
  if (m) return lastDay(+m[1], +m[2]);
  m = /\bQ([1-4])\s*[' ]?\s*((?:19|20)?\d\d)\b/i.exec(text) ?? /\b((?:19|20)\d\d)\s*Q([1-4])\b/i.exec(text);
  if (m) {
    const [q, y] = /^Q/i.test(m[0]) ? [+m[1], +m[2]] : [+m[2], +m[1]];
    return lastDay(y < 100 ? 2000 + y : y, q * 3);
  }
  m = /\b(?:(early|mid|late)[- ])?([A-Za-z]{3,9})\.?\s+(?:(\d{1,2})(?:st|nd|rd|th)?,?\s+)?((?:19|20)\d\d)\b/i.exec(text);
  if (m && MONTHS.includes(m[2].slice(0, 3).toLowerCase()) && !m[3]) {
    const month = MONTHS.indexOf(m[2].slice(0, 3).toLowerCase()) + 1;
    // "mid-September 2018": the middle of the month; "early-": its tenth day; otherwise its end.
    const part = m[1]?.toLowerCase();
    return part === 'mid' ? isoDate(+m[4], month, 15) : part === 'early' ? isoDate(+m[4], month, 10) : lastDay(+m[4], month);
  }
  // A day without a year (`Due: March 31`, `Deadline: January 15`) takes the year the document is about.
  m = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*,?\s*\d{4})/.exec(text);
  if (m && year && MONTHS.includes(m[1].slice(0, 3).toLowerCase())) return isoDate(year, MONTHS.indexOf(m[1].slice(0, 3).toLowerCase()) + 1, +m[2]);
  return undefined;
}

const VERSION = /(?:^|[\s[(])(v\.?\s?\d+(?:\.\d+){0,2}|\d+\.\d+\.\d+|\d+\.\d+(?=\]))(?=$|[\s\]):—–-])/i;
const QUARTER = /^(?:Q[1-4]\b|(?:19|20)\d\d\s*Q[1-4]\b)/i;
const NAMED = /^(milestone|release|version)\s+\S+/i;

/** A heading that names a release or a quarter is a milestone; "Phase 2.6" or "Story 1.1" is not. */
export function headingMilestone(raw: string, year?: number): HeadingMilestone | undefined {
  const title = stripEmoji(raw).replace(/\*\*/g, '').trim();
  if (/^(phase|story|step|sprint|week|part|chapter|section|stage)\b/i.test(title)) return undefined;
  const q = QUARTER.exec(title);
  const v = VERSION.exec(title);
  const named = NAMED.exec(title);
  const due = /\b(due|deadline|target|eta)\b\s*:?\s*(.+)$/i.exec(title);
  if (!q && !v && !named && !due) return undefined;
  const deadline = deadlineIn(due ? due[2] : title, year);
  // `[1.1.1] - 2023-03-05` is titled `1.1.1`: the date is the deadline, the brackets are a link.
  const shown = title.replace(/[[\]]/g, '').replace(/\s*[-—–:(]*\s*\d{4}-\d{2}(?:-\d{2})?\)?\s*$/, '').trim() || title;
  if (q) return { id: /Q[1-4]/i.exec(q[0])![0].toUpperCase(), title: shown, kind: 'quarter', deadline };
  const id = v ? v[1].replace(/\s/g, '').replace(/^v\.?/i, 'v') : slug(named ? named[0] : title.replace(due?.[0] ?? '', '')) || 'milestone';
  return { id, title: shown, kind: 'release', deadline };
}
