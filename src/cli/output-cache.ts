// A read-only command's JSON, printed again from the cache when nothing it was computed from has
// changed: the build, the command and its options, the plan's path and text, and "today". The
// Monte Carlo odds are most of what `schedule --json` costs; a script or a status line asking
// again about the same plan the same day gets the same bytes at once. Off when run from source
// (no build id) and with PLANBOARD_NO_CACHE=1; trusted only as plan-cache.ts trusts entries.
import { outputCacheKey, planCacheDir, readCachedOutput, writeCachedOutput } from '../core/persist/plan-cache.js';
import { BUILD_ID } from './build-id.js';

export function cachedOutput(plan: { path: string; text: string }, parts: readonly string[], compute: () => string, build = BUILD_ID, dir = planCacheDir()): string {
  if (build === undefined || dir === undefined) return compute();
  const key = outputCacheKey([...parts, plan.path], plan.text);
  const hit = readCachedOutput(dir, key, build);
  if (hit !== undefined) return hit;
  const out = compute();
  writeCachedOutput(dir, key, build, out);
  return out;
}
