// Defect 1 of the shared-box issue: a conflict is found whatever the timing. A reload (another
// session saved while we had unsaved edits) rebases our pending edits exactly as a save does, so
// a field changed both here and on disk is a recorded conflict, not a silent "mine wins".
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitOps } from '../../src/core/persist/file-store.js';
import { describeReload } from '../../src/store/reload-note.js';
import { KEY, openOnDisk, PLAN, renderBoard, until } from '../ui/helpers.js';

let dir = '';
let file = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pb-reload-conflict-'));
  file = join(dir, 'plan.yaml');
  writeFileSync(file, PLAN);
});
afterEach(() => {
  cleanup();
  rmSync(dir, { recursive: true, force: true });
});

/** Another session (a CLI) sets A-3's status, then our board's watcher reloads. */
async function otherSessionSetsStatus(store: ReturnType<typeof openOnDisk>, status = 'review') {
  await commitOps(file, [{ kind: 'set-status', id: 'A-3', status, date: '2026-03-02' }]);
  store.getState().reload(readFileSync(file, 'utf8'), (a, b) => describeReload(a, b));
}

describe('a reload with unsaved edits on the same field', () => {
  it('records the conflict and names it in the reload note', async () => {
    const store = openOnDisk(file);
    store.getState().select('A-3');
    store.getState().toggleDone(); // todo → done, not saved
    await otherSessionSetsStatus(store);
    const s = store.getState();
    expect(s.fileState).toBe('conflict');
    expect(s.conflicts.map((c) => [c.id, c.field, c.mine, c.theirs])).toContainEqual(['A-3', 'status', 'done', 'review']);
    expect(s.reloadNote).toMatch(/1 change by another session \(A-3\).*conflict.*A-3 status/);
  });

  it('s opens the mine/theirs dialog and writes nothing; Esc keeps the conflict; a later s asks again', async () => {
    const store = openOnDisk(file);
    const { press, frame } = await renderBoard({ store });
    store.getState().select('A-3');
    await press(' ');
    await otherSessionSetsStatus(store);
    await press('s');
    await until(() => store.getState().overlay?.kind === 'conflict');
    expect(frame()).toContain('A-3.status');
    expect(readFileSync(file, 'utf8')).toContain('status: review');
    await press(KEY.escape);
    expect(store.getState().overlay).toBe(null);
    expect(store.getState().fileState).toBe('conflict');
    await press('s');
    await until(() => store.getState().overlay?.kind === 'conflict');
    expect(store.getState().overlay?.kind).toBe('conflict');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('status: review');
    expect(text).not.toContain('done_on: 2026-03-02');
  });

  it('m then writes mine; t keeps theirs and saves the rest', async () => {
    for (const keep of ['m', 't'] as const) {
      writeFileSync(file, PLAN);
      const store = openOnDisk(file);
      const { press } = await renderBoard({ store });
      store.getState().select('A-3');
      await press(' '); // conflicting
      store.getState().select('A-4');
      await press(']'); // no lane → ann, does not conflict
      await otherSessionSetsStatus(store);
      await press('s');
      await until(() => store.getState().overlay?.kind === 'conflict');
      await press(keep);
      await until(() => store.getState().fileState === 'saved');
      const text = readFileSync(file, 'utf8');
      const a3 = text.slice(text.indexOf('id: A-3'), text.indexOf('id: A-4'));
      if (keep === 'm') expect(a3).toContain('status: done');
      else expect(a3).toContain('status: review');
      expect(text.slice(text.indexOf('id: A-4'))).toContain('lane: ann');
      expect(store.getState().conflicts).toEqual([]);
      cleanup();
    }
  });

  it('a change to another field of the same issue merges without a conflict', async () => {
    const store = openOnDisk(file);
    store.getState().select('A-3');
    store.getState().shiftLane(1); // bob → cy
    await otherSessionSetsStatus(store);
    expect(store.getState().conflicts).toEqual([]);
    expect(store.getState().fileState).toBe('unsaved');
    await store.getState().save();
    const text = readFileSync(file, 'utf8');
    const a3 = text.slice(text.indexOf('id: A-3'), text.indexOf('id: A-4'));
    expect(a3).toContain('lane: cy');
    expect(a3).toContain('status: review');
  });

  it('a new edit while a conflict stands keeps the conflict state', async () => {
    const store = openOnDisk(file);
    store.getState().select('A-3');
    store.getState().toggleDone();
    await otherSessionSetsStatus(store);
    store.getState().select('A-4');
    store.getState().toggleDone();
    expect(store.getState().fileState).toBe('conflict');
    await store.getState().save();
    expect(store.getState().overlay?.kind).toBe('conflict');
    expect(readFileSync(file, 'utf8')).not.toContain('done_on: 2026-03-02');
  });
});
