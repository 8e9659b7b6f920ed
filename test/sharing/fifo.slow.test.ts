// Defect 7 of the shared-box issue: only regular files are plans. A FIFO (and a socket or a
// device) given as the plan gets a clear message in under a second from every command and the
// board, and never holds the plan's lock. Runs the built binary, as a user would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PLAN } from './fixture.js';

const BIN = fileURLToPath(new URL('../../dist/planboard.js', import.meta.url));
let dir = '';
let fifo = '';
let real = '';
beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`build first: ${BIN} is missing (node scripts/build.mjs)`);
  dir = mkdtempSync(join(tmpdir(), 'pb-fifo-'));
  fifo = join(dir, 'fifo.yaml');
  real = join(dir, 'real.yaml');
  execFileSync('mkfifo', [fifo]);
  writeFileSync(real, PLAN);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]): Promise<{ code: number | null; out: string; ms: number }> {
  const t0 = Date.now();
  const p = spawn(process.execPath, [BIN, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  p.stdout.on('data', (d: Buffer) => (out += d));
  p.stderr.on('data', (d: Buffer) => (out += d));
  const killer = setTimeout(() => p.kill('SIGKILL'), 5000);
  return new Promise((r) =>
    p.on('exit', (code) => {
      clearTimeout(killer);
      r({ code, out, ms: Date.now() - t0 });
    }),
  );
}

const F = 'fifo.yaml';
const CASES: [string, string[]][] = [
  ['validate', ['validate', F]],
  ['render', ['render', F, '--view', 'kanban']],
  ['standup', ['standup', F]],
  ['schedule', ['schedule', F]],
  ['capacity', ['capacity', F]],
  ['hours', ['hours', F]],
  ['report', ['report', F]],
  ['export', ['export', F, '--format', 'json']],
  ['tick', ['tick', F, 'S-1']],
  ['untick', ['untick', F, 'S-1']],
  ['status', ['status', F, 'S-1', 'review']],
  ['move', ['move', F, 'S-1', '--lane', 'bo']],
  ['log', ['log', F, 'S-1', '1h']],
  ['open (the board)', ['open', F]],
  ['the board, no command', [F]],
  ['import from a FIFO', ['import', F, '-o', 'out.yaml']],
  ['tick --base FIFO', ['tick', 'real.yaml', 'S-1', '--base', F]],
  ['merge with a FIFO as a side', ['merge', F, 'real.yaml', 'real.yaml']],
];

describe('a FIFO as the plan', () => {
  it.each(CASES)('%s: a clear message naming the FIFO, in under a second, no lock left', async (_name, args) => {
    const r = await run(args);
    // Node's own start-up is part of the time; the refusal itself is immediate.
    expect(r.ms, r.out).toBeLessThan(1000);
    expect(r.code, r.out).not.toBe(0);
    expect(r.code, r.out).not.toBe(70);
    expect(r.code, r.out).not.toBe(null);
    expect(r.out).toMatch(/FIFO|named pipe/);
    expect(r.out).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(join(dir, '.planboard', 'fifo.yaml.lock'))).toBe(false);
  });
});
