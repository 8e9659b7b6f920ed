import { describe, expect, it } from 'vitest';
import { selectColumns, selectSchedule, selectVisibleIssues } from '../../src/store/selectors.js';
import { makeStore, memoryFile, PLAN } from './board-fixture.js';

const issue = (store: ReturnType<typeof makeStore>['store'], id: string) => store.getState().model.byId.get(id)!;

describe('board store', () => {
  it('starts on work in progress (not the done issue first in the file), in the kanban pane, saved', () => {
    const { store } = makeStore();
    const s = store.getState();
    expect(s.selectedId).toBe('A-2');
    expect(s.pane).toBe('kanban');
    expect(s.fileState).toBe('saved');
    expect(s.today).toBe('2026-03-02');
  });

  it('ticks with today as done_on, and unticks', () => {
    const { store } = makeStore();
    store.getState().select('A-3');
    store.getState().toggleDone();
    expect(issue(store, 'A-3').status).toBe('done');
    expect(issue(store, 'A-3').doneOn).toBe('2026-03-02');
    expect(store.getState().fileState).toBe('unsaved');
    store.getState().toggleDone();
    expect(issue(store, 'A-3').done).toBe(false);
    expect(issue(store, 'A-3').doneOn).toBeUndefined();
  });

  it('undo re-derives from the base; redo re-applies; a new edit clears redo', () => {
    const { store } = makeStore();
    const s = () => store.getState();
    s().select('A-3');
    s().shiftLane(1); // bob → cy
    s().shiftStatus(1); // todo → in-progress
    expect(issue(store, 'A-3').lane).toBe('cy');
    s().undo();
    expect(issue(store, 'A-3').status).toBe('todo');
    expect(issue(store, 'A-3').lane).toBe('cy');
    s().undo();
    expect(issue(store, 'A-3').lane).toBe('bob');
    expect(s().fileState).toBe('saved');
    s().redo();
    expect(issue(store, 'A-3').lane).toBe('cy');
    s().shiftLane(-1);
    expect(s().redoStack).toHaveLength(0);
    s().redo();
    expect(s().message).toBe('nothing to redo');
  });

  it('moves between statuses in the plan order and stops at the ends', () => {
    const { store } = makeStore();
    store.getState().select('A-1');
    store.getState().shiftStatus(1);
    expect(store.getState().message).toMatch(/already at the last status/);
    expect(store.getState().pending).toHaveLength(0);
  });

  it('refuses to log anything but one positive amount', () => {
    const { store } = makeStore();
    store.getState().select('A-2');
    expect(() => store.getState().logTime('abc')).toThrow(/not a duration/);
    expect(() => store.getState().logTime('1-2h')).toThrow(/not a range/);
    expect(store.getState().logTime('1.5h pairing')).toBe(true);
    expect(issue(store, 'A-2').log.at(-1)).toEqual({ date: '2026-03-02', hours: 1.5, note: 'pairing' });
  });

  it('saves pending ops through the persistence layer and becomes the new base', async () => {
    const { store, file } = makeStore();
    store.getState().select('A-3');
    store.getState().toggleDone();
    await store.getState().save();
    expect(file.commits).toBe(1);
    expect(file.text).toContain('done_on: 2026-03-02');
    expect(store.getState().pending).toHaveLength(0);
    expect(store.getState().fileState).toBe('saved');
    expect(store.getState().baseText).toBe(file.text);
  });

  it('puts conflicts from a save into state and writes nothing', async () => {
    const { store } = makeStore(PLAN, {
      persistence: {
        // The text on disk the conflict was found against: it becomes the base of the pending edit.
        commit: async () => ({ text: PLAN.replace('lane: bob', 'lane: ann'), conflicts: [{ id: 'A-3', field: 'lane', mine: 'cy', theirs: 'ann' }] }),
        read: async () => ({ ok: true, text: PLAN }),
        parse: memoryFile(PLAN).persistence.parse,
      },
    });
    store.getState().select('A-3');
    store.getState().shiftLane(1);
    await store.getState().save();
    expect(store.getState().fileState).toBe('conflict');
    expect(store.getState().overlay).toEqual({ kind: 'conflict', cursor: 0 });
    expect(store.getState().conflicts[0]).toMatchObject({ id: 'A-3', field: 'lane' });
    expect(store.getState().pending).toHaveLength(1);
  });

  it('reload rebases pending edits onto the new text and keeps the selection', () => {
    const { store } = makeStore();
    store.getState().select('A-4');
    store.getState().toggleDone();
    const theirs = PLAN.replace('title: Render the board', 'title: Render the whole board');
    expect(store.getState().reload(theirs, 'changed by another session')).toBe(true);
    expect(issue(store, 'A-3').title).toBe('Render the whole board');
    expect(issue(store, 'A-4').done).toBe(true);
    expect(store.getState().selectedId).toBe('A-4');
    expect(store.getState().fileState).toBe('unsaved');
  });

  it('search is fuzzy on id, title and labels, and keeps the selection visible', () => {
    const { store } = makeStore();
    store.getState().setSearch('docs');
    expect(selectVisibleIssues(store.getState()).map((i) => i.id)).toEqual(['A-4']);
    expect(store.getState().selectedId).toBe('A-4');
    store.getState().setSearch('rndr brd');
    expect(selectVisibleIssues(store.getState()).map((i) => i.id)).toEqual(['A-3']);
    store.getState().setSearch('a-2');
    expect(selectVisibleIssues(store.getState()).map((i) => i.id)).toEqual(['A-2']);
  });

  it('filters by lane, group, milestone', () => {
    const { store } = makeStore();
    store.getState().setFilter({ lane: 'ann' });
    expect(selectVisibleIssues(store.getState()).map((i) => i.id)).toEqual(['A-1', 'A-2']);
    store.getState().setFilter({ lane: '-' });
    expect(selectVisibleIssues(store.getState()).map((i) => i.id)).toEqual(['A-4']);
    store.getState().setFilter({ milestone: 'M1' });
    expect(selectVisibleIssues(store.getState()).map((i) => i.id)).toEqual(['A-1']);
    store.getState().setFilter({ group: 'P1' });
    expect(selectVisibleIssues(store.getState()).map((i) => i.id)).toEqual(['A-1', 'A-2']);
  });

  it('runs the scheduler once per edit, not on navigation', () => {
    const { store } = makeStore();
    const first = selectSchedule(store.getState());
    expect(first).not.toBeNull();
    store.getState().moveRow(1);
    store.getState().setPane('timeline');
    store.getState().moveRow(1);
    expect(selectSchedule(store.getState())).toBe(first);
    store.getState().toggleDone();
    expect(selectSchedule(store.getState())).not.toBe(first);
  });

  it('kanban navigation walks within a column and across columns', () => {
    const { store } = makeStore();
    const cols = selectColumns(store.getState());
    expect([...cols.keys()]).toEqual(['todo', 'in-progress', 'review', 'done']);
    store.getState().select('A-3');
    store.getState().moveRow(1);
    expect(store.getState().selectedId).toBe('A-4');
    store.getState().moveColumn(1); // review is empty: skipped
    expect(store.getState().selectedId).toBe('A-2');
    store.getState().moveColumn(1);
    expect(store.getState().selectedId).toBe('A-1');
  });
});
