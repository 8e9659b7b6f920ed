// A heading line: an issue heading, the plan's title, or a section (heading.ts says what it reads as).
import type { SourceLine } from '../lines.js';
import { findDuration, slug, stripEmoji } from '../prose.js';
import { cleanTitle, DURATION_TAIL, ISSUE_HEADING, type Draft, type Section } from '../draft.js';
import { headingMilestone, readsAsPlan, saysDone } from './heading.js';
import { isAside } from './items.js';

/** A heading: an issue heading (`#44: Title ⏱️ 2-3 jours`), the title, or a section (a group, maybe a milestone, a sprint, a freeze, a scenario). */
export function headingLine(d: Draft, l: SourceLine): boolean {
  if (l.kind === 'heading') {
    d.list = null;
    d.intro = null;
    d.lastItem = null;
    if (d.issueCtx && l.level <= d.issueCtx.level) d.issueCtx = null;
    const raw = l.text.trim();
    const ih = ISSUE_HEADING.exec(raw);
    if (ih && !d.issueCtx) {
      while (d.stack.length > 1 && d.section().level >= l.level) d.stack.pop();
      const dur = DURATION_TAIL.exec(ih[2]);
      const { title, status } = cleanTitle(stripEmoji(dur ? ih[2].slice(0, dur.index) : ih[2]));
      const issue = d.issueById.get(ih[1]) ?? d.newIssue(ih[1], title, d.section());
      if (dur) issue.estimate = findDuration(dur[1].replace(/~/g, ''));
      if (status) issue.status = status;
      d.issueCtx = { issue, level: l.level };
      return true;
    }
    while (d.stack.length > 1 && d.section().level >= l.level) d.stack.pop();
    if (!d.plan.title && l.level === 1) {
      d.plan.title = stripEmoji(raw);
      d.root.plan = readsAsPlan(raw) && !isAside(raw);
      d.root.done = saysDone(raw);
      return true;
    }
    const s: Section = { title: raw, level: l.level, line: l.line, parent: d.section(), note: [], hasIssues: false, held: [] };
    const plain = stripEmoji(raw);
    const est = /\(\s*~?\s*([^)]*?)\)\s*$/.exec(plain);
    if (est && findDuration(est[1]) && /[a-z]/i.test(est[1])) {
      s.estimate = findDuration(est[1]);
      s.title = plain.slice(0, est.index).trim();
    }
    const sp = /^Sprint\s+(\d+)\s*(?:[—–:-]\s*(.*))?$/i.exec(plain);
    if (sp) {
      s.kind = 'sprint';
      s.sprint = { name: `Sprint ${sp[1]}`, goal: sp[2]?.trim() || undefined, critical: [], parallel: [], gate: [] };
      d.sprints.push(s.sprint);
    } else if (/change freeze|code freeze|\bgel\b|freeze/i.test(plain)) s.kind = 'freeze';
    else if (/plan\s+(\d+)\s+dev/i.test(plain)) {
      s.kind = 'scenario';
      s.scenario = { id: slug(plain.replace(/^\d+\)\s*/, '').replace(/\(.*\)/, '')), title: plain.replace(/^\d+\)\s*/, ''), assign: {} };
    } else if (/\b(done|completed|termin[ée]s?|achev[ée]s?)\b/i.test(plain) && !/\b(remaining|restant)/i.test(plain)) s.kind = 'done-list';
    const inherit = s.parent !== d.root ? s.parent : undefined;
    s.plan = !isAside(plain) && (readsAsPlan(plain) || Boolean(inherit?.plan));
    s.done = saysDone(raw) || Boolean(inherit?.done);
    const hm = s.kind ? undefined : headingMilestone(s.title, d.year);
    if (hm && !(d.idMode && !hm.deadline)) {
      s.milestone = { id: d.uniqueMilestone(hm.id), title: hm.title, kind: hm.kind, ...(hm.deadline ? { deadline: hm.deadline } : {}) };
      // A changelog's dated versions are released: their entries are done.
      if (d.changelog && hm.deadline && !/unreleased/i.test(plain)) s.done = true;
    }
    d.sections.push(s);
    d.stack.push(s);
    return true;
  }
  return false;
}
