// Timeline: a gantt on the working-day calendar, drawn from the engine's schedule. The layout
// is pure (src/ui/layout/layout.ts); this component only reads the store and draws lines.
import { useRef } from 'react';
import {
  selectFolded,
  selectModel,
  selectSchedule,
  selectScheduleError,
  selectSelectedId,
  selectTimelineRows,
  selectTimelineView,
  selectToday,
} from '../../store/selectors.js';
import { useBoard } from '../store-context.js';
import { layoutTimeline } from '../layout/layout.js';
import { StyledLines } from '../widgets/BarLine.js';
import type { PaneProps } from './types.js';
import { useHitSink } from '../mouse/hit-context.js';

export function Timeline({ width, height }: PaneProps) {
  const model = useBoard(selectModel);
  const schedule = useBoard(selectSchedule);
  const scheduleError = useBoard(selectScheduleError);
  const issues = useBoard(selectTimelineRows);
  const selectedId = useBoard(selectSelectedId);
  const today = useBoard(selectToday);
  const { zoom, scroll, groupBy } = useBoard(selectTimelineView);
  const folded = useBoard(selectFolded);
  // The row window moves only as far as the selection needs, so it is remembered between frames.
  const offset = useRef(0);
  const hitSink = useHitSink();
  const frame = layoutTimeline({ model, schedule, scheduleError, issues, selectedId, today, zoom, scroll, groupBy, folded, width, height, offset: offset.current });
  offset.current = frame.offset;
  hitSink?.(frame.hits ?? []);
  return <StyledLines lines={frame.lines} width={width} height={height} />;
}
