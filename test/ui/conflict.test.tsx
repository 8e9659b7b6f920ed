// Saving against a file another session changed: the real file store, a real temp file.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPlanText } from '../../src/core/plan/load.js';
import { createBoardStore } from '../../src/store/index.js';
import { openOnDisk, PLAN, renderBoard, TODAY, until } from './helpers.js';

let dir = '';
let file = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pb-conflict-'));
  file = join(dir, 'plan.yaml');
  writeFileSync(file, PLAN);
});
afterEach(() => {
  cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const open = () => openOnDisk(file);

const theirs = () => writeFileSync(file, PLAN.replace('    lane: bob\n', '    lane: ann\n'));

describe('save conflicts in the board', () => {
  it('merges a change to another field silently', async () => {
    const store = open();
    store.getState().select('A-4');
    store.getState().toggleDone();
    theirs();
    await store.getState().save();
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('    lane: ann\n');
    expect(text).toContain('done_on: 2026-03-02');
    expect(store.getState().fileState).toBe('saved');
  });

  it('shows both values when the same field changed both ways, writes nothing, and keeps mine on m', async () => {
    const store = open();
    const { press, frame } = await renderBoard({ store });
    store.getState().select('A-3');
    await press(']'); // bob → cy
    theirs(); // bob → ann on disk
    await press('s');
    await until(() => store.getState().fileState === 'conflict');
    expect(frame()).toContain('A-3.lane:  mine "cy"  ·  theirs "ann"');
    expect(readFileSync(file, 'utf8')).toContain('    lane: ann\n');
    await press('m');
    await until(() => store.getState().fileState === 'saved');
    expect(readFileSync(file, 'utf8')).toContain('    lane: cy\n');
    expect(store.getState().model.byId.get('A-3')?.lane).toBe('cy');
  });

  it('keeps theirs on t: my conflicting edit is dropped, my other edits are saved', async () => {
    const store = open();
    const { press } = await renderBoard({ store });
    store.getState().select('A-3');
    await press(']');
    store.getState().select('A-4');
    await press(' ');
    theirs();
    await press('s');
    await until(() => store.getState().fileState === 'conflict');
    await press('t');
    await until(() => store.getState().fileState === 'saved');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('    lane: ann\n');
    expect(text).toContain('done_on: 2026-03-02');
    expect(store.getState().model.byId.get('A-3')?.lane).toBe('ann');
  });
});

describe('autosave', () => {
  it('saves after each edit when the plan asks for it', async () => {
    const text = PLAN.replace('as_of: 2026-03-01\n', 'as_of: 2026-03-01\nsettings:\n  autosave: true\n');
    writeFileSync(file, text);
    const r = loadPlanText(text, file);
    if (!r.ok) throw new Error('fixture does not load');
    const store = createBoardStore({ file, text, data: r.plan.data, today: TODAY });
    store.getState().select('A-4');
    store.getState().toggleDone();
    await until(() => store.getState().fileState === 'saved');
    expect(readFileSync(file, 'utf8')).toContain('done_on: 2026-03-02');
  });
});
