// Enter: every field of the selected issue; subtasks (tickable), deliverables, dependencies and
// dependents, external waits, time entries, notes. Windowed around the subtask cursor.
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { Issue, Model } from '../../core/plan/model.js';
import { selectModel, selectSchedule, selectSelectedIssue } from '../../store/selectors.js';
import { dependentsOf, estimateText, isBlocked, subtaskProgress } from '../issue-facts.js';
import { useBoard } from '../store-context.js';
import { fit, sanitize, sanitizeBlock } from '../text.js';
import { MARKS, useTheme } from '../theme.js';

interface Line {
  text: string;
  tone?: 'head' | 'muted' | 'danger' | 'ok';
  subtask?: number;
}

function depLine(model: Model, id: string): string {
  const d = model.byId.get(id);
  if (!d) return `  ? ${id} (not in the plan)`;
  return `  ${d.done ? MARKS.done : MARKS.open} ${d.id}  ${d.title}  [${d.status}]`;
}

export function detailLines(model: Model, issue: Issue, extra: { start?: string | null; end?: string | null; critical?: boolean; declared?: boolean }): Line[] {
  const L: Line[] = [];
  const field = (name: string, value: unknown) => {
    if (value !== undefined && value !== null && value !== '') L.push({ text: `${name.padEnd(11)} ${sanitize(value)}` });
  };
  L.push({ text: `${issue.id}  ${issue.title}`, tone: 'head' });
  field('status', issue.status + (isBlocked(model, issue) ? `  ${MARKS.blocked} blocked` : ''));
  field('priority', issue.priority);
  field('lane', issue.lane ? `${issue.lane}${model.laneById.get(issue.lane) ? '' : ' (not a declared lane)'}` : '(none)');
  field('group', issue.group);
  field('milestone', issue.milestone);
  field('sprint', issue.sprint);
  field('track', issue.track);
  field('estimate', estimateText(model, issue) || '(none)');
  field('logged', issue.loggedHours ? `${issue.loggedHours}h` : '');
  field('started', issue.started);
  field('done on', issue.doneOn);
  field('labels', issue.labels.join(', '));
  field('link', issue.data.link);
  if (extra.start || extra.end) field('scheduled', `${extra.start ?? '?'} → ${extra.end ?? '?'}${extra.critical ? `  ${MARKS.critical} ${extra.declared ? 'on the declared critical path' : 'drives the finish (critical)'}` : ''}`);

  const section = (title: string, n: number) => L.push({ text: `${title} (${n})`, tone: 'head' });
  section(`subtasks ${subtaskProgress(issue)}`.trim(), issue.subtasks.length);
  issue.subtasks.forEach((s, n) => L.push({ text: `  [${s.done ? 'x' : ' '}] ${sanitize(s.title)}`, subtask: n, tone: s.done ? 'muted' : undefined }));
  const deliverables = issue.data.deliverables ?? [];
  if (deliverables.length) {
    section('deliverables', deliverables.length);
    for (const d of deliverables) L.push({ text: `  - ${sanitize(d)}` });
  }
  section('depends on', issue.deps.length);
  for (const d of issue.deps) L.push({ text: depLine(model, d.id) + (d.lagDays ? ` +${d.lagDays}d lag` : '') });
  const dependents = dependentsOf(model, issue.id);
  section('dependents', dependents.length);
  for (const id of dependents) L.push({ text: depLine(model, id) });
  if (issue.external.length) {
    section('waiting on', issue.external.length);
    for (const e of issue.external) L.push({ text: `  ${e.done ? MARKS.done : MARKS.open} ${sanitize(e.title)}${e.since ? ` since ${e.since}` : ''}` });
  }
  section('time entries', issue.log.length);
  for (const e of issue.log) L.push({ text: `  ${e.date}  ${String(e.hours).padStart(5)}h  ${sanitize(e.note ?? '')}` });
  if (issue.data.notes) {
    L.push({ text: 'notes', tone: 'head' });
    for (const line of sanitizeBlock(issue.data.notes).split('\n')) L.push({ text: `  ${line}` });
  }
  return L;
}

/**
 * The lines to show: from the top (the title first) while the cursor fits below it, else scrolled
 * just enough to keep the cursor and one line after it in view.
 */
export function windowFromTop(at: number, size: number, len: number): [number, number] {
  if (len <= size) return [0, len];
  const start = Math.max(0, Math.min(at + 2 - size, len - size));
  return [start, start + size];
}

export function Detail({ width, height, cursor }: { width: number; height: number; cursor: number }) {
  const theme = useTheme();
  const model = useBoard(selectModel);
  const issue = useBoard(selectSelectedIssue);
  const schedule = useBoard(selectSchedule);
  if (!issue) return <Text>{fit('No issue selected.', width)}</Text>;
  const s = schedule?.byId.get(issue.id);
  const lines = detailLines(model, issue, { start: s?.start, end: s?.end, critical: s?.critical, declared: schedule?.criticalSource === 'declared' });
  const at = lines.findIndex((l) => l.subtask === cursor);
  const [from, to] = windowFromTop(at < 0 ? 0 : at, height, lines.length);
  const out: ReactNode[] = lines.slice(from, to).map((l, n) => {
    const selected = l.subtask !== undefined && l.subtask === cursor;
    const color = l.tone === 'head' ? theme.c('accent') : l.tone === 'muted' ? theme.c('muted') : undefined;
    return (
      <Text key={n} bold={l.tone === 'head'} color={color} inverse={selected}>
        {fit((selected ? MARKS.selected : ' ') + l.text, width)}
      </Text>
    );
  });
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {out}
    </Box>
  );
}
