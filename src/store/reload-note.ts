// What another session's save brought, in issues (a tick is one change, though it sets two fields).
import type { PlanData } from '../core/plan/model.js';
import { diffPlans } from '../core/persist/rebase.js';
import { opTarget } from '../core/ops/index.js';

const SHOWN = 3;

export function describeReload(before: PlanData, after: PlanData, who = 'another session'): string {
  const ids = [...new Set(diffPlans(before, after).map(opTarget))];
  if (ids.length === 0) return `no issue changes by ${who}`;
  const named = ids.slice(0, SHOWN).join(', ') + (ids.length > SHOWN ? ', …' : '');
  return `${ids.length} change${ids.length === 1 ? '' : 's'} by ${who} (${named})`;
}
