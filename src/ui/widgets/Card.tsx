// A kanban card: id, blocked and priority marks, subtask progress; title; estimate and lane.
// Compact cards (swimlanes) fit on one line.
import { Text } from 'ink';
import type { Issue, Model } from '../../core/plan/model.js';
import { estimateText, isBlocked, priorityMark, priorityRank, subtaskProgress } from '../issue-facts.js';
import { fit } from '../text.js';
import { MARKS, useTheme } from '../theme.js';

export const CARD_LINES = 3;

interface CardProps {
  issue: Issue;
  model: Model;
  width: number;
  selected: boolean;
  compact?: boolean;
}

export function Card({ issue, model, width, selected, compact }: CardProps) {
  const theme = useTheme();
  const rank = priorityRank(model, issue);
  const blocked = isBlocked(model, issue);
  const marks = [issue.done ? MARKS.done : '', blocked ? MARKS.blocked : '', priorityMark(rank)].filter(Boolean).join('');
  const progress = subtaskProgress(issue);
  const lead = selected ? MARKS.selected : ' ';
  const head = `${lead}${issue.id}${marks ? ' ' + marks : ''}${progress ? ' ' + progress : ''}`;
  const color = issue.done ? theme.c('muted') : blocked ? theme.c('danger') : theme.priority(rank);
  if (compact) {
    return (
      <Text inverse={selected} color={color} wrap="truncate">
        {fit(`${head} ${issue.title}`, width)}
      </Text>
    );
  }
  const meta = [estimateText(model, issue), issue.lane ?? ''].filter(Boolean).join(' · ');
  return (
    <>
      <Text inverse={selected} color={color} bold wrap="truncate">
        {fit(head, width)}
      </Text>
      <Text inverse={selected} wrap="truncate">
        {fit(' ' + issue.title, width)}
      </Text>
      <Text inverse={selected} color={theme.c('muted')} wrap="truncate">
        {fit(' ' + meta, width)}
      </Text>
    </>
  );
}
