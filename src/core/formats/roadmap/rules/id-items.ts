// Items that carry an id: `- [x] CAB-1: Title` and `- CAB-2: Title`, in sprints and done-lists too.
import type { SourceLine } from '../lines.js';
import { stripEmoji } from '../prose.js';
import { CHECK, CHECK_PLAIN, cleanTitle, ID_ITEM, type Draft } from '../draft.js';

/** `- [x] CAB-1: Title`, a checkbox under an issue heading (a subtask), `- CAB-2: Title`. */
export function idItemLine(d: Draft, l: SourceLine, _t: string): boolean {
  const chk = CHECK.exec(l.text);
  if (chk) {
    const { title, status } = cleanTitle(chk[3]);
    const issue = d.issueById.get(chk[2]) ?? d.newIssue(chk[2], title, d.section());
    issue.status = chk[1] !== ' ' ? 'done' : status ?? issue.status;
    if (/\(epic\)/i.test(title) && issue.group) {
      const g = d.groups.find((x) => x.id === issue.group);
      if (g && !g.epic) g.epic = issue.id;
    }
    return true;
  }
  const plainChk = CHECK_PLAIN.exec(l.text);
  if (plainChk && d.issueCtx) {
    d.issueCtx.issue.subtasks.push({ title: plainChk[2].trim(), done: plainChk[1] !== ' ' });
    return true;
  }

  const item = ID_ITEM.exec(l.text);
  if (item) {
    const { title, status } = cleanTitle(stripEmoji(item[2].replace(/\*\*/g, '')));
    const known = d.issueById.get(item[1]);
    const sprint = d.within((s) => s.kind === 'sprint')?.sprint;
    const doneList = d.within((s) => s.kind === 'done-list');
    if (known) {
      if (sprint) {
        known.sprint = sprint.name;
        if (/critical|chemin critique/i.test(d.section().title)) sprint.critical.push(known.id);
      } else if (status === 'done' || doneList) {
        if (known.status !== 'done') d.keep(l); // the document disagrees with itself: keep its words
      } else d.keep(l);
      return true;
    }
    const issue = d.newIssue(item[1], title, sprint ? d.section().parent ?? d.section() : d.section());
    if (status) issue.status = status;
    else if (doneList) issue.status = 'done';
    if (sprint) {
      issue.sprint = sprint.name;
      if (/critical/i.test(d.section().title)) sprint.critical.push(issue.id);
    }
    return true;
  }
  return false;
}
