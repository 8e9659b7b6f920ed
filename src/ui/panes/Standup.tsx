// Standup (S): the standup for today, per lane, from the same core as `planboard standup`.
import { useMemo } from 'react';
import { standup } from '../../core/report/standup.js';
import { selectModel, selectSchedule, selectScheduleError, selectSelectedId, selectToday } from '../../store/selectors.js';
import { useBoard } from '../store-context.js';
import { fit } from '../text.js';
import { standupFrame, standupLines } from '../timeline/standup.js';
import { StyledLines } from '../widgets/BarLine.js';
import type { PaneProps } from './types.js';

export function Standup({ width, height }: PaneProps) {
  const model = useBoard(selectModel);
  const schedule = useBoard(selectSchedule);
  const scheduleError = useBoard(selectScheduleError);
  const today = useBoard(selectToday);
  const selectedId = useBoard(selectSelectedId);
  const layout = useMemo(() => (schedule ? standupLines(standup(model, schedule, { today }), width) : null), [model, schedule, today, width]);
  if (!layout) return <StyledLines lines={[[{ text: fit(`no schedule: ${scheduleError ?? 'unknown'}`, width), style: 'over' }]]} width={width} height={height} />;
  const lane = selectedId === null ? undefined : (schedule?.byId.get(selectedId)?.lane ?? undefined);
  return <StyledLines lines={standupFrame(layout, height, lane)} width={width} height={height} />;
}
