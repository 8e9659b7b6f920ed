// Standup (S): the standup for today, per lane, from the same core as `planboard standup`. It walks
// the team one person at a time (n / p), with a timer for whoever is speaking.
import { useEffect, useMemo, useState } from 'react';
import { standup } from '../../core/report/standup.js';
import { selectModel, selectSchedule, selectScheduleError, selectToday } from '../../store/selectors.js';
import type { BoardState } from '../../store/types.js';
import { useBoard } from '../store-context.js';
import { fit } from '../text.js';
import { clock, standupFrame, standupLines } from '../layout/standup.js';
import { StyledLines } from '../widgets/BarLine.js';
import type { PaneProps } from './types.js';

const selectWalk = (s: BoardState) => s.standup;

export { clock };

/** The time now, refreshed every second while the pane is shown (one short line changes). */
function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  return now;
}

export function Standup({ width, height }: PaneProps) {
  const model = useBoard(selectModel);
  const schedule = useBoard(selectSchedule);
  const scheduleError = useBoard(selectScheduleError);
  const today = useBoard(selectToday);
  const walk = useBoard(selectWalk);
  const now = useNow();
  const st = useMemo(() => (schedule ? standup(model, schedule, { today }) : null), [model, schedule, today]);
  if (!st) return <StyledLines lines={[[{ text: fit(`no schedule: ${scheduleError ?? 'unknown'}`, width), style: 'over' }]]} width={width} height={height} />;
  const of = st.lanes.length;
  const at = of ? walk.index % of : 0;
  const lane = st.lanes[at]?.lane;
  const layout = standupLines(st, width, lane === undefined ? undefined : { lane, clock: clock(now - walk.since), n: at + 1, of });
  return <StyledLines lines={standupFrame(layout, height, lane)} width={width} height={height} />;
}
