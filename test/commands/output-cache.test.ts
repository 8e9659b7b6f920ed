// Computed output kept between runs: computed once per build, command, options, plan and today;
// never served to another build, and never from an entry that is not ours alone.
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedOutput } from '../../src/cli/output-cache.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const cacheDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'pb-out-'));
  dirs.push(d);
  return join(d, 'planboard');
};

describe('cachedOutput', () => {
  const plan = { path: '/plans/a.yaml', text: 'planboard: 1\ntitle: A\n' };

  it('computes once, then prints the same bytes from the cache', () => {
    const dir = cacheDir();
    let runs = 0;
    const compute = () => `out ${++runs}`;
    expect(cachedOutput(plan, ['schedule --json', '2026-03-02'], compute, 'build-1', dir)).toBe('out 1');
    expect(cachedOutput(plan, ['schedule --json', '2026-03-02'], compute, 'build-1', dir)).toBe('out 1');
    expect(runs).toBe(1);
  });

  it('computes afresh for another build, option, day, path or text', () => {
    const dir = cacheDir();
    let runs = 0;
    const compute = () => `out ${++runs}`;
    cachedOutput(plan, ['schedule --json', '2026-03-02'], compute, 'build-1', dir);
    cachedOutput(plan, ['schedule --json', '2026-03-02'], compute, 'build-2', dir);
    cachedOutput(plan, ['schedule --json', '2026-03-03'], compute, 'build-1', dir);
    cachedOutput(plan, ['schedule --json', '2026-03-0', '2'], compute, 'build-1', dir); // parts do not run together
    cachedOutput({ ...plan, path: '/plans/b.yaml' }, ['schedule --json', '2026-03-02'], compute, 'build-1', dir);
    cachedOutput({ ...plan, text: `${plan.text}# more\n` }, ['schedule --json', '2026-03-02'], compute, 'build-1', dir);
    expect(runs).toBe(6);
  });

  it('caches nothing without a build id (run from source)', () => {
    const dir = cacheDir();
    let runs = 0;
    cachedOutput(plan, ['x'], () => `out ${++runs}`, undefined, dir);
    cachedOutput(plan, ['x'], () => `out ${++runs}`, undefined, dir);
    expect(runs).toBe(2);
  });

  it('ignores an entry others could have written', () => {
    const dir = cacheDir();
    cachedOutput(plan, ['x'], () => 'mine', 'b', dir);
    const [entry] = readdirSync(dir);
    chmodSync(join(dir, entry), 0o666);
    expect(cachedOutput(plan, ['x'], () => 'afresh', 'b', dir)).toBe('afresh');
  });
});
