// TaskJuggler itself reads our .tjp export of every bundled plan (tj3 must be installed).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireTool } from '../support/tools.js';
import { cli, PLANS, tempDir } from './helpers.js';

const TODAY = '2026-01-05';

describe('export --format tjp, read by tj3', () => {
  const version = requireTool('tj3');

  it.each(Object.values(PLANS))(`tj3 accepts the export of %s (${version})`, async (plan) => {
    const dir = tempDir();
    const file = join(dir, 'plan.tjp');
    const r = await cli(['export', plan, '--format', 'tjp', '--today', TODAY, '-o', file]);
    expect(r.code).toBe(0);
    const run = spawnSync('tj3', ['--silent', '--no-color', '--no-reports', file], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr + run.stdout).not.toMatch(/Error/);
    expect(run.status).toBe(0);
  });
});
