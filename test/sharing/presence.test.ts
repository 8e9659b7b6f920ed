import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { joinPresence, presencePath, readPresence } from '../../src/core/persist/presence.js';
import { buildChild } from './helpers/build-child.js';

let dir: string;
let child: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pb-presence-'));
  child = await buildChild('child-lock');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function startJoiner(plan: string): Promise<ChildProcess> {
  const p = spawn(process.execPath, [child, 'join', plan], { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((res, rej) => {
    p.stdout!.on('data', (d: Buffer) => d.toString().includes('joined') && res(p));
    p.on('exit', (code) => rej(new Error(`joiner exited ${code}`)));
  });
}

describe('presence beside the plan', () => {
  it('lists who else has the plan open, with user, tty, pid and host', async () => {
    const plan = join(dir, 'a.yaml');
    writeFileSync(plan, 'x');
    const me = await joinPresence(plan);
    const other = await startJoiner(plan);
    const others = await me.others();
    expect(others.map((e) => e.pid)).toEqual([other.pid]);
    expect(others[0]).toMatchObject({ host: hostname(), user: expect.any(String), tty: expect.any(String) });
    other.stdin!.end();
    await new Promise((r) => other.on('exit', r));
    expect(await me.others()).toEqual([]);
    await me.leave();
    expect(await readPresence(plan)).toEqual([]);
  });

  it('drops the entry of a crashed process (same host, pid gone)', async () => {
    const plan = join(dir, 'b.yaml');
    writeFileSync(plan, 'x');
    const other = await startJoiner(plan);
    other.kill('SIGKILL');
    await new Promise((r) => other.on('exit', r));
    expect(readFileSync(presencePath(plan), 'utf8')).toContain(`"pid": ${other.pid}`);
    const me = await joinPresence(plan);
    expect(await me.others()).toEqual([]);
    // Joining rewrote the file without the dead entry.
    expect(readFileSync(presencePath(plan), 'utf8')).not.toContain(`"pid": ${other.pid}`);
    await me.leave();
  });

  it('trusts other hosts only while their heartbeat is fresh', async () => {
    const plan = join(dir, 'c.yaml');
    const entry = (host: string, beat: number) => ({ user: 'u', tty: 'pts/9', pid: 1, host, since: '', beat });
    writeFileSync(
      presencePath(plan),
      JSON.stringify({ sessions: [entry('fresh.example', Date.now()), entry('gone.example', Date.now() - 3_600_000)] }),
    );
    expect((await readPresence(plan, { staleMs: 60_000 })).map((e) => e.host)).toEqual(['fresh.example']);
  });
});
