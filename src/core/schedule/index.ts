// The scheduling engine: pure functions from a plan model to dates, capacity and forecasts.
export * from './types.js';
export { ScheduleError } from './errors.js';
export { schedulePlan } from './scheduler.js';
export { capacityByPeriod, periodOf, periodsBetween, type PeriodSpan } from './capacity.js';
export {
  WorkCalendar,
  calendarFor,
  isWorkingDay,
  addWorkingDays,
  workingDaysBetween,
  laneHoursOn,
} from './calendar.js';
export { sprintSpans } from './sprints.js';
export { estimateWork, observedVelocity, isInProgress, type Work } from './estimates.js';
export { milestoneIssues } from './milestones.js';
export { parseISODate, formatISODate, isISODate, localToday, addDays, weekdayOf, isoWeek, type DayNum } from './dates.js';
export { monteCarlo, defaultSamples, type MonteCarloForecast, type MilestoneOdds, type LandingOdds, type MonteCarloOptions } from './forecast-mc.js';
