// The odds of landing: a Monte Carlo forecast over the same levelled engine.
// Each sample draws every open issue's total work from its estimate's range (triangular: min,
// expected as the mode, max) and multiplies it by a ratio drawn from its lane's history of
// actual ÷ estimated hours on done issues (evidence-based scheduling, as FogBugz did; a lane
// without history uses the plan's, and a plan without any uses 1). Hours already logged come
// off, as in the deterministic schedule. Then the sample is scheduled with the same forward
// pass, and each milestone's landing day recorded. Reported per milestone: the probability of
// landing by its deadline, and the P50 and P85 landing dates; the same for the plan's finish.
// Deterministic for a given seed (mulberry32). Issues sized from their sprint, continuous ones
// and external lead times keep their deterministic values.
// Property: with every range collapsed to a point and no history, every sample is the
// deterministic schedule, so P50 equals the schedule's dates.
import type { Model } from '../plan/model.js';
import { rng } from '../random.js';
import { formatISODate, parseISODate } from './dates.js';
import type { PassResult } from './forward.js';
import { PassBuffers } from './pass-buffers.js';
import { preparePasses } from './scheduler.js';
import type { ISODate, ScheduleOptions } from './types.js';

export interface MonteCarloOptions extends ScheduleOptions {
  /** Number of samples (default: defaultSamples). */
  samples?: number;
  /** Seed of the random draws (default 1). */
  seed?: number;
}

export interface LandingOdds {
  /** Share of samples landing by the deadline (0..1); null without a deadline. */
  probability: number | null;
  p50: ISODate | null;
  p85: ISODate | null;
}

export interface MilestoneOdds extends LandingOdds {
  id: string;
  deadline: ISODate | null;
}

export interface LaneEvidence {
  lane: string;
  /** actual ÷ estimated hours of each done issue with logged hours. */
  ratios: number[];
}

export interface MonteCarloForecast {
  samples: number;
  seed: number;
  milestones: MilestoneOdds[];
  finish: LandingOdds;
  /** Per lane, the history its draws came from (empty: none, the plan's or 1 used). */
  evidence: LaneEvidence[];
}

/**
 * Samples when none are asked for: 1,000, fewer on big plans (about 100,000 issue-samples in
 * all, at least 50) so that a command or an edit stays quick. Always reported with the odds.
 */
export function defaultSamples(model: Model): number {
  const open = model.issues.reduce((k, x) => k + (x.done ? 0 : 1), 0);
  return Math.max(50, Math.min(1000, Math.floor(100_000 / Math.max(1, open))));
}

/** A draw from the triangular distribution on [lo, hi] with mode m. */
export function triangular(u: number, lo: number, m: number, hi: number): number {
  if (hi <= lo) return lo;
  const c = (m - lo) / (hi - lo);
  return u < c ? lo + Math.sqrt(u * (hi - lo) * (m - lo)) : hi - Math.sqrt((1 - u) * (hi - lo) * (hi - m));
}

export function monteCarlo(model: Model, opts: MonteCarloOptions): MonteCarloForecast {
  const samples = Math.max(1, Math.floor(opts.samples ?? defaultSamples(model)));
  const seed = opts.seed ?? 1;
  const p = preparePasses(model, opts);
  const { work, done, laneOf, lanes, covered, n } = p;

  // Evidence per lane: actual ÷ estimate of done issues with logged hours.
  const ratiosByLane: number[][] = lanes.map(() => []);
  const all: number[] = [];
  model.issues.forEach((issue, i) => {
    const est = work[i].estimate?.expected ?? 0;
    if (issue.done && issue.loggedHours > 0 && est > 0) {
      ratiosByLane[laneOf[i]].push(issue.loggedHours / est);
      all.push(issue.loggedHours / est);
    }
  });

  // What varies: open issues with an estimate of their own work (not sized from a sprint), with
  // their range, hours logged and the history their ratio is drawn from.
  const varying: number[] = [];
  for (let i = 0; i < n; i++) {
    if (done[i] || work[i].unestimated || work[i].epicOf !== undefined || !work[i].estimate) continue;
    if (p.sw.assumed[i] >= 0) continue;
    varying.push(i);
  }
  const lo = Float64Array.from(varying, (i) => work[i].estimate!.min);
  const mode = Float64Array.from(varying, (i) => work[i].estimate!.expected);
  const hi = Float64Array.from(varying, (i) => work[i].estimate!.max);
  const logged = Float64Array.from(varying, (i) => model.issues[i].loggedHours);
  const histOf = varying.map((i) => (ratiosByLane[laneOf[i]].length > 0 ? ratiosByLane[laneOf[i]] : all));

  const doneOn = Float64Array.from(model.issues, (x) => (x.done && x.doneOn ? parseISODate(x.doneOn) : -Infinity));
  const ms = model.milestones.map((m) => ({ id: m.id, deadline: m.deadline ?? null, ids: covered.get(m.id) ?? [] }));
  const landed = ms.map(() => new Float64Array(samples));
  const finished = new Float64Array(samples);
  const finishOf = (pass: PassResult, i: number): number => {
    if (done[i]) return doneOn[i];
    const end = pass.end[i];
    if (Number.isNaN(end)) return Infinity;
    return Number.isNaN(pass.extEnd[i]) ? end : Math.max(end, pass.extEnd[i]);
  };
  const random = rng(seed);
  const hours = p.hoursFor((i) => work[i].remaining.expected * p.factor);
  const buffers = new PassBuffers(n, lanes.length); // one set of arrays for every sample's pass
  const over = new Float64Array(n); // when each issue is over in this sample

  for (let k = 0; k < samples; k++) {
    for (let v = 0; v < varying.length; v++) {
      let total = triangular(random(), lo[v], mode[v], hi[v]);
      const hist = histOf[v];
      const u = random(); // drawn even without history, so one lane's history never shifts another's draws
      if (hist.length > 0) total *= hist[Math.min(hist.length - 1, Math.floor(u * hist.length))];
      // The lane's evidence takes the place of --velocity (the same history, per lane).
      hours[varying[v]] = Math.max(0, total - logged[v]);
    }
    const pass = p.runPass(hours, 'expected', false, buffers);
    let last = -Infinity;
    for (let i = 0; i < n; i++) {
      over[i] = finishOf(pass, i);
      if (!done[i]) last = Math.max(last, over[i]);
    }
    finished[k] = last;
    for (let j = 0; j < ms.length; j++) {
      let land = -Infinity;
      for (const i of ms[j].ids) land = Math.max(land, over[i]);
      landed[j][k] = land;
    }
  }

  const odds = (days: Float64Array, deadline: string | null): LandingOdds => {
    const sorted = Float64Array.from(days).sort();
    const at = (q: number) => {
      const d = sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
      return d === Infinity || d === -Infinity ? null : formatISODate(d);
    };
    let probability: number | null = null;
    if (deadline) {
      const dl = parseISODate(deadline);
      let hit = 0;
      for (const d of days) if (d <= dl) hit++;
      probability = hit / days.length;
    }
    return { probability, p50: at(0.5), p85: at(0.85) };
  };

  return {
    samples,
    seed,
    milestones: ms.map((m, j) => ({ id: m.id, deadline: m.deadline, ...odds(landed[j], m.deadline) })),
    finish: odds(finished, model.data.target ?? null),
    evidence: lanes.map((lane, l) => ({ lane, ratios: ratiosByLane[l] })).filter((e) => e.ratios.length > 0),
  };
}
