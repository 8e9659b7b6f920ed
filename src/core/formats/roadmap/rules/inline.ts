// What an item's text says besides its title: an id, an estimate, owners, labels, a link and a
// status marker. Each is taken out of the title; the words that stay are the title.
import { findDuration, stripEmoji } from '../prose.js';
import { statusOf, type StatusWord } from './status.js';

export interface InlineFacts {
  title: string;
  id?: string;
  estimate?: string;
  owners: string[];
  labels: string[];
  link?: string;
  status?: StatusWord;
}

/** Ids people already use: `#12`, `ABC-1`, `STORY-X`, `STORY-APP-HARBOR`. */
export const ID_RE = /^(?:#\d+|[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)$/;
const LEAD_ID = /^(?:\*\*|`)?(#\d+|[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)(?:\*\*|`)?(?:\s*[:—–]\s*|\s+-\s+|\s+)(?=\S)/;

export function inlineFacts(raw: string): InlineFacts {
  let t = ` ${raw.trim()} `;
  const facts: InlineFacts = { title: '', owners: [], labels: [] };

  const id = LEAD_ID.exec(t.trim());
  if (id) {
    facts.id = id[1];
    t = ` ${t.trim().slice(id[0].length)} `;
  }
  // Owners: `@alice`, `(Owner: Sarah Chen)`, `(assignee: bob)`; a linked `[@alice](…)` is a credit, not an owner.
  t = t.replace(/\s\((?:owner|assignee|assigned to|lead|dri)\s*:\s*([^)]+)\)(?=\s)/gi, (_m, who: string) => {
    facts.owners.push(...who.split(/\s*(?:,|&|\band\b)\s*/).filter(Boolean));
    return ' ';
  });
  t = t.replace(/(?<=\s|\()@([A-Za-z0-9][\w.-]*[A-Za-z0-9_]|[A-Za-z0-9])(?=[\s),.;:]|$)/g, (_m, who: string) => {
    facts.owners.push(who);
    return '';
  });
  // Links: the first target is kept; the link text stays in the title. A target may hold
  // balanced parentheses (`wiki/Foo_(bar)`), as in CommonMark; neither part crosses a bracket
  // or parenthesis it cannot use, so a line of `[a](` a thousand times is read in linear time.
  t = t.replace(/\[([^[\]]+)\]\(((?:[^()\s]|\([^()\s]*\))+)(?:\s+"[^"]*")?\)/g, (_m, label: string, url: string) => {
    facts.link ??= url;
    return label;
  });
  const bare = /<?(https?:\/\/[^\s>)]+)>?/.exec(t);
  if (bare && !facts.link) facts.link = bare[1];
  // Estimates: `(3d)`, `(2-3 days)`, `~2h`, `⏱️ 4h`.
  t = t.replace(/\s\(\s*~?\s*(\d+(?:[.,]\d+)?(?:\s*[-–]\s*\d+(?:[.,]\d+)?)?\s*(?:h|hours?|d|days?|w|weeks?|j|jours?))\s*\)(?=\s)/i, (_m, d: string) => {
    facts.estimate = findDuration(d);
    return ' ';
  });
  if (!facts.estimate)
    t = t.replace(/\s(?:~|⏱️?\s*)(\d+(?:[.,]\d+)?(?:\s*[-–]\s*\d+(?:[.,]\d+)?)?\s*(?:h|d|w)\b)(?=\s)/i, (_m, d: string) => {
      facts.estimate = findDuration(d);
      return ' ';
    });
  // Story points: `[5 pts]`, `(3 points)`, `5sp`: a size, not a duration.
  t = t.replace(/\s[[(]\s*(\d+(?:\.\d+)?)\s*(?:pts?|points?|sp)\s*[\])](?=\s)/i, (_m, n: string) => {
    facts.labels.push(`points:${n}`);
    return ' ';
  });
  // Labels: `#tag` where it is not an id (`#12` is an issue number).
  t = t.replace(/(?<=\s)#([A-Za-z][\w-]*)(?=[\s,.;:]|$)/g, (_m, tag: string) => {
    facts.labels.push(tag);
    return '';
  });
  // Status markers at either end: `✅ Title`, `Title ✅`, `Title (WIP)`, `Title — in progress`, `[blocked]`.
  const end = /\s(?:[([]\s*([^)\]]{1,20})\s*[)\]]|[-—–:]\s+(done|wip|in progress|blocked|todo|planned)|(✅|🚧|🔄|⏳|⛔|🔮))\s*$/i.exec(t);
  if (end) {
    const s = statusOf(end[1] ?? end[2] ?? end[3]);
    if (s) {
      facts.status = s;
      t = t.slice(0, end.index);
    }
  }
  const start = /^\s*(✅|🚧|🔄|⏳|⛔|🔮|\[(?:wip|done|blocked)\]|(?:wip|blocked|done)\s*:)\s/i.exec(t);
  if (start) {
    const s = statusOf(start[1].replace(/[[\]:]/g, ''));
    if (s) {
      facts.status ??= s;
      t = t.slice(start[0].length);
    }
  }
  facts.title = stripEmoji(t.replace(/\*\*|__/g, '').replace(/\s+/g, ' ').trim()).replace(/^[-—–:]\s*/, '').replace(/\s*[-—–:]$/, '');
  if (!facts.title) facts.title = stripEmoji(raw.replace(/\*\*|__/g, '')).trim() || raw.trim();
  return facts;
}
