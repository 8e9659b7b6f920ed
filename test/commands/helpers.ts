// Shared by the command tests: run a command in-process with captured output, and temp files.
import { mkdtempSync, readFileSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../src/cli/main.js';
import { REPO } from '../seeds/helpers.js';

export { REPO, SEEDS, PLANS, readSeed } from '../seeds/helpers.js';

export interface Ran {
  code: number;
  out: string;
  err: string;
}

export async function cli(args: string[], cwd = REPO): Promise<Ran> {
  let out = '';
  let err = '';
  const io = {
    out: (t: string) => void (out += t.endsWith('\n') ? t : t + '\n'),
    err: (t: string) => void (err += t.endsWith('\n') ? t : t + '\n'),
    cwd,
    isTTY: false,
  };
  const code = await main(args, io);
  return { code, out, err };
}

export const tempDir = (tag = 'pb-cmd-') => mkdtempSync(join(tmpdir(), tag));

/** A copy of a repo plan in a fresh temp dir, so a test may write to it. */
export function planCopy(rel: string): string {
  const dir = tempDir();
  const to = join(dir, rel.split('/').pop()!);
  copyFileSync(resolve(REPO, rel), to);
  return to;
}

export function writeTemp(name: string, text: string): string {
  const p = join(tempDir(), name);
  writeFileSync(p, text);
  return p;
}

/** Content and mtime, to assert that a failed command left a file alone. */
export function snapshot(path: string): { text: string; mtimeMs: number } {
  return { text: readFileSync(path, 'utf8'), mtimeMs: statSync(path).mtimeMs };
}

/** A small team plan checked by hand: today is Tuesday 2026-03-10, so "since" is Monday 03-09. */
export const TEAM_PLAN = `planboard: 1
title: Team
lanes:
  - id: ana
    name: Ana
    capacity: 8h/w
  - id: bo
issues:
  - id: A-0
    title: Done last week
    lane: ana
    status: done
    done_on: 2026-03-02
    estimate: 2h
  - id: A-1
    title: Done yesterday
    lane: ana
    status: done
    done_on: 2026-03-09
    estimate: 2h
  - id: A-2
    title: Started Friday
    lane: ana
    status: in-progress
    started: 2026-03-06
    estimate: 6h
    log:
      - { date: 2026-03-09, hours: 2, note: pairing }
  - id: A-3
    title: Ready next
    lane: ana
    status: todo
    estimate: 4h
  - id: A-4
    title: Waits on A-3
    lane: ana
    status: todo
    estimate: 4h
    depends_on: [A-3]
  - id: B-1
    title: Bo's work
    lane: bo
    estimate: 1d
`;
