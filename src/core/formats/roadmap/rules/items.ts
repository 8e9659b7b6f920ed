// A list item as a work item: a task item keeps its box's done state, a plain bullet under a
// plan heading is done where its heading says so; its words give the rest (inline.ts).
import type { ListItem } from '../lines.js';
import { deadlineIn } from './heading.js';
import { inlineFacts } from './inline.js';

export interface ItemIssue {
  id?: string;
  title: string;
  status?: string;
  estimate?: string;
  owners: string[];
  labels: string[];
  link?: string;
}

export function itemIssue(item: ListItem, sectionDone: boolean): ItemIssue {
  const f = inlineFacts(item.text);
  const said = f.status;
  const labels = [...f.labels, ...(said?.blocked ? ['blocked'] : [])];
  let status: string | undefined;
  if (item.checked === true) status = 'done';
  else if (item.checked === false) status = said && said.status !== 'done' ? said.status : 'todo';
  else status = said?.status ?? (sectionDone ? 'done' : undefined);
  return { id: f.id, title: f.title, status, estimate: f.estimate, owners: f.owners, labels, link: f.link };
}

/** `- Deadline: January 15`, `- Due: 2026-03-31`: the section's date, not a work item. */
export function deadlineBullet(text: string, year?: number): string | undefined {
  const m = /^(?:\*\*)?(deadline|due(?: date)?|target(?: date)?|eta|expected delivery|delivery)(?:\*\*)?\s*:\s*(?:\*\*)?\s*(.+)$/i.exec(text.trim());
  return m ? deadlineIn(m[2], year) : undefined;
}

/** Headings whose bullets are about the plan, not work in it. */
export const isAside = (title: string): boolean =>
  /\b(overview|summary|vision|legend|risks?|mitigations?|criteria|resources?|allocation|how to|related|notes?|decisions?|decision log|principles|philosophy|guarantees|strategy|licen[cs]e|contributing|faq|table of contents|glossary|references|links|metrics|sign-?off|acknowledge?ments?|background|context|introduction|what .* is not)\b/i.test(title);

/** The year a document is about: the first in its first heading, else the one it names most. */
export function yearOf(text: string): number | undefined {
  const first = /^#{1,6}\s.*\b((?:19|20)\d\d)\b/m.exec(text);
  if (first) return +first[1];
  const count = new Map<number, number>();
  for (const m of text.matchAll(/\b((?:19|20)\d\d)\b/g)) count.set(+m[1], (count.get(+m[1]) ?? 0) + 1);
  return [...count.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
}
