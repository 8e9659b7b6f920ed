// What the everyday commands share: option parsing, reading a plan, checking dates. Every
// failure here is the user's to fix, so it becomes a CliError with a clear message.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { resolve } from 'node:path';
import { CliError, type Io } from './command.js';
import { formatProblem, type LoadedPlan } from '../core/plan/load.js';
import { readPlanFile } from '../core/persist/read-plan.js';
import { isISODate, localToday } from '../core/schedule/dates.js';
import { schedulePlan } from '../core/schedule/scheduler.js';
import { ScheduleError } from '../core/schedule/errors.js';
import type { Schedule } from '../core/schedule/types.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, with its errors turned into usage errors (exit 2). */
/** Parses a command's arguments; with `--help`, prints the usage and returns null (exit 0). */
export function parseCommandArgs<O extends Options>(command: string, args: string[], options: O, usage: string, io: Io) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CliError(`planboard ${command}: ${(e as Error).message.split('\n')[0]}\n${usage}`, 2);
  }
  if ((parsed.values as { help?: boolean }).help) {
    io.out(usage);
    return null;
  }
  return parsed;
}

export function checkDate(command: string, flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isISODate(value)) throw new CliError(`planboard ${command}: bad date for ${flag}: "${value}" (expected a real date YYYY-MM-DD)`, 2);
  return value;
}

export const todayOf = (command: string, value: string | undefined) => checkDate(command, '--today', value) ?? localToday();

export async function loadPlan(command: string, cwd: string, path: string | undefined, usage: string): Promise<LoadedPlan & { path: string }> {
  if (!path) throw new CliError(`planboard ${command}: which plan? ${usage}`, 2);
  const full = resolve(cwd, path);
  const r = await readPlanFile(full);
  if (!r.ok) throw new CliError(r.problems.map(formatProblem).join('\n'), 1);
  return { ...r.plan, path: full };
}

export function checkLane(command: string, plan: LoadedPlan, lane: string | undefined, extra: string[] = []): string | undefined {
  if (lane === undefined) return undefined;
  const known = [...plan.model.lanes.map((l) => l.id), ...extra];
  if (!known.includes(lane)) throw new CliError(`planboard ${command}: unknown lane "${lane}"; lanes: ${known.join(', ') || '(none)'}`, 1);
  return lane;
}

/** Schedules the plan; a cycle or unknown dependency is the user's to fix, not a crash. */
export function scheduleOf(plan: LoadedPlan, today: string, scenario?: string): Schedule {
  try {
    return schedulePlan(plan.model, { today, scenario });
  } catch (e) {
    if (e instanceof ScheduleError) throw new CliError(`${plan.file}: cannot schedule: ${e.message}`, 1);
    throw e;
  }
}

/** Refuses options that would otherwise be silently ignored. */
export function noExtraPositionals(command: string, positionals: string[], max: number, usage: string): void {
  if (positionals.length > max) throw new CliError(`planboard ${command}: unexpected argument "${positionals[max]}"\n${usage}`, 2);
}
