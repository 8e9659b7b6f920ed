import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // Dates are calendar dates: tests must pass in any zone, so CI runs them away from UTC.
    env: { TZ: 'Pacific/Kiritimati' },
    testTimeout: 20000,
    pool: 'forks',
    setupFiles: ['./test/setup/fast-check.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
