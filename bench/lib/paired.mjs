// Processes timed side by side: A and its reference B in alternation (A B, B A, A B, …), so that
// what else runs on a shared machine weighs on both alike. The figure is the median of the
// per-pair ratios A ÷ B, with the middle half of the ratios as its spread.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { median } from './timing.mjs';

/** Wall time (ms) of one process `[cmd, args, { env }]`; fails loudly when it fails. */
export function timeProcess([cmd, args, opts = {}]) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], ...opts });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/** A against B, `pairs` times in alternation after one warm-up run each. */
export function paired(a, b, pairs) {
  timeProcess(a);
  timeProcess(b);
  const as = [];
  const bs = [];
  const rs = [];
  for (let i = 0; i < pairs; i++) {
    const [ta, tb] = i % 2 === 0 ? [timeProcess(a), timeProcess(b)] : [timeProcess(b), timeProcess(a)].reverse();
    as.push(ta);
    bs.push(tb);
    rs.push(ta / tb);
  }
  const s = [...rs].sort((x, y) => x - y);
  return { a: median(as), b: median(bs), ratio: median(rs), spread: [s[Math.floor(s.length / 4)], s[Math.floor((3 * s.length) / 4)]] };
}
