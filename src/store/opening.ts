// Where the cursor opens: on work in progress, not on the first (often finished) issue in the file.
import type { Model } from '../core/plan/model.js';
import { isInProgress } from '../core/schedule/estimates.js';

/**
 * The first issue in progress in the user's own lane (a lane whose id or name is the login name),
 * else the first in progress anywhere, else the first unfinished issue (in the user's lane first),
 * else the first issue.
 */
export function openingSelection(model: Model, user?: string): string | null {
  const u = user?.toLowerCase();
  const mine = u ? model.lanes.find((l) => l.id.toLowerCase() === u || l.name.toLowerCase() === u)?.id : undefined;
  const open = model.issues.filter((i) => !i.done);
  const active = open.filter((i) => isInProgress(model, i));
  const pick =
    (mine && active.find((i) => i.lane === mine)) ||
    active[0] ||
    (mine && open.find((i) => i.lane === mine)) ||
    open[0] ||
    model.issues[0];
  return pick?.id ?? null;
}
