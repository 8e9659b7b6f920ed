// The plan format's patterns and defaults, without zod: the fast read, the model and the
// scheduler need these on every command, and zod (about 770 KB) loads only for the precise read.
// schema.ts builds the zod schema from them and re-exports them.

/** Calendar date, YYYY-MM-DD. Never an instant. */
export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
/** `2h`, `1.5d`, `1w`, `3-5d`, `2-4w`. A bare number means days. */
export const DURATION_RE = /^\s*(\d+(?:\.\d+)?)\s*(?:-\s*(\d+(?:\.\d+)?)\s*)?(h|d|w)?\s*$/;
/** `8h/w`, `6h/d`, or a bare number of hours per week. */
export const CAPACITY_RE = /^\s*(\d+(?:\.\d+)?)\s*h?\s*\/\s*(w|d)\s*$/;
/** A capacity written as a bare number of hours per week. */
export const BARE_CAPACITY_RE = /^\s*\d+(\.\d+)?\s*$/;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const LANE_KINDS = ['person', 'track', 'team'] as const;
export const MILESTONE_KINDS = ['quarter', 'release', 'checkpoint', 'gate'] as const;
export const GROUP_KINDS = ['phase', 'epic', 'quarter', 'section'] as const;

export const DEFAULT_STATUSES = ['backlog', 'todo', 'in-progress', 'review', 'done'] as const;
export const DEFAULT_PRIORITIES = ['critical', 'high', 'medium', 'low'] as const;
export const DEFAULT_WORKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
export const DEFAULT_HOURS_PER_DAY = 8;
/** The status that means finished. Configurable status lists must contain it. */
export const DONE = 'done';
