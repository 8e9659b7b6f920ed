// File permissions, checked as a user they bind: root may read and write anything, so as root
// each check runs its process as uid 65534 through setpriv (test/support/unprivileged.ts).
import { build } from 'esbuild';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runUnprivileged } from '../support/unprivileged.js';

const PLAN = 'planboard: 1\ntitle: T\nissues:\n  - id: A-3\n    title: a\n    status: todo\n';
let dir = '';
let child = '';

/** Runs the permission child (test/support/child-permissions.ts) unprivileged; its JSON answer. */
function ask(...args: string[]): unknown {
  const r = runUnprivileged(process.execPath, [child, ...args]);
  if (r.status !== 0) throw new Error(`child failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout);
}

beforeAll(async () => {
  // Everything the unprivileged user must reach is world-readable; what it must not is not.
  dir = mkdtempSync(join(tmpdir(), 'pb-perm-'));
  chmodSync(dir, 0o755);
  const out = join(dir, 'child');
  child = join(out, 'child-permissions.mjs');
  // Split as the real build is, so that Ink (which the CLI loads only for the board) stays unloaded.
  await build({
    entryPoints: [fileURLToPath(new URL('../support/child-permissions.ts', import.meta.url))],
    outdir: out,
    outExtension: { '.js': '.mjs' },
    splitting: true,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
    external: ['react-devtools-core'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  chmodSync(out, 0o755);
  for (const f of readdirSync(out, { recursive: true, encoding: 'utf8' })) chmodSync(join(out, f), 0o755);
});

afterAll(() => {
  if (!dir) return;
  for (const d of readdirSync(dir)) chmodSync(join(dir, d), 0o755);
  rmSync(dir, { recursive: true, force: true });
});

/** A fresh directory (mode `mode`) holding plan.yaml (mode `fileMode`). */
function planIn(name: string, mode: number, fileMode: number): string {
  const d = join(dir, name);
  mkdirSync(d);
  const file = join(d, 'plan.yaml');
  writeFileSync(file, PLAN);
  chmodSync(file, fileMode);
  chmodSync(d, mode);
  return file;
}

describe('permissions, as an unprivileged user', () => {
  it('readPlanFile reports a file it may not read', () => {
    const file = planIn('unreadable', 0o755, 0o000);
    expect(ask('read', file)).toEqual([`${file}:1:1: permission denied: cannot read the file`]);
  });

  it('writeFileAtomic: a read-only directory gives a clear message and the file stays', () => {
    const file = planIn('read-only-dir', 0o555, 0o644);
    expect(ask('write', file, 'new\n')).toMatch(/^cannot save .*plan\.yaml: permission denied/);
    expect(readFileSync(file, 'utf8')).toBe(PLAN);
  });

  it('planboard log: an unreadable file is a clear error and stays as it was', () => {
    const file = planIn('log-unreadable', 0o755, 0o000);
    const r = ask('cli', 'log', file, 'A-3', '1h') as { code: number; err: string };
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/permission denied/);
    expect(r.err).not.toMatch(/internal error/);
    chmodSync(file, 0o644);
    expect(readFileSync(file, 'utf8')).toBe(PLAN);
  });
});
