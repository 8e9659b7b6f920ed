// The standup pane as lines, from the data `standup()` computes (src/core/report/standup.ts):
// per lane, done since the last working day, in progress with age, next up, blocked with what
// blocks it, and this week's load (over capacity marked). Empty sections are left out.
import type { LaneStandup, Standup } from '../../core/report/standup.js';
import { MARKS } from '../theme-core.js';
import { shortDate, toDay } from './dates.js';
import { clipMarked, cut, type Line, type Style } from './segments.js';

const LABEL = 15;
const h = (n: number) => `${Math.round(n * 10) / 10}h`;

function laneLines(l: LaneStandup, width: number, current: boolean): Line[] {
  const out: Line[] = [];
  const week = l.week;
  const load = week ? week.plannedHours + week.loggedHours : 0;
  const head: Line = [{ text: `${current ? MARKS.selected : '▾'} ${l.name === l.lane ? l.lane : `${l.lane} ${l.name}`}`, style: current ? 'selected' : 'group' }];
  head.push({ text: ` · logged ${h(l.loggedSince)}`, style: 'plain' });
  if (week) {
    head.push({ text: ` · this week ${h(load)} of ${h(week.availableHours)}`, style: 'plain' });
    if (week.over) head.push({ text: ` ${MARKS.over} over capacity by ${h(load - week.availableHours)}`, style: 'over' });
  }
  out.push(head);
  const section = (label: string, items: { text: string; style?: Style; mark?: string; markStyle?: Style }[]) => {
    items.forEach((it, i) => {
      const line: Line = [{ text: (i === 0 ? `  ${label}` : '').padEnd(LABEL), style: 'dim' }];
      if (it.mark) line.push({ text: it.mark + ' ', style: it.markStyle ?? 'plain' });
      line.push({ text: it.text, style: it.style ?? 'plain' });
      out.push(line);
    });
  };
  section('done', l.done.map((d) => ({ text: `${d.id} ${d.title} (${shortDate(toDay(d.doneOn))})`, mark: MARKS.done, markStyle: 'done' as Style })));
  section(
    'in progress',
    l.inProgress.map((i) => ({ text: `${i.id} ${i.title} · ${i.ageDays === null ? 'age unknown' : `${i.ageDays}d old`} · ${h(i.remainingHours)} left` })),
  );
  section(
    'next',
    l.next.map((n) => ({ text: `${n.id} ${n.title}${n.start ? ` · from ${shortDate(toDay(n.start))}` : ''}`, mark: n.critical ? MARKS.critical : undefined, markStyle: 'crit' as Style })),
  );
  section('blocked', [
    ...l.blocked.map((b) => ({
      text: `${b.id} ${b.title} ← ${[...b.blockedBy, ...b.waitingOn.map((w) => `waiting: ${w}`)].join(', ')}`,
      mark: MARKS.blocked,
      markStyle: 'warn' as Style,
    })),
    ...(l.moreBlocked ? [{ text: `(+${l.moreBlocked} more)`, style: 'dim' as Style }] : []),
  ]);
  if (out.length === 1) out.push([{ text: '  nothing to report', style: 'dim' }]);
  // Plan text is sanitised and cut here, once, for every segment.
  return out.map((line) => clipMarked(line.map((s) => ({ ...s, text: cut(s.text, width) })), width));
}

export interface StandupLayout {
  lines: Line[];
  /** First line of each lane's block. */
  blocks: Map<string, number>;
}

/** Every lane's block, one after the other, under a title line. */
export function standupLines(st: Standup, width: number, turn?: { lane: string; clock: string; n: number; of: number }): StandupLayout {
  const who = turn ? ` · ${turn.n}/${turn.of} ${turn.lane} ${turn.clock} (n next, p previous)` : '';
  const lines: Line[] = [[{ text: cut(`Standup ${st.today} · done since ${st.since}${who} · ${st.title}`, width), style: 'heading' }]];
  const blocks = new Map<string, number>();
  for (const l of st.lanes) {
    blocks.set(l.lane, lines.length);
    lines.push(...laneLines(l, width, l.lane === turn?.lane));
  }
  return { lines, blocks };
}

/** The lines that fit in `height`: the title, then from the selected issue's lane when all do not fit. */
export function standupFrame(layout: StandupLayout, height: number, lane: string | undefined): Line[] {
  if (layout.lines.length <= height) return layout.lines;
  const from = lane !== undefined ? (layout.blocks.get(lane) ?? 1) : 1;
  const start = Math.max(1, Math.min(from, layout.lines.length - (height - 1)));
  const body = layout.lines.slice(start, start + height - 1);
  const hidden = layout.lines.length - 1 - body.length;
  if (hidden > 0 && body.length > 0) body[body.length - 1] = [{ text: `… ${hidden} more lines`, style: 'dim' }];
  return [layout.lines[0], ...body].slice(0, height);
}

/** `m:ss` since `since`. */
export function clock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
