// The header line that says how many open issues have no estimate and what the schedule assumed.
import type { Schedule } from '../../core/schedule/index.js';
import { MARKS } from '../theme-core.js';

export function unestimatedHeader(schedule: Schedule | null): string | null {
  const u = schedule?.unestimated;
  if (!u || u.open === 0) return null;
  return `${MARKS.unestimated} ${u.open} open issue${u.open === 1 ? ' has' : 's have'} no estimate: ${u.assumption}`;
}
