// The odds the capacity pane shows (Monte Carlo, at most 500 samples, fewer on big plans, so an
// edit stays quick), for the board and for static output alike.
import type { Model } from '../../core/plan/model.js';
import { defaultSamples, monteCarlo, type MilestoneOdds } from '../../core/schedule/forecast-mc.js';
import type { Schedule } from '../../core/schedule/types.js';

export function paneOdds(model: Model, schedule: Schedule | null, today: string, scenario: string | undefined): MilestoneOdds[] {
  if (!schedule) return [];
  try {
    return monteCarlo(model, { today, ...(scenario !== undefined ? { scenario } : {}), samples: Math.min(500, defaultSamples(model)), seed: 1 }).milestones;
  } catch {
    return [];
  }
}
