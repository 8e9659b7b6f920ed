// The one seeded PRNG: the Monte Carlo forecast's draws and the benchmarks' generated plans
// (bench/lib/gen-plan.mjs loads it from here).

/** mulberry32: small, fast and good enough for sampling and test data; the same seed gives the same draws. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
