// The Monte Carlo forecast on two threads: a worker takes samples while this thread schedules the
// plan, then this thread takes what is left. Samples are claimed one at a time from a shared
// counter and written into shared memory; each sample's draws depend on (seed, sample) only
// (forecast-mc.ts), so the odds are the same whoever ran which sample.
// It cannot hang or fail the command: when the work is done here, any sample the worker has not
// finished (it is slow to start, busy, or failed to load) is run on this thread too (the same
// numbers), and the worker is stopped; the worker never keeps the process alive.
// The worker is this very module (the same file in dist/), started with a marker in workerData.
import { isMainThread, Worker, workerData } from 'node:worker_threads';
import { buildModel, type Model, type PlanData } from '../core/plan/model.js';
import { forecastRun, type ForecastRun, type MonteCarloForecast, type MonteCarloOptions } from '../core/schedule/forecast-mc.js';

const MARK = 'planboard-forecast-worker';
/** Below this many issue-samples the forecast takes a few milliseconds: no thread is worth starting. */
const WORTH_A_THREAD = 20_000;

interface Shared {
  mark: typeof MARK;
  data: PlanData;
  opts: MonteCarloOptions;
  /** Float64 landing days, samples × width. */
  out: SharedArrayBuffer;
  /** Int32: [0] the next sample to claim, [1 + k] 1 once sample k is written. */
  ctl: SharedArrayBuffer;
}

/** Claims samples from the shared counter and runs them until none is left. */
function take(run: ForecastRun, out: Float64Array, ctl: Int32Array): void {
  for (;;) {
    const k = Atomics.add(ctl, 0, 1);
    if (k >= run.samples) return;
    run.run(k, out);
    Atomics.store(ctl, 1 + k, 1);
  }
}

if (!isMainThread && (workerData as Shared | null)?.mark === MARK) {
  const w = workerData as Shared;
  take(forecastRun(buildModel(w.data), w.opts), new Float64Array(w.out), new Int32Array(w.ctl));
}

export interface ForecastJob {
  /** Runs what is left on this thread and returns the forecast. */
  finish(): MonteCarloForecast;
}

/**
 * Starts the forecast of `model` (read from `data`): a worker begins at once when the forecast is
 * big enough; `finish()` completes it. A ScheduleError from the plan is thrown by `finish()`.
 * PLANBOARD_FORECAST_THREADS=1 keeps it on this thread.
 */
export function startForecast(model: Model, data: PlanData, opts: MonteCarloOptions): ForecastJob {
  let run: ForecastRun;
  try {
    run = forecastRun(model, opts);
  } catch (e) {
    return {
      finish: () => {
        throw e;
      },
    };
  }
  const out = new Float64Array(new SharedArrayBuffer(run.samples * run.width * 8));
  const ctl = new Int32Array(new SharedArrayBuffer(4 * (1 + run.samples)));
  const open = model.issues.reduce((k, x) => k + (x.done ? 0 : 1), 0);
  let worker: Worker | null = null;
  if (process.env.PLANBOARD_FORECAST_THREADS !== '1' && open * run.samples >= WORTH_A_THREAD) {
    try {
      const shared: Shared = { mark: MARK, data, opts: { today: opts.today, scenario: opts.scenario, velocity: opts.velocity, samples: run.samples, seed: run.seed }, out: out.buffer as SharedArrayBuffer, ctl: ctl.buffer as SharedArrayBuffer };
      worker = new Worker(new URL(import.meta.url), { workerData: shared, stdout: true, stderr: true });
      worker.on('error', () => {}); // its samples are run here instead
      worker.unref();
    } catch {
      worker = null;
    }
  }
  return {
    finish() {
      take(run, out, ctl);
      for (let k = 0; k < run.samples; k++) if (Atomics.load(ctl, 1 + k) === 0) run.run(k, out);
      if (worker) void worker.terminate().catch(() => {});
      return run.summarize(out);
    },
  };
}
