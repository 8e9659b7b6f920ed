// schedulePlan: estimates → dependency graph → sprint floors and sizes (sprint-work.ts) → three
// forward passes (expected, optimistic, pessimistic) → backward passes → per-issue results,
// sprints and milestone forecasts. preparePasses holds what every pass shares, so the Monte
// Carlo forecast (forecast-mc.ts) runs its samples through the very same passes.
// Deterministic for a given model and options.
import type { Model } from '../plan/model.js';
import { calendarFor } from './calendar.js';
import { formatISODate, parseISODate, type DayNum } from './dates.js';
import { ScheduleError } from './errors.js';
import { estimateWork, observedVelocity } from './estimates.js';
import { fixedRankOf, forwardPass, type PassInput, type PassResult } from './forward.js';
import { LaneDayHours, PassBuffers } from './pass-buffers.js';
import { backwardPass, drivingChain } from './backward.js';
import { buildGraph } from './graph.js';
import { milestoneIssues } from './milestones.js';
import { forecastMilestones } from './forecast.js';
import { sprintSpans } from './sprints.js';
import { sprintWork } from './sprint-work.js';
import { UNASSIGNED, type Schedule, type ScheduledIssue, type ScheduleOptions } from './types.js';

type SharedInput = Omit<PassInput, 'remaining' | 'externals' | 'record'>;

/**
 * One pass's input, as a class rather than an object literal: V8 gives a literal's fields a looser
 * type the second time it is made, which threw away the forward pass's optimised code mid-run.
 */
class PassRun implements PassInput {
  readonly cal: PassInput['cal'];
  readonly graph: PassInput['graph'];
  readonly today: number;
  readonly lanes: string[];
  readonly laneOf: Int32Array;
  readonly done: Uint8Array;
  readonly inProgress: Uint8Array;
  readonly scenarioRank: Float64Array;
  readonly sprintRank?: Float64Array;
  readonly sprintIndex?: Float64Array;
  readonly notBefore?: Float64Array;
  readonly priorityRank: Float64Array;
  readonly deadlineOrd: Float64Array;
  readonly laneRate: Float64Array;
  readonly lanePace: Float64Array;
  readonly freezes: PassInput['freezes'];
  readonly horizonDays: number;
  readonly fixedRank?: Float64Array | null;
  readonly laneHours?: LaneDayHours;
  constructor(
    s: SharedInput,
    readonly remaining: Float64Array,
    readonly externals: PassInput['externals'],
    readonly record: boolean,
  ) {
    this.cal = s.cal;
    this.graph = s.graph;
    this.today = s.today;
    this.lanes = s.lanes;
    this.laneOf = s.laneOf;
    this.done = s.done;
    this.inProgress = s.inProgress;
    this.scenarioRank = s.scenarioRank;
    this.sprintRank = s.sprintRank;
    this.sprintIndex = s.sprintIndex;
    this.notBefore = s.notBefore;
    this.priorityRank = s.priorityRank;
    this.deadlineOrd = s.deadlineOrd;
    this.laneRate = s.laneRate;
    this.lanePace = s.lanePace;
    this.freezes = s.freezes;
    this.horizonDays = s.horizonDays;
    this.fixedRank = s.fixedRank;
    this.laneHours = s.laneHours;
  }
}

/** Days the forward pass keeps trying before it calls an issue unschedulable (a lane with no hours). */
const HORIZON_DAYS = 366 * 30;

export type PreparedPasses = ReturnType<typeof buildPasses>;

// The last few preparations per model: `schedule` and its Monte Carlo forecast (and the capacity
// pane's) prepare the same plan with the same options. Models are immutable snapshots.
const prepared = new WeakMap<Model, Map<string, PreparedPasses>>();

/**
 * Everything the passes share: built once, then any number of passes (the Monte Carlo runs many).
 * Shared between callers with the same model and options: treat it as read-only (copy `notes`).
 */
export function preparePasses(model: Model, opts: ScheduleOptions): PreparedPasses {
  const key = JSON.stringify([opts.today, opts.scenario ?? null, opts.velocity ?? false]);
  let byKey = prepared.get(model);
  const hit = byKey?.get(key);
  if (hit) return hit;
  const p = buildPasses(model, opts);
  if (!byKey) prepared.set(model, (byKey = new Map()));
  if (byKey.size >= 4) byKey.delete(byKey.keys().next().value!);
  byKey.set(key, p);
  return p;
}

function buildPasses(model: Model, opts: ScheduleOptions) {
  const today = parseISODate(opts.today);
  const cal = calendarFor(model);
  const work = estimateWork(model);
  const graph = buildGraph(model, work);
  const n = model.issues.length;
  const notes: string[] = [];

  // Lanes: the plan's, then any the scenario or issues name that the plan does not define,
  // then UNASSIGNED. Undefined lanes work full time, and the notes say so.
  const lanes = model.lanes.map((l) => l.id);
  const laneIndex = new Map(lanes.map((id, i) => [id, i]));
  // biome-ignore lint/correctness/noComponentHookFactories: not a React hook, the lane to use
  const useLane = (id: string) => {
    let i = laneIndex.get(id);
    if (i === undefined) {
      i = lanes.length;
      lanes.push(id);
      laneIndex.set(id, i);
      cal.addFullTimeLane(id);
      if (id !== UNASSIGNED) notes.push(`lane "${id}" is not defined in the plan: scheduled as full time`);
    }
    return i;
  };
  const scenarioRank = new Float64Array(n).fill(Infinity);
  const scenarioLane = new Map<string, string>();
  const rhythm = new Map<string, string>();
  const continuous: number[] = [];
  if (opts.scenario !== undefined) {
    const sc = (model.data.scenarios ?? []).find((s) => s.id === opts.scenario);
    if (!sc) {
      const known = (model.data.scenarios ?? []).map((s) => s.id);
      throw new ScheduleError(
        `unknown scenario "${opts.scenario}"${known.length ? ` (the plan has: ${known.join(', ')})` : ' (the plan has none)'}`,
        [opts.scenario],
      );
    }
    for (const [lane, ids] of Object.entries(sc.assign)) {
      ids.forEach((id, k) => {
        if (!model.byId.has(id)) throw new ScheduleError(`scenario "${sc.id}" assigns unknown issue "${id}"`, [id]);
        scenarioLane.set(id, lane);
        scenarioRank[model.byId.get(id)!.index] = k;
      });
    }
    for (const [sprint, ids] of Object.entries(sc.rhythm ?? {})) {
      for (const id of ids) {
        if (!model.byId.has(id)) throw new ScheduleError(`scenario "${sc.id}" puts unknown issue "${id}" in ${sprint}`, [id]);
        rhythm.set(id, sprint);
      }
    }
    for (const id of sc.continuous ?? []) {
      const issue = model.byId.get(id);
      if (!issue) throw new ScheduleError(`scenario "${sc.id}" runs unknown issue "${id}" continuously`, [id]);
      continuous.push(issue.index);
    }
  }
  const laneOf = new Int32Array(n);
  let unassigned = 0;
  model.issues.forEach((issue, i) => {
    const lane = scenarioLane.get(issue.id) ?? issue.lane;
    if (lane === undefined && !issue.done) unassigned++;
    laneOf[i] = useLane(lane ?? UNASSIGNED);
  });
  if (unassigned > 0) notes.push(`${unassigned} open issue(s) have no lane: booked on "${UNASSIGNED}" at full time`);

  const done = Uint8Array.from(model.issues, (x) => (x.done ? 1 : 0));
  const inProgress = Uint8Array.from(work, (w) => (w.inProgress ? 1 : 0));
  // No (or an unknown) priority sits in the middle of the list, as TaskJuggler's default 500 does.
  const priorityRank = Float64Array.from(model.issues, (x) => {
    const r = x.priority === undefined ? -1 : model.priorities.indexOf(x.priority);
    return r < 0 ? (model.priorities.length - 1) / 2 : r;
  });
  const freezes = model.issues.map((x) => {
    const f = cal.freezesFor(x);
    return f.length > 0 ? f : undefined;
  });
  let factor = 1;
  if (opts.velocity) {
    const v = observedVelocity(model, work);
    if (v) {
      factor = v.ratio;
      notes.push(`velocity ${v.ratio.toFixed(2)} (actual ÷ estimated over ${v.issues} done issue(s)) applied to remaining work`);
    } else notes.push('velocity not applied: no done issue has both an estimate and logged hours');
  }

  const sw = sprintWork(model, cal, work, { today, laneOf, lanes, rhythm, factor, skip: new Set(continuous) });
  const isContinuous = new Uint8Array(n);
  for (const i of continuous) isContinuous[i] = 1;
  if (continuous.length > 0) {
    notes.push(`running alongside the rest of the work, from the first sprint to the finish: ${continuous.map((i) => model.issues[i].id).join(', ')}`);
  }
  const unest = work.map((w, i) => w.unestimated && !done[i] && w.epicOf === undefined);
  const unestimatedOpen = unest.filter(Boolean).length;
  const sized = unest.filter((u, i) => u && sw.assumed[i] > 0).length;
  const assumption = unestimatedOpen === 0 ? '' : unestimatedAssumption(sized, unestimatedOpen - sized);
  if (unestimatedOpen > 0) notes.push(`${unestimatedOpen} open issue(s) have no estimate: ${assumption}`);
  notes.push(...sw.notes);

  // Deadlines per issue: the earliest deadline among the milestones that cover it.
  const covered = milestoneIssues(model);
  const deadline = new Float64Array(n).fill(NaN);
  for (const m of model.milestones) {
    if (!m.deadline) continue;
    const day = parseISODate(m.deadline);
    for (const i of covered.get(m.id) ?? []) if (!(deadline[i] <= day)) deadline[i] = day;
  }
  const deadlineOrd = Float64Array.from(deadline, (d) => (Number.isNaN(d) ? NaN : cal.ordinal(d + 1)));
  const firstDay = cal.nextWorkingDay(today);
  const laneRate = Float64Array.from(lanes, (id) => cal.laneRate(id, firstDay));
  const lanePace = Float64Array.from(lanes, (id) => cal.lanePace(id, firstDay));

  const externals = model.issues.map((x) => (x.external.some((e) => !e.done) ? x.external.filter((e) => !e.done) : undefined));
  const expRemaining = Float64Array.from(work, (w, i) =>
    isContinuous[i] ? 0 : sw.assumed[i] >= 0 ? sw.assumed[i] : w.remaining.expected * factor,
  );
  const sprintIndex = Float64Array.from(sw.sprintOf, (k) => (k < 0 ? Infinity : k));
  const continuousFrom = cal.nextWorkingDay(Math.max(today, firstSprintDay(sw, continuous)));
  // Built once per key: the Monte Carlo runs a pass per sample.
  const leads = new Map<string, PassInput['externals']>();
  const leadDays = (key: 'min' | 'expected' | 'max') => {
    let v = leads.get(key);
    if (!v) {
      v = externals.map((list) =>
        list?.map((e) => ({ leadDays: e.lead[key] / model.hoursPerDay, since: e.since ? parseISODate(e.since) : undefined })),
      );
      leads.set(key, v);
    }
    return v;
  };
  const fixedRank = fixedRankOf({ sprintIndex, scenarioRank, sprintRank: sw.rank, priorityRank }, n);
  const laneHours = new LaneDayHours(cal, lanes, today);
  /**
   * One levelled forward pass over the given hours per issue (and external lead times). With
   * `buffers` the result lives in them (the Monte Carlo reads each pass before the next).
   */
  const shared: SharedInput = {
    cal, graph, today, lanes, laneOf, done, inProgress, scenarioRank, sprintRank: sw.rank, sprintIndex, notBefore: sw.notBefore,
    priorityRank, deadlineOrd, laneRate, lanePace, freezes, horizonDays: HORIZON_DAYS, fixedRank, laneHours,
  };
  const runPass = (remaining: Float64Array, lead: 'min' | 'expected' | 'max', record: boolean, buffers?: PassBuffers): PassResult => {
    const input = new PassRun(shared, remaining, leadDays(lead), record);
    // Always with buffers (fresh ones unless given): the pass then runs the same code for the
    // schedule's passes and the forecast's, and V8's optimised code for it stays valid.
    return stretchContinuous(forwardPass(input, buffers ?? new PassBuffers(n, lanes.length)), continuous, done, continuousFrom);
  };
  /** Hours per issue for a pass: sprint shares and continuous issues fixed, the rest from `hours`. */
  const hoursFor = (hours: (i: number) => number) =>
    Float64Array.from(work, (_, i) => (isContinuous[i] ? 0 : sw.assumed[i] >= 0 ? sw.assumed[i] : hours(i)));
  return {
    today, cal, graph, work, n, notes, lanes, laneOf, done, inProgress, factor, sw, unassigned,
    unestimatedOpen, sized, assumption, covered, deadline, expRemaining, runPass, hoursFor, laneHours,
  };
}

export function schedulePlan(model: Model, opts: ScheduleOptions): Schedule {
  const p = preparePasses(model, opts);
  const { today, cal, graph, work, n, lanes, laneOf, done, inProgress, factor, sw, unassigned } = p;
  const notes = [...p.notes];
  const { unestimatedOpen, sized, assumption, covered, deadline, expRemaining } = p;
  const fmt = (d: number) => (Number.isNaN(d) ? null : formatISODate(d));
  const variant = (key: 'min' | 'expected' | 'max', record: boolean): PassResult =>
    p.runPass(key === 'expected' ? expRemaining : p.hoursFor((i) => work[i].remaining[key] * factor), key, record);
  const exp = variant('expected', true);
  const opt = variant('min', false);
  const pes = variant('max', false);
  if (exp.unfinished.length > 0) {
    const ids = exp.unfinished.slice(0, 10).map((i) => model.issues[i].id);
    notes.push(
      `${exp.unfinished.length} issue(s) cannot finish within ${Math.round(HORIZON_DAYS / 366)} years (a lane without hours?): ${ids.join(', ')}${exp.unfinished.length > 10 ? ', …' : ''}`,
    );
  }

  let finish = -Infinity;
  for (let i = 0; i < n; i++) if (!done[i] && !Number.isNaN(exp.end[i])) finish = Math.max(finish, exp.end[i]);
  const finishDay: DayNum = finish === -Infinity ? today : finish;

  const base = { cal, graph, pass: exp, laneOf, done, inProgress };
  // Slack against deadlines (the plan finish where none applies), and float against the finish
  // alone, which finds the longest chain even when every deadline is far away.
  const toDeadline = backwardPass({ ...base, cap: (i) => deadline[i], fallback: finishDay });
  const toFinish = backwardPass({ ...base, cap: () => NaN, fallback: finishDay });
  // Without a single estimate the computed chain is an artefact of tie-breaks: the plan's own
  // critical path (calendar.critical_path, else its sprints' critical lists) is the one shown.
  const estimated = work.some((w, i) => !done[i] && !w.unestimated && w.epicOf === undefined);
  const declared = estimated ? null : declaredCriticalPath(model, done);
  const chain = declared ?? drivingChain(exp, done);
  const onChain = new Set(chain);
  if (declared) notes.push('no estimates: the critical path shown is the one the plan declares');

  const issues: ScheduledIssue[] = model.issues.map((issue, i) => {
    const blockedBy = issue.deps.filter((d) => !model.byId.get(d.id)?.done).map((d) => d.id);
    if (done[i]) {
      return {
        id: issue.id,
        lane: lanes[laneOf[i]],
        start: issue.started ?? null,
        end: issue.doneOn ?? null,
        optimisticEnd: issue.doneOn ?? null,
        pessimisticEnd: issue.doneOn ?? null,
        remainingHours: 0,
        unestimated: work[i].unestimated,
        latestFinish: null,
        slackDays: null,
        critical: false,
        blockedBy,
      };
    }
    const slack = toDeadline.slack[i];
    return {
      id: issue.id,
      lane: lanes[laneOf[i]],
      start: fmt(exp.start[i]),
      end: fmt(exp.end[i]),
      optimisticEnd: fmt(opt.end[i]),
      pessimisticEnd: fmt(pes.end[i]),
      remainingHours: sw.assumed[i] >= 0 ? sw.assumed[i] : work[i].remaining.expected * factor,
      unestimated: work[i].unestimated,
      ...(sw.assumed[i] >= 0 ? { assumedHours: sw.assumed[i] } : {}),
      ...(sw.sprintOf[i] >= 0 ? { sprint: sw.spans[sw.sprintOf[i]].name } : {}),
      latestFinish: fmt(toDeadline.latestFinish[i]),
      slackDays: Number.isNaN(slack) ? null : slack,
      critical: declared ? onChain.has(i) : onChain.has(i) || slack <= 0 || toFinish.slack[i] <= 0,
      blockedBy,
    };
  });

  const booked = new Map<string, Map<string, number>>();
  lanes.forEach((id, l) => {
    const days = new Map<string, number>();
    for (const [d, h] of exp.booked[l]) days.set(formatISODate(d), h);
    booked.set(id, days);
  });
  const usedLanes = lanes.filter((id, l) => id !== UNASSIGNED || exp.booked[l].size > 0 || unassigned > 0);
  const finishIso = finish === -Infinity ? null : formatISODate(finish);

  const schedule: Schedule = {
    today: formatISODate(today),
    ...(opts.scenario !== undefined ? { scenario: opts.scenario } : {}),
    issues,
    byId: new Map(issues.map((x) => [x.id, x])),
    sprints: sprintSpans(model, formatISODate(Math.max(finishDay, today))),
    milestones: [],
    lanes: usedLanes,
    booked,
    finish: finishIso,
    criticalPath: chain.map((i) => model.issues[i].id),
    criticalSource: declared ? 'declared' : 'computed',
    startOrder: startOrder(exp, done, expRemaining).map((i) => model.issues[i].id),
    unestimated: { open: unestimatedOpen, sized, assumption },
    notes,
  };
  schedule.milestones = forecastMilestones({ model, cal, today, work, covered, exp, opt, pes, laneOf, lanes, factor, booked: expRemaining, laneHours: p.laneHours });
  return schedule;
}

/** What the schedule assumed for open issues with no estimate, in words. */
function unestimatedAssumption(sized: number, zero: number): string {
  const parts: string[] = [];
  if (sized > 0) parts.push(`${sized} sized from their sprint (each lane's sprint hours shared equally)`);
  if (zero > 0) parts.push(`${sized > 0 ? `${zero} ` : ''}booked as 0h`);
  return parts.join('; ');
}

/** The plan's declared critical path among open issues: calendar.critical_path, else the sprints' critical lists in order. */
function declaredCriticalPath(model: Model, done: Uint8Array): number[] | null {
  const cal = model.data.calendar;
  const ids = cal?.critical_path?.length ? cal.critical_path : (cal?.sprints?.list ?? []).flatMap((s) => s.critical ?? []);
  const out: number[] = [];
  for (const id of ids) {
    const issue = model.byId.get(id);
    if (issue && !done[issue.index] && !out.includes(issue.index)) out.push(issue.index);
  }
  return out.length > 0 ? out : null;
}

/** Open issues with hours, in the order the pass started them. */
function startOrder(pass: PassResult, done: Uint8Array, hours: Float64Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < pass.seq.length; i++) if (!done[i] && hours[i] > 0 && pass.seq[i] >= 0) out.push(i);
  return out.sort((a, b) => pass.seq[a] - pass.seq[b]);
}

/** First day of the earliest sprint any issue (other than those listed) is planned in; -Infinity without sprints. */
function firstSprintDay(sw: { notBefore: Float64Array }, skip: number[]): number {
  let first = Infinity;
  sw.notBefore.forEach((d, i) => {
    if (d < first && !skip.includes(i)) first = d;
  });
  return first === Infinity ? -Infinity : first;
}

/**
 * Issues that run continuously (a scenario's `continuous`, "en flux continu") book no hours of
 * their own: they span from the first sprint's first day to the last other issue's end.
 */
function stretchContinuous(pass: PassResult, ids: number[], done: Uint8Array, from: number): PassResult {
  if (ids.length === 0) return pass;
  let last = -Infinity;
  for (let i = 0; i < pass.end.length; i++) if (!done[i] && !ids.includes(i) && pass.end[i] > last) last = pass.end[i];
  for (const i of ids) {
    if (done[i]) continue;
    pass.start[i] = from;
    pass.end[i] = Math.max(last === -Infinity ? from : last, pass.start[i]);
  }
  return pass;
}
