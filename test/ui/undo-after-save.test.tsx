// Undo across a save (as in editors and lazygit): an edit already written is undone by a new
// pending edit that puts its fields back, so the file changes only on the next save, and then
// returns to exactly what it was. The real file store, a real temp file.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPlanText } from '../../src/core/plan/load.js';
import { openOnDisk, PLAN, renderBoard, until } from './helpers.js';

let dir = '';
let file = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pb-undo-'));
  file = join(dir, 'plan.yaml');
  writeFileSync(file, PLAN);
});
afterEach(() => {
  cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const open = () => openOnDisk(file);
const disk = () => readFileSync(file, 'utf8');

describe('undo after a save', () => {
  it('tick, save, undo: the file is unchanged until the next save, which restores it byte for byte', async () => {
    const store = open();
    const { press, frame } = await renderBoard({ store });
    store.getState().select('A-3');
    await press(' ', 's');
    await until(() => store.getState().fileState === 'saved');
    const ticked = disk();
    expect(ticked).toContain('done_on: 2026-03-02');
    await press('u');
    expect(store.getState().model.byId.get('A-3')?.status).toBe('todo');
    expect(store.getState().fileState).toBe('unsaved');
    expect(frame()).toContain('undone: tick A-3 (it was saved: s saves the undo)');
    expect(frame()).toContain('unsaved changes (1)'); // status and done_on back: one edit
    expect(disk()).toBe(ticked);
    await press('s');
    await until(() => store.getState().fileState === 'saved');
    expect(disk()).toBe(PLAN);
    expect(store.getState().message).toBe('saved 1 edit');
  });

  it('puts back a status the plan wrote, and the done date of an untick', async () => {
    const store = open();
    const s = () => store.getState();
    s().select('A-2'); // in-progress, written in the file
    s().toggleDone();
    s().select('A-1'); // done on 2026-02-20
    s().toggleDone();
    await s().save();
    expect(disk()).not.toContain('done_on: 2026-02-20');
    s().undo();
    s().undo();
    await s().save();
    const back = loadPlanText(disk(), file);
    const orig = loadPlanText(PLAN, file);
    if (!back.ok || !orig.ok) throw new Error('does not load');
    expect(back.plan.data).toEqual(orig.plan.data);
    // A-2's lines are exactly as written; A-1's re-added done_on is written where the lossless
    // writer adds a new key (after the other keys), the rest of the file is untouched.
    const a2 = (t: string) => t.slice(t.indexOf('  - id: A-2'), t.indexOf('  - id: A-3'));
    expect(a2(disk())).toBe(a2(PLAN));
    expect(disk().replace('    done_on: 2026-02-20\n', '')).toBe(PLAN.replace('    done_on: 2026-02-20\n', ''));
  });

  it('undoes a saved lane move, a saved log entry (first and later ones) and a saved subtask tick', async () => {
    const store = open();
    const s = () => store.getState();
    s().select('A-3');
    s().shiftLane(1);
    s().logTime('2h'); // A-3 had no log
    s().select('A-4');
    s().logTime('1h review'); // A-4 had one entry
    s().select('A-2');
    s().toggleSubtask(1);
    await s().save();
    expect(disk()).not.toBe(PLAN);
    for (let i = 0; i < 4; i++) s().undo();
    expect(s().pending).toHaveLength(4); // one inverse each: lane, log, log, subtask
    await s().save();
    expect(disk()).toBe(PLAN);
    expect(s().message).toBe('saved 4 edits');
  });

  it('redo right after such an undo takes the undo back: nothing left to save', async () => {
    const store = open();
    const s = () => store.getState();
    s().select('A-3');
    s().toggleDone();
    await s().save();
    const saved = disk();
    s().undo();
    expect(s().fileState).toBe('unsaved');
    s().redo();
    expect(s().pending).toHaveLength(0);
    expect(s().fileState).toBe('saved');
    expect(s().model.byId.get('A-3')?.status).toBe('done');
    // Undo again, save, redo, save: the tick is written again as a new edit.
    s().undo();
    await s().save();
    expect(disk()).toBe(PLAN);
    s().redo();
    await s().save();
    expect(disk()).toBe(saved);
  });

  it('before a save, undo still just drops the pending edit', () => {
    const store = open();
    const s = () => store.getState();
    s().select('A-3');
    s().toggleDone();
    s().undo();
    expect(s().pending).toHaveLength(0);
    expect(s().fileState).toBe('saved');
    expect(s().message).toBe('undone: tick A-3');
  });

  it('undo across saves goes back through every saved edit in order', async () => {
    const store = open();
    const s = () => store.getState();
    s().select('A-3');
    s().shiftLane(1); // bob → cy
    await s().save();
    s().shiftLane(-1); // cy → bob
    s().shiftLane(-1); // bob → ann
    await s().save();
    expect(disk()).toContain('    lane: ann\n    priority: high');
    s().undo();
    expect(s().model.byId.get('A-3')?.lane).toBe('bob');
    s().undo();
    expect(s().model.byId.get('A-3')?.lane).toBe('cy');
    s().undo();
    expect(s().model.byId.get('A-3')?.lane).toBe('bob');
    s().undo();
    expect(s().message).toBe('nothing to undo');
    await s().save();
    expect(disk()).toBe(PLAN);
  });
});
