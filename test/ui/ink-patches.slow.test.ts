// Our Ink patches (scripts/ink-patches.mjs) change how frames are written, never what they show.
// The board is bundled with and without them and driven through the same keys on a fake
// terminal. The output stage's frames must be byte for byte the same (Ink's debug mode writes
// them whole). What reaches the terminal differs on purpose (a diff instead of a repaint), so
// each run's bytes are replayed into a terminal emulator (xterm) after every key: every cell
// (character, colours, bold, dim, inverse) must match, and the patched run must never clear the
// screen and must send less.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import xterm from '@xterm/headless';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePlan } from '../../bench/lib/gen-plan.mjs';
import { inkPatches, patchSource } from '../../scripts/ink-patches.mjs';

let dir = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pb-inkpatch-'));
  writeFileSync(join(dir, 'gen.yaml'), generatePlan({ issues: 300, seed: 7 }));
  const common = {
    entryPoints: { harness: 'test/ui/fixtures/ink-harness.tsx' }, bundle: true, splitting: true, outExtension: { '.js': '.mjs' }, format: 'esm' as const, platform: 'node' as const, target: 'node20',
    jsx: 'automatic' as const, external: ['react-devtools-core'], define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'error' as const,
    banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
  };
  await build({ ...common, outdir: join(dir, 'plain') });
  await build({ ...common, outdir: join(dir, 'patched'), plugins: [inkPatches()] });
}, 60000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(bundle: string, plan: string, w: number, h: number, keys: string[], mode = 'terminal'): string[] {
  // Ink writes only the last frame when it believes it runs in CI: run as at a terminal.
  // Colours forced on so that styles are compared too.
  const env = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'CI' && k !== 'CONTINUOUS_INTEGRATION')), FORCE_COLOR: '1' };
  const out = join(dir, 'steps.json');
  const r = spawnSync(process.execPath, [join(dir, bundle), plan, String(w), String(h), JSON.stringify(keys), out, mode], { encoding: 'utf8', env });
  if (r.status !== 0) throw new Error(`${bundle}: ${r.stderr}`);
  return JSON.parse(readFileSync(out, 'utf8'));
}

/** Replays the steps into an emulator; the screen (every cell's look) after each step. */
async function screens(steps: string[], w: number, h: number): Promise<string[]> {
  const term = new xterm.Terminal({ cols: w, rows: h, allowProposedApi: true, scrollback: 0, convertEol: true });
  const out: string[] = [];
  for (const s of steps) {
    await new Promise<void>((r) => term.write(s, r));
    const buf = term.buffer.active;
    const rows: string[] = [];
    for (let y = 0; y < h; y++) {
      const line = buf.getLine(buf.baseY + y);
      let row = '';
      for (let x = 0; x < w; x++) {
        const c = line?.getCell(x);
        if (!c) continue;
        row += `${c.getChars() || ' '}${c.getFgColor()},${c.getBgColor()},${c.isBold()}${c.isDim()}${c.isInverse()}|`;
      }
      rows.push(row);
    }
    out.push(rows.join('\n'));
  }
  term.dispose();
  return out;
}

const KEYS = ['j', 'j', 'l', 'j', 'k', 'h', 'w', 'j', 'w', '2', 'j', '+', 'l', '3', 'p', '1', '/', 'a', 'b', '\u007f', '\r', '?', 'j', '?', ' ', 'u', 'G', 'g'];

describe('Ink patches', () => {
  it.each([
    ['plans/stoa-2026-v4.yaml', 120, 40],
    ['plans/k3s-mono-pgsql.yaml', 80, 24],
    ['gen', 200, 50],
  ])('%s at %i×%i: the same screen after every key, fewer bytes, no clear', async (plan, w, h) => {
    const file = plan === 'gen' ? join(dir, 'gen.yaml') : plan;
    const plain = run('plain/harness.mjs', file, w, h, KEYS);
    const patched = run('patched/harness.mjs', file, w, h, KEYS);
    expect(patched).toHaveLength(KEYS.length + 1);
    const [a, b] = [await screens(plain, w, h), await screens(patched, w, h)];
    for (let i = 0; i < a.length; i++) expect(b[i], `after ${JSON.stringify(KEYS.slice(0, i))}`).toBe(a[i]);
    // The unpatched run shows what is avoided: a full clear with the scrollback (ESC[3J).
    expect(plain.slice(1).join('')).toContain('\u001b[3J');
    expect(patched.join('')).not.toMatch(/\u001b\[[23]J/);
    expect(patched.slice(1).join('').length).toBeLessThan(plain.slice(1).join('').length / 2);
    expect(a.some((x) => /[1-9]\d*,-1,/.test(x))).toBe(true); // some cell has a colour
  }, 90000);

  it.each([
    ['plans/stoa-2026-v4.yaml', 120, 40],
    ['gen', 200, 50],
  ])('%s at %i×%i: every frame of the output stage is byte for byte the same', (plan, w, h) => {
    const file = plan === 'gen' ? join(dir, 'gen.yaml') : plan;
    const plain = run('plain/harness.mjs', file, w, h, KEYS, 'frames');
    const patched = run('patched/harness.mjs', file, w, h, KEYS, 'frames');
    expect(plain.join('').length).toBeGreaterThan(w * h);
    for (let i = 0; i < plain.length; i++) expect(patched[i], `after ${JSON.stringify(KEYS.slice(0, i))}`).toBe(plain[i]);
  }, 90000);

  it('refuses to build when Ink changed under a patch', () => {
    expect(() => patchSource('/x/node_modules/ink/build/output.js', 'export default class Output {}')).toThrow(/Ink changed/);
  });
});
