import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';

// Two tiers. `fast` (npm test): unit, property with modest runs, UI; about a minute on 2 cores.
// `slow` (npm run test:all runs both): anything that drives a real terminal (test/e2e), real git,
// tj3, many processes, another Unix user, or takes more than about 2 s: files named *.slow.test.ts(x).
const SLOW = ['test/**/*.slow.test.{ts,tsx}', 'test/e2e/**/*.test.{ts,tsx}'];

// Tests never write into the user's cache of parsed plans (core/persist/plan-cache.ts): every
// process a run starts caches under a directory of its own, removed at the end (test/setup/cache-home.ts).
export const TEST_CACHE_HOME = join(tmpdir(), `pb-test-cache-${process.pid}`);

export default defineConfig({
  test: {
    // Dates are calendar dates: tests must pass in any zone, so CI runs them away from UTC.
    env: { TZ: 'Pacific/Kiritimati', XDG_CACHE_HOME: TEST_CACHE_HOME },
    globalSetup: ['./test/setup/cache-home.ts'],
    testTimeout: 20000,
    pool: 'forks',
    setupFiles: ['./test/setup/fast-check.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    projects: [
      // Files share a worker's modules (isolate: false): importing Ink, React, yaml and zod afresh
      // for each of some 70 files cost about a fifth of the tier's time.
      // Both cores: vitest's default on a 2-core box is one worker, which doubled the tier's time.
      { extends: true, test: { name: 'fast', include: ['test/**/*.test.{ts,tsx}'], exclude: [...configDefaults.exclude, ...SLOW], isolate: false, maxWorkers: Math.max(2, availableParallelism()), sequence: { groupOrder: 0 } } },
      // One at a time: real terminals, stalls and second users time themselves against the clock.
      { extends: true, test: { name: 'slow', include: SLOW, maxWorkers: 1, sequence: { groupOrder: 1 } } },
    ],
  },
});
