// The scheduling engine: pure functions from a plan model to dates, capacity and forecasts.
export * from './types.js';
export { ScheduleError } from './errors.js';
export { schedulePlan } from './scheduler.js';
export { capacityByPeriod } from './capacity.js';
export { calendarFor, isWorkingDay, addWorkingDays, workingDaysBetween, laneHoursOn } from './calendar.js';
export { sprintSpans } from './sprints.js';
export { estimateWork } from './estimates.js';
export { parseISODate, formatISODate, localToday } from './dates.js';
export { monteCarlo, defaultSamples, type MonteCarloForecast } from './forecast-mc.js';
