// What the everyday commands share once their arguments are parsed: reading a plan (a file, or
// standard input as `-` for commands that only read), checking lanes, scheduling. Every failure
// here is the user's to fix, so it becomes a CliError with a clear message.
import { resolve } from 'node:path';
import { CliError, type Io } from './command.js';
import { formatProblem, type LoadedPlan } from '../core/plan/loaded-plan.js';
import { readPlanText } from './plan-text.js';
import { readPlanFile } from '../core/persist/read-plan.js';
import { schedulePlan } from '../core/schedule/scheduler.js';
import { ScheduleError } from '../core/schedule/errors.js';
import type { Schedule, ScheduleOptions } from '../core/schedule/types.js';
import { didYouMean } from '../core/plan/suggest.js';

import { STDIN_NAME } from './command.js';

/**
 * Reads and checks the plan named `path` (as typed; `-` reads standard input). Problems name the
 * file as the user typed it, with line and column; exit 1.
 */
export async function loadPlan(command: string, io: Io, path: string): Promise<LoadedPlan & { path: string }> {
  if (path === '-') {
    if (!io.readStdin) throw new CliError(`planboard ${command}: cannot read a plan from standard input here`, 2);
    const r = await readPlanText(await io.readStdin(), STDIN_NAME);
    if (!r.ok) throw new CliError(r.problems.map(formatProblem).join('\n'), 1);
    return Object.assign(r.plan, { path: STDIN_NAME });
  }
  const full = resolve(io.cwd, path);
  const r = await readPlanFile(full, readPlanText);
  if (!r.ok) throw new CliError(r.problems.map((p) => formatProblem({ ...p, file: p.file === full ? path : p.file })).join('\n'), 1);
  // The loaded plan itself, not a spread copy: a spread would build its lazy YAML Document (about
  // 20× the fast read) and lose its fast-path identity.
  return Object.assign(r.plan, { file: path, path: full });
}

export function checkLane(command: string, plan: LoadedPlan, lane: string | undefined, extra: string[] = []): string | undefined {
  if (lane === undefined) return undefined;
  const known = [...plan.model.lanes.map((l) => l.id), ...extra];
  if (!known.includes(lane)) throw new CliError(`planboard ${command}: unknown lane "${lane}"${didYouMean(lane, known)}; lanes: ${known.join(', ') || '(none)'}`, 1);
  return lane;
}

export function checkScenario(command: string, plan: LoadedPlan, scenario: string | undefined): string | undefined {
  if (scenario === undefined) return undefined;
  const ids = (plan.data.scenarios ?? []).map((s) => s.id);
  if (!ids.includes(scenario)) throw new CliError(`planboard ${command}: unknown scenario "${scenario}"${didYouMean(scenario, ids)}; scenarios: ${ids.join(', ') || '(none)'}`, 1);
  return scenario;
}

/** Schedules the plan; a cycle or unknown dependency is the user's to fix, not a crash. */
export function scheduleOf(plan: LoadedPlan & { path?: string }, today: string, scenario?: string | ScheduleOptions): Schedule {
  const opts: ScheduleOptions = typeof scenario === 'object' ? scenario : { today, scenario };
  try {
    return schedulePlan(plan.model, { ...opts, today });
  } catch (e) {
    if (e instanceof ScheduleError) throw new CliError(`${plan.file}: cannot schedule: ${e.message}`, 1);
    throw e;
  }
}
