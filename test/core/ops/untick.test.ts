// Space is its own inverse: untick puts back the status the issue had before tick, in the
// session and on disk (tick records it as reopen_status unless it was todo, untick's default).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyOps, applyOpToData } from '../../../src/core/plan/ops.js';
import { makeStore } from '../../ui/board-fixture.js';
import { load } from './edit-sequences.js';

const text = `planboard: 1
title: T
issues:
  - id: A
    title: Alpha
    status: in-progress # being written
  - id: B
    title: Beta
    status: todo
  - id: C
    title: Gamma
`;

describe('tick then untick', () => {
  it('gives back the status it had: in-progress, todo, or the default backlog', () => {
    const d = load(text, 'p');
    const round = (id: string) => applyOpToData(applyOpToData(d, { kind: 'tick', id, date: '2026-03-02' }), { kind: 'untick', id });
    expect(round('A').issues![0]).toEqual({ id: 'A', title: 'Alpha', status: 'in-progress' });
    expect(round('B').issues![1]).toEqual({ id: 'B', title: 'Beta', status: 'todo' });
    expect(round('C').issues![2]).toEqual({ id: 'C', title: 'Gamma', status: 'backlog' });
  });

  it('writes reopen_status only where untick would not go anyway, and removes it again', () => {
    const ticked = applyOps(text, [
      { kind: 'tick', id: 'A', date: '2026-03-02' },
      { kind: 'tick', id: 'B', date: '2026-03-02' },
    ]);
    expect(ticked).toBe(
      text
        .replace('    status: in-progress # being written\n', '    status: done # being written\n    done_on: 2026-03-02\n    reopen_status: in-progress\n')
        .replace('    status: todo\n', '    status: done\n    done_on: 2026-03-02\n'),
    );
    // After a save and a reload (a new process, as the CLI is), untick reads what tick wrote.
    const unticked = applyOps(ticked, [
      { kind: 'untick', id: 'A' },
      { kind: 'untick', id: 'B' },
    ]);
    expect(unticked).toBe(text);
  });

  it('falls back to todo when the recorded status is no longer one of the plan’s', () => {
    // (A hand-edited file: the data as loaded, before validation would warn about it.)
    const d = load(text, 'p');
    const recorded = { ...d, issues: [{ id: 'A', title: 'Alpha', status: 'done', reopen_status: 'doing' }] };
    expect(applyOpToData(recorded, { kind: 'untick', id: 'A' }).issues![0]).toEqual({ id: 'A', title: 'Alpha', status: 'todo' });
  });

  it('on the board: Space twice leaves the issue as it was, and so does the file after a save', async () => {
    const { store, file } = makeStore(text);
    store.getState().select('A');
    store.getState().toggleDone();
    expect(store.getState().model.byId.get('A')!.status).toBe('done');
    await store.getState().save();
    store.getState().toggleDone();
    expect(store.getState().model.byId.get('A')!.status).toBe('in-progress');
    await store.getState().save();
    expect(file.text).toBe(text);
  });
});

describe('tick and untick from the command line', () => {
  const bin = join(import.meta.dirname, '..', '..', '..', 'dist', 'planboard.js');
  it('round-trip an in-progress issue on disk (needs `npm run build`)', () => {
    expect(existsSync(bin), 'dist/planboard.js is missing: run npm run build').toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'planboard-untick-'));
    try {
      const plan = join(dir, 'plan.yaml');
      writeFileSync(plan, text);
      const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
      const tick = run('tick', plan, 'A', '--today', '2026-03-02');
      expect(tick.stderr).toBe('');
      expect(tick.status).toBe(0);
      expect(readFileSync(plan, 'utf8')).toContain('reopen_status: in-progress');
      const untick = run('untick', plan, 'A');
      expect(untick.status).toBe(0);
      expect(readFileSync(plan, 'utf8')).toBe(text);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
