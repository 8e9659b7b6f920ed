// A pane as plain text, straight from the same pure layouts the Ink panes draw
// (src/ui/layout/), without
// loading React, Ink or Yoga: what `planboard render` prints and what a non-terminal gets.
// test/ui/static-text.test.tsx holds it byte for byte to the Ink render of the same pane.
import { standup } from '../core/report/standup.js';
import {
  selectCapacity,
  selectCapacityPeriod,
  selectColumns,
  selectFolded,
  selectModel,
  selectScenario,
  selectScenarioFinishes,
  selectSchedule,
  selectScheduleError,
  selectSelectedId,
  selectTimelineRows,
  selectTimelineView,
  selectToday,
} from '../store/selectors.js';
import type { PaneId, ViewState } from '../store/types.js';
import { kanbanLines } from './layout/kanban-lines.js';
import { fit, textWidth } from './text.js';
import { makeTheme } from './theme-core.js';
import { layoutCapacity } from './layout/capacity.js';
import { paneOdds } from './layout/capacity-odds.js';
import { unestimatedHeader } from './layout/unestimated.js';
import { layoutTimeline } from './layout/layout.js';
import type { Line } from './layout/segments.js';
import { clock, standupFrame, standupLines } from './layout/standup.js';
import { segLineText } from './widgets/seg.js';

const PLAIN = makeTheme(false);

/** A styled line as Ink's `<Text wrap="truncate">` shows it `width` wide: cut with `…` at the end. */
export function styledLineText(line: Line, width: number): string {
  const s = line.map((seg) => seg.text).join('');
  if (textWidth(s) <= width) return s.trimEnd();
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = textWidth(ch);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return (out + '…').trimEnd();
}

/** The pane's text lines (at most `height`, each at most `width` columns), no styles. */
export function paneLines(s: ViewState, pane: PaneId, width: number, height: number): string[] {
  if (pane === 'kanban') {
    const lines = kanbanLines({ model: selectModel(s), columns: selectColumns(s), selectedId: selectSelectedId(s), swimlanes: s.swimlanes }, width, height, PLAIN);
    return lines.slice(0, height).map((l) => segLineText(l, width));
  }
  let lines: Line[];
  if (pane === 'timeline') {
    const { zoom, scroll, groupBy } = selectTimelineView(s);
    lines = layoutTimeline({
      model: selectModel(s), schedule: selectSchedule(s), scheduleError: selectScheduleError(s), issues: selectTimelineRows(s),
      selectedId: selectSelectedId(s), today: selectToday(s), zoom, scroll, groupBy, folded: selectFolded(s), width, height, offset: 0,
    }).lines;
  } else if (pane === 'capacity') {
    const schedule = selectSchedule(s);
    lines = layoutCapacity({
      model: selectModel(s), capacity: selectCapacity(s), milestones: schedule?.milestones ?? [], period: selectCapacityPeriod(s), today: selectToday(s),
      scenarios: selectScenarioFinishes(s), scenario: selectScenario(s), width, height, scheduleError: selectScheduleError(s), periodOffset: s.capacityScroll,
      unestimated: unestimatedHeader(schedule), odds: paneOdds(selectModel(s), schedule, selectToday(s), selectScenario(s)),
    });
  } else {
    const schedule = selectSchedule(s);
    const st = schedule ? standup(selectModel(s), schedule, { today: selectToday(s) }) : null;
    if (!st) lines = [[{ text: fit(`no schedule: ${selectScheduleError(s) ?? 'unknown'}`, width), style: 'over' }]];
    else {
      // As the pane: the walk's current lane, its clock as of now.
      const of = st.lanes.length;
      const at = of ? s.standup.index % of : 0;
      const lane = st.lanes[at]?.lane;
      lines = standupFrame(standupLines(st, width, lane === undefined ? undefined : { lane, clock: clock(Date.now() - s.standup.since), n: at + 1, of }), height, lane);
    }
  }
  return lines.slice(0, height).map((l) => styledLineText(l, width));
}

/** As `planboard render` prints it: trailing blank lines dropped. */
export function paneText(s: ViewState, pane: PaneId, width: number, height: number): string {
  const lines = paneLines(s, pane, width, height);
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}
