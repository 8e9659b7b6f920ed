// The store actions the board's editor keys will call: each is one op, undoable, saved as a
// small diff.
import { describe, expect, it } from 'vitest';
import { makeStore, PLAN } from '../../ui/board-fixture.js';

const lines = (t: string) => t.split('\n');
/** Lines of `after` not in `before` and the reverse (as multisets, sorted): what a diff shows. */
function changed(before: string, after: string): { added: string[]; removed: string[] } {
  const count = (xs: string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
  const b = count(lines(before));
  const a = count(lines(after));
  const added = [...a].flatMap(([x, n]) => Array(Math.max(0, n - (b.get(x) ?? 0))).fill(x));
  const removed = [...b].flatMap(([x, n]) => Array(Math.max(0, n - (a.get(x) ?? 0))).fill(x));
  return { added: added.sort(), removed: removed.sort() };
}

describe('board edit actions', () => {
  it('addIssue: the next id, in the selected issue’s column, lane and group, after its group', async () => {
    const { store, file } = makeStore();
    store.getState().select('A-2');
    expect(store.getState().addIssue('Handle errors', { estimate: '2d' })).toBe(true);
    expect(store.getState().selectedId).toBe('A-5');
    await store.getState().save();
    expect(changed(PLAN, file.text)).toEqual({
      added: ['  - id: A-5', '    title: Handle errors', '    status: in-progress', '    group: P1', '    estimate: 2d', '    lane: ann'].sort(),
      removed: [],
    });
    // Placed after A-2, the last issue of group P1.
    expect(file.text.indexOf('id: A-5')).toBeGreaterThan(file.text.indexOf('id: A-2'));
    expect(file.text.indexOf('id: A-5')).toBeLessThan(file.text.indexOf('id: A-3'));
    store.getState().undo();
    await store.getState().save();
    expect(file.text).toBe(PLAN);
    expect(store.getState().addIssue('  ')).toBe(false);
    expect(store.getState().message).toBe('cannot: a title cannot be empty');
  });

  it('renameIssue, setEstimate and setIssueField change one line each; bad input is refused with the reason', async () => {
    const { store, file } = makeStore();
    store.getState().select('A-3');
    expect(store.getState().renameIssue('Render the kanban board')).toBe(true);
    expect(store.getState().setEstimate('3-5d')).toBe(true);
    expect(store.getState().setIssueField('priority', 'low')).toBe(true);
    expect(store.getState().setIssueField('milestone', 'M1')).toBe(true);
    expect(store.getState().setIssueField('due', '2026-04-01')).toBe(true);
    expect(store.getState().setIssueField('labels', 'ui, board')).toBe(true);
    expect(store.getState().setEstimate('4-2d')).toBe(false);
    expect(store.getState().message).toMatch(/4 is more than 2/);
    expect(store.getState().setIssueField('priority', 'urgent')).toBe(false);
    expect(store.getState().message).toMatch(/unknown priority "urgent"/);
    await store.getState().save();
    expect(changed(PLAN, file.text)).toEqual({
      added: ['    title: Render the kanban board', '    estimate: 3-5d', '    priority: low', '    milestone: M1', '    labels: [ui, board]', '    due: 2026-04-01'].sort(),
      removed: ['    title: Render the board', '    estimate: 2-4d', '    priority: high'].sort(),
    });
    for (let n = 0; n < 6; n++) store.getState().undo();
    await store.getState().save();
    expect(file.text).toBe(PLAN);
  });

  it('addDependency refuses a loop with the loop named; removeDependency takes it back', async () => {
    const { store, file } = makeStore();
    store.getState().select('A-1');
    expect(store.getState().addDependency('A-3')).toBe(false);
    expect(store.getState().message).toBe('cannot: would make a cycle: A-1 → A-3 → A-2 → A-1');
    store.getState().select('A-4');
    expect(store.getState().addDependency('A-2')).toBe(true);
    expect(store.getState().addDependency('A-2')).toBe(false);
    expect(store.getState().message).toBe('A-4 already waits for A-2');
    await store.getState().save();
    expect(changed(PLAN, file.text)).toEqual({ added: ['    depends_on: [A-2]'], removed: [] });
    expect(store.getState().removeDependency('A-2')).toBe(true);
    await store.getState().save();
    expect(file.text).toBe(PLAN);
    expect(store.getState().removeDependency('A-1')).toBe(false);
    expect(store.getState().message).toBe('A-4 does not wait for A-1');
  });

  it('removeIssue is refused while others depend on it; undone, the same lines come back', async () => {
    const { store, file } = makeStore();
    store.getState().select('A-2');
    expect(store.getState().removeIssue()).toBe(false);
    expect(store.getState().message).toMatch(/cannot remove A-2: the plan still names it in A-3 \(depends_on\)/);
    store.getState().select('A-4');
    expect(store.getState().removeIssue()).toBe(true);
    await store.getState().save();
    expect(file.text).not.toContain('A-4');
    store.getState().undo();
    await store.getState().save();
    expect(file.text).toBe(PLAN);
  });

  it('reorderIssue moves the issue past its neighbour in the column, and the file’s order with it', async () => {
    const { store, file } = makeStore();
    // have no status: both in the first column (todo), A-3 first.
    store.getState().select('A-4');
    expect(store.getState().reorderIssue(1)).toBe(false);
    expect(store.getState().message).toBe('A-4 is already last in its column');
    expect(store.getState().reorderIssue(-1)).toBe(true);
    expect(store.getState().data.issues!.map((i) => i.id)).toEqual(['A-1', 'A-2', 'A-4', 'A-3']);
    await store.getState().save();
    expect(file.text.indexOf('id: A-4')).toBeLessThan(file.text.indexOf('id: A-3'));
    expect(changed(PLAN, file.text)).toEqual({ added: [], removed: [] });
    store.getState().undo();
    await store.getState().save();
    expect(file.text).toBe(PLAN);
  });
});
