// `**Key**: value` lines: fields of the issue heading above, or of the section and the plan.
import type { SourceLine } from '../lines.js';
import { findDate, findDuration, findPriority, slug, stripEmoji } from '../prose.js';
import { ID, idsIn, norm, type Draft } from '../draft.js';

/** `Date: 2026-01-05` and `**Key**: value | **Other:** value` lines. */
export function fieldLine(d: Draft, l: SourceLine, t: string): boolean {
  const plainDate = /^(?:date|as of|mis à jour|updated)\s*:\s*(.+)$/i.exec(t);
  if (plainDate && !d.issueCtx && !d.plan.as_of && findDate(plainDate[1])) {
    d.plan.as_of = findDate(plainDate[1]);
    return true;
  }
  const fields = parseFields(t);
  if (fields) {
    const rest = fields.filter((f) => !applyField(d, f.key, f.value, l));
    if (rest.length) d.keep(l);
    return true;
  }
  return false;
}

/** One `**Key**: value` pair, said about the issue heading above or the section: true when placed. */
export function applyField(d: Draft, key: string, value: string, l: SourceLine): boolean {
  const issue = d.issueCtx?.issue;
  const s = d.section();
  const ids = () => idsIn(value);
  if (issue) {
    if (/^(priority|priorite)$/.test(key)) {
      const p = findPriority(value);
      if (p) issue.priority = p;
      else issue.labels.push(`priority:${stripEmoji(value)}`);
      return true;
    }
    if (key === 'track') return Boolean((issue.track = stripEmoji(value)));
    if (key === 'effort') return issue.labels.push(`effort:${slug(value)}`) > 0;
    if (/^(bloque|blocks|blocking|bloquant)$/.test(key) && ids().length) {
      issue.blocks.push(...ids());
      if (value.replace(new RegExp(ID, 'g'), '').replace(/[,;\s]/g, '')) issue.notes.push(`Blocks: ${value}`);
      return true;
    }
    if (/^(depend de|depends on|dependencies|dependances|requires)$/.test(key) && ids().length) {
      issue.depends_on.push(...ids());
      if (value.replace(new RegExp(ID, 'g'), '').replace(/[,;\s]/g, '')) issue.notes.push(`Depends on: ${value}`);
      return true;
    }
    if (/^(taches|tasks|todo)$/.test(key)) {
      d.list = { kind: 'subtasks', issue, section: s };
      if (value) issue.subtasks.push({ title: value, done: false });
      return true;
    }
    if (/^(livrables|deliverables)$/.test(key)) {
      d.list = { kind: 'deliverables', issue, section: s };
      if (value) issue.deliverables.push(value);
      return true;
    }
    if (/^(estimate|est|effort estime|duree estimee|estimation)$/.test(key) && findDuration(value)) return Boolean((issue.estimate = findDuration(value)));
    // Anything else said about the issue stays with it, as its notes.
    issue.notes.push(value ? `${l.text.trim().replace(/^\*\*([^*]+?)\s*:?\s*\*\*\s*:?/, '$1:')}` : l.text.trim());
    if (!value) d.list = { kind: 'issue-notes', issue, section: s };
    return true;
  }
  if (/^(date|as of|mise a jour|date de mise a jour)$/.test(key) && findDate(value)) return Boolean(d.plan.as_of ??= findDate(value));
  if (key === 'version') return Boolean((d.plan.version ??= value.trim()));
  if (/^(target|cible|objectif final)$/.test(key) && findDate(value)) {
    d.plan.target = findDate(value);
    return false; // the release name in it is worth keeping as a note too
  }
  if (/^(deadline|echeance|date limite|due)$/.test(key) && findDate(value) && s !== d.root) {
    s.milestone ??= d.milestoneFor(s);
    s.milestone.deadline = findDate(value);
    return true;
  }
  if (/^(linear|jira|github|ref|ticket)$/.test(key) && s.milestone) {
    s.milestone.ref = `${stripEmoji(l.text.split('|').find((p) => norm(p).startsWith(key)) ?? '').replace(/\*\*/g, '').replace(/\s*:\s*/, ': ')}`.trim() || value;
    return true;
  }
  if (/^(duree estimee|estimated duration|estimate|estimation)$/.test(key) && findDuration(value.replace(/~/g, '')) && s !== d.root) {
    s.estimate = findDuration(value.replace(/~/g, ''));
    if (s.group) s.group.estimate = s.estimate;
    return true;
  }
  if (/^(objectif|objective|goal|scope)$/.test(key) && s !== d.root) {
    s.note.push(`${stripEmoji(value)}`);
    if (s.group) s.group.note = s.note.join('\n');
    return true;
  }
  if (/^(hypothese|assumption|capacity|capacite|disponibilite)$/.test(key)) {
    const cap = /(\d+(?:[.,]\d+)?)\s*h\s*\/\s*(semaine|week|sem|w|jour|day|d)\b/i.exec(value);
    if (cap) {
      const per = /^(semaine|week|sem|w)$/i.test(cap[2]) ? 'w' : 'd';
      d.lanes.set('me', { id: 'me', name: 'me', capacity: `${cap[1].replace(',', '.')}h/${per}`, note: stripEmoji(value) });
      return true;
    }
  }
  if (/^(taches|tasks|livrables|deliverables|features|modules)$/.test(key) && s !== d.root) {
    d.list = { kind: /^(livrables|deliverables)$/.test(key) ? 'deliverables' : /^(taches|tasks)$/.test(key) ? 'subtasks' : 'issue-notes', section: s };
    s.held.push({ line: l.line, text: l.text.trim() });
    return true;
  }
  return false;
}

/** `**Key**: value | **Other:** value` → pairs, or null when the line is not all fields. */
export function parseFields(text: string): { key: string; value: string }[] | null {
  const parts = splitAtBars(text.trim());
  const out: { key: string; value: string }[] = [];
  for (const p of parts) {
    const m = /^\*\*([^*]+?)\s*(?::\s*\*\*|\*\*\s*:)\s*(.*)$/.exec(p.trim());
    if (!m) return null;
    out.push({ key: norm(m[1]), value: m[2].trim() });
  }
  return out.length ? out : null;
}

const SPACE = /\s/;

/**
 * `s.split(/\s+\|\s+/)` in linear time: that regex backtracks over every long run of spaces
 * (a hostile line of 80,000 spaces took 2.5 s). Splits at each `|` with whitespace both sides,
 * the whitespace going with the bar, scanning on from the end of the last split as split does.
 */
export function splitAtBars(s: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = s.indexOf('|'); i >= 0; i = s.indexOf('|', i + 1)) {
    if (i - 1 < from || !SPACE.test(s[i - 1]) || i + 1 >= s.length || !SPACE.test(s[i + 1])) continue;
    let start = i - 1;
    while (start > from && SPACE.test(s[start - 1])) start--;
    let end = i + 1;
    while (end < s.length && SPACE.test(s[end])) end++;
    out.push(s.slice(from, start));
    from = end;
    i = end - 1;
  }
  out.push(s.slice(from));
  return out;
}
