// Defect 3 of the shared-box issue: another member of the plan's group plants symlinks at every
// name planboard creates beside the plan, pointing at a victim's files. Saving, presence and the
// lock must never write through them: no file outside the plan's own is written.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commitOps } from '../../src/core/persist/file-store.js';
import { joinPresence, readPresence } from '../../src/core/persist/presence.js';
import { PLAN } from './fixture.js';

let root = '';
let plans = '';
let victim = '';
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'pb-symlink-'));
  plans = join(root, 'plans');
  victim = join(root, 'victim');
  mkdirSync(plans);
  mkdirSync(victim);
  for (const f of ['secret', 'dir-target/x']) {
    mkdirSync(join(victim, 'dir-target'), { recursive: true });
    writeFileSync(join(victim, f), `untouched ${f}\n`, { mode: 0o600 });
  }
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Every file under the victim's folder with its content, mode and mtime: must not change. */
function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      const st = lstatSync(p);
      if (st.isDirectory()) walk(p);
      else out.push(`${p} ${st.mode.toString(8)} ${st.mtimeMs} ${readFileSync(p, 'utf8')}`);
    }
  };
  walk(dir);
  return out;
}

const plan = () => join(plans, 'plan.yaml');
const tick = (id: string) => [{ kind: 'tick' as const, id, date: '2026-03-02' }];

describe('symlinks planted at every name planboard creates', () => {
  it('inside .planboard/ (lock, presence, their locks, .gitignore) and at the old names beside the plan', async () => {
    writeFileSync(plan(), PLAN);
    const rt = join(plans, '.planboard');
    mkdirSync(rt);
    const secret = join(victim, 'secret');
    const names = ['.gitignore', 'plan.yaml.presence.json', 'plan.yaml.lock', 'plan.yaml.presence.lock'];
    for (const n of names) symlinkSync(n.endsWith('.lock') ? join(victim, 'dir-target') : secret, join(rt, n));
    // The names older versions used, some of them predictable from a published pid.
    for (const n of ['.plan.yaml.planboard-presence.json', `.plan.yaml.planboard-presence.json.${process.pid}.tmp`, 'plan.yaml.lock'])
      symlinkSync(secret, join(plans, n));
    const before = snapshot(victim);

    const me = await joinPresence(plan());
    expect((await readPresence(plan())).map((e) => e.pid)).toContain(process.pid);
    const r = await commitOps(plan(), tick('S-1'), { staleMs: 2000, waitMs: 8000 });
    expect(r.conflicts).toEqual([]);
    await commitOps(plan(), tick('S-2'), { staleMs: 2000, waitMs: 8000 });
    await me.leave();

    expect(snapshot(victim)).toEqual(before);
    expect(readFileSync(plan(), 'utf8')).toContain('done_on: 2026-03-02');
    // Our .gitignore replaced the planted link (unlinked, never followed).
    expect(lstatSync(join(rt, '.gitignore')).isFile()).toBe(true);
    // The plan itself is still a regular file (a save replaces it, never a link in its place).
    expect(lstatSync(plan()).isFile()).toBe(true);
  });

  it('a .planboard that is itself a symlink is refused with a clear message, and nothing is written through it', async () => {
    writeFileSync(plan(), PLAN);
    symlinkSync(victim, join(plans, '.planboard'));
    const before = snapshot(victim);
    const err = await commitOps(plan(), tick('S-1')).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/\.planboard is a symbolic link; planboard keeps its lock and presence files there and will not use it/);
    const me = await joinPresence(plan());
    await me.leave();
    expect(snapshot(victim)).toEqual(before);
    expect(readFileSync(plan(), 'utf8')).toBe(PLAN);
  });

  it('the runtime folder carries its own .gitignore and the permissions of the plan folder', async () => {
    writeFileSync(plan(), PLAN);
    await commitOps(plan(), tick('S-1'));
    expect(readFileSync(join(plans, '.planboard', '.gitignore'), 'utf8')).toMatch(/^\*$/m);
    expect(statSync(join(plans, '.planboard')).mode & 0o7777).toBe(statSync(plans).mode & 0o7777);
    expect(readdirSync(join(plans, '.planboard'))).toEqual(['.gitignore']);
  });
});
