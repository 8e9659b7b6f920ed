// A kanban card as styled lines: id with done/blocked/priority marks and subtask progress; the
// title; estimate and lane. Compact cards (swimlanes) fit on one line.
import type { Issue, Model } from '../../core/plan/model.js';
import { estimateText, isBlocked, priorityMark, priorityRank, subtaskProgress } from '../issue-facts.js';
import { fit, truncate } from '../text.js';
import { MARKS, type Theme } from '../theme-core.js';
import type { Seg } from './seg.js';

export const CARD_LINES = 3;

export function cardLines(issue: Issue, model: Model, width: number, selected: boolean, theme: Theme, compact = false): Seg[] {
  const rank = priorityRank(model, issue);
  const blocked = isBlocked(model, issue);
  const marks = [issue.done ? MARKS.done : '', blocked ? MARKS.blocked : '', priorityMark(rank)].filter(Boolean).join('');
  const progress = subtaskProgress(issue);
  const lead = selected ? MARKS.selected : ' ';
  const head = `${lead}${issue.id}${marks ? ' ' + marks : ''}${progress ? ' ' + progress : ''}`;
  const color = issue.done ? theme.c('muted') : blocked ? theme.c('danger') : theme.priority(rank);
  const inverse = selected || undefined;
  // The selected card is padded so its highlight spans the column; others leave the blank to Ink.
  const cell = (text: string) => (selected ? fit(text, width) : truncate(text, width));
  if (compact) return [{ text: cell(`${head} ${issue.title}`), color, inverse, pad: width }];
  const meta = [estimateText(model, issue), issue.lane ?? ''].filter(Boolean).join(' · ');
  return [
    { text: cell(head), color, bold: true, inverse, pad: width },
    { text: cell(' ' + issue.title), inverse, pad: width },
    { text: cell(' ' + meta), color: theme.c('muted'), inverse, pad: width },
  ];
}
