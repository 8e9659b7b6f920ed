// The everyday commands through the built binary, as a user runs them (after `npm run build`).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PLANS, planCopy, REPO, snapshot, tempDir } from './helpers.js';

const BIN = resolve(REPO, 'dist/planboard.js');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });

describe('built binary (dist/planboard.js)', () => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build (npm test builds first)`);
  it.each([
    ['standup', PLANS.stoaV4, '--today', '2026-01-06'],
    ['hours', PLANS.stoaV4, '--month', '--today', '2026-01-06'],
    ['report', PLANS.stoaV4, '--today', '2026-01-06'],
    ['export', PLANS.k3s, '--format', 'tjp', '--today', '2026-02-16'],
  ])('planboard %s … exits 0 with output and nothing on stderr', (...args) => {
    const r = run(...args);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(100);
  });

  it('log writes through the binary; a bad duration exits 2 and leaves the file alone', () => {
    const file = planCopy(PLANS.stoaV4);
    const before = snapshot(file);
    const bad = run('log', file, 'CAB-238', 'soon');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/"soon" is not a duration/);
    expect(snapshot(file)).toEqual(before);
    expect(run('log', file, 'CAB-238', '45m', '--date', '2026-01-06').status).toBe(0);
  });

  it('import refuses to overwrite and exits 1', () => {
    const out = join(tempDir(), 'x.yaml');
    expect(run('import', resolve(REPO, 'docs/commands.md'), '-o', out).status).toBe(0);
    const r = run('import', resolve(REPO, 'docs/commands.md'), '-o', out);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/already exists/);
  });
});
