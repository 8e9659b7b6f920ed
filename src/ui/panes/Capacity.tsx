// Capacity: hours available against planned per lane and period, the milestone forecasts, and
// each scenario's finish. Layout is pure (src/ui/layout/capacity.ts).
import { useMemo } from 'react';
import {
  selectCapacity,
  selectCapacityPeriod,
  selectModel,
  selectScenario,
  selectScenarioFinishes,
  selectSchedule,
  selectScheduleError,
  selectToday,
} from '../../store/selectors.js';
import { useBoard } from '../store-context.js';
import { layoutCapacity } from '../layout/capacity.js';
import { unestimatedHeader } from '../layout/unestimated.js';
import { paneOdds } from '../layout/capacity-odds.js';
import { StyledLines } from '../widgets/BarLine.js';
import type { PaneProps } from './types.js';

export function Capacity({ width, height }: PaneProps) {
  const model = useBoard(selectModel);
  const schedule = useBoard(selectSchedule);
  const scheduleError = useBoard(selectScheduleError);
  const capacity = useBoard(selectCapacity);
  const period = useBoard(selectCapacityPeriod);
  const scenario = useBoard(selectScenario);
  const today = useBoard(selectToday);
  const periodOffset = useBoard((s) => s.capacityScroll);
  const scenarios = useBoard(selectScenarioFinishes);
  // The odds only when the pane is shown; at most 500 samples (fewer on big plans) so an edit stays quick.
  const odds = useMemo(() => paneOdds(model, schedule, today, scenario), [model, schedule, today, scenario]);
  const lines = useMemo(
    () =>
      layoutCapacity({ model, capacity, milestones: schedule?.milestones ?? [], period, today, scenarios, scenario, width, height, scheduleError, periodOffset, unestimated: unestimatedHeader(schedule), odds }),
    [model, capacity, schedule, period, today, scenarios, scenario, width, height, scheduleError, periodOffset, odds],
  );
  return <StyledLines lines={lines} width={width} height={height} />;
}
