// The benchmarks' one timing loop: wall time and this process's CPU time (user + system; on a
// shared, busy machine the CPU figure is the steadier one), median of several runs.
import { performance } from 'node:perf_hooks';

/** `--name value` from the command line, or `fallback`. */
export const opt = (name, fallback, args = process.argv.slice(2)) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs f once: [wall ms, its value, cpu ms]. */
export function time(f) {
  const c = process.cpuUsage();
  const t = performance.now();
  const v = f();
  const wall = performance.now() - t;
  const cpu = process.cpuUsage(c);
  return [wall, v, (cpu.user + cpu.system) / 1000];
}

/** Runs f `runs` times: the median and least wall time, the median cpu time and the last value. */
export function timeRuns(f, runs) {
  const times = [];
  const cpus = [];
  let value;
  for (let k = 0; k < runs; k++) {
    const [t, v, c] = time(f);
    times.push(t);
    cpus.push(c);
    value = v;
  }
  return { median: median(times), min: Math.min(...times), cpu: median(cpus), value };
}
