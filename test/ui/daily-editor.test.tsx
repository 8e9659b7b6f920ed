// The board as a daily editor: what matters first (work in progress, done work hidden, sorted,
// folded), edit keys only where the selection can be seen, and marks explained.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildModel } from '../../src/core/plan/model.js';
import { loadPlanText } from '../../src/core/plan/load.js';
import { fileViewPrefs, memoryViewPrefs } from '../../src/core/persist/view-prefs.js';
import { createBoardStore } from '../../src/store/index.js';
import { openingSelection } from '../../src/store/opening.js';
import { selectColumns, selectTimelineNav, selectVisibleIssues } from '../../src/store/selectors.js';
import { helpLines } from '../../src/ui/help-lines.js';
import { KEY, makeStore, memoryFile, PLAN, renderBoard } from './helpers.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function storeWith(prefs = memoryViewPrefs(), user?: string) {
  const r = loadPlanText(PLAN, 'plan.yaml');
  if (!r.ok) throw new Error('fixture does not load');
  return createBoardStore({ file: 'plan.yaml', text: PLAN, data: r.plan.data, today: '2026-03-02', persistence: memoryFile(PLAN).persistence, viewPrefs: prefs, user });
}

describe('where the cursor opens', () => {
  const model = buildModel({
    planboard: 1,
    title: 't',
    lanes: [{ id: 'ann' }, { id: 'bob', name: 'Bob' }],
    issues: [
      { id: 'X1', title: 'done first', status: 'done', lane: 'bob' },
      { id: 'X2', title: 'ann works', status: 'in-progress', lane: 'ann' },
      { id: 'X3', title: 'bob waits', lane: 'bob' },
      { id: 'X4', title: 'bob works', status: 'review', lane: 'bob' },
    ],
  } as never);
  it('on the user\'s own work in progress when a lane has their login name (id or name)', () => {
    expect(openingSelection(model, 'bob')).toBe('X4');
    expect(openingSelection(model, 'ann')).toBe('X2');
  });
  it('else on the first work in progress, never on the done issue first in the file', () => {
    expect(openingSelection(model, 'carol')).toBe('X2');
    expect(openingSelection(model)).toBe('X2');
  });
  it('on the first unfinished issue when nothing is in progress', () => {
    const idle = buildModel({ planboard: 1, title: 't', issues: [{ id: 'Y1', title: 'a', status: 'done' }, { id: 'Y2', title: 'b' }] } as never);
    expect(openingSelection(idle)).toBe('Y2');
  });
});

describe('hide done work', () => {
  it('H hides done issues from every pane, says how many, and shows them again', async () => {
    const store = storeWith();
    const b = await renderBoard({ store });
    expect(b.frame()).toContain('A-1');
    await b.press('H');
    expect(b.frame()).not.toContain('A-1');
    expect(b.frame()).toContain('done work hidden (1)');
    await b.press('2');
    expect(b.frame()).not.toContain('A-1 Set up');
    await b.press('H');
    expect(b.frame()).toContain('A-1');
    b.unmount();
  });

  it('is remembered per plan in the user\'s state folder, not beside the plan', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'planboard-prefs-'));
    dirs.push(dir);
    const file = join(dir, 'state', 'planboard', 'views.json');
    const first = storeWith(fileViewPrefs(file));
    first.getState().toggleHideDone();
    first.getState().cycleSort();
    const again = storeWith(fileViewPrefs(file));
    expect(again.getState().hideDone).toBe(true);
    expect(again.getState().sort).toBe('priority');
    expect(selectVisibleIssues(again.getState()).some((i) => i.id === 'A-1')).toBe(false);
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')))).toEqual([join(process.cwd(), 'plan.yaml')]);
    const other = createBoardStore({ ...optsFor('other.yaml'), viewPrefs: fileViewPrefs(file) });
    expect(other.getState().hideDone).toBe(false);
  });

  it('a damaged preferences file reads as no preferences', () => {
    const dir = mkdtempSync(join(tmpdir(), 'planboard-prefs-'));
    dirs.push(dir);
    const file = join(dir, 'views.json');
    writeFileSync(file, '{not json');
    expect(fileViewPrefs(file).read('plan.yaml')).toEqual({});
  });
});

function optsFor(file: string) {
  const r = loadPlanText(PLAN, file);
  if (!r.ok) throw new Error('fixture does not load');
  return { file, text: PLAN, data: r.plan.data, today: '2026-03-02' };
}

describe('sort and filter', () => {
  it('o sorts columns by priority, then due date, then back to file order', () => {
    const store = storeWith();
    const backlog = () => selectColumns(store.getState()).get('todo')!.map((i) => i.id);
    store.getState().apply({ kind: 'set-field', id: 'A-4', field: 'priority', value: 'critical' });
    expect(backlog()).toEqual(['A-3', 'A-4']);
    store.getState().cycleSort();
    expect(store.getState().message).toBe('sort: priority');
    expect(backlog()).toEqual(['A-4', 'A-3']); // critical before high
    store.getState().cycleSort();
    expect(store.getState().message).toBe('sort: due date');
    expect(backlog()).toEqual(['A-3', 'A-4']); // neither is due: file order
    store.getState().cycleSort();
    expect(store.getState().sort).toBe('order');
  });

  it('the filter picker offers statuses', async () => {
    const store = storeWith();
    const b = await renderBoard({ store });
    await b.press('f');
    expect(b.frame()).toContain('status: in-progress');
    await b.press(KEY.down, KEY.down, KEY.enter); // clear, todo, in-progress
    expect(store.getState().filter).toEqual({ status: 'in-progress' });
    expect(selectVisibleIssues(store.getState()).map((i) => i.id)).toEqual(['A-2']);
    b.unmount();
  });
});

describe('folding timeline groups', () => {
  it('z folds the selected issue\'s group to one row the cursor steps over, and unfolds it', async () => {
    const store = storeWith();
    const b = await renderBoard({ store, width: 120, height: 30 });
    await b.press('2');
    store.getState().select('A-2');
    await b.press('z');
    expect(b.frame()).toMatch(/▶ P1 Phase one \(2\)/);
    expect(selectTimelineNav(store.getState()).map((i) => i.id)).toEqual(['A-1', 'A-3', 'A-4']);
    await b.press('j');
    expect(store.getState().selectedId).toBe('A-3');
    await b.press('k', 'z');
    expect(b.frame()).toMatch(/▾ P1 Phase one/);
    expect(b.frame()).toContain('A-2 Write the parser');
    b.unmount();
  });
});

describe('edit keys act only where the selection is drawn', () => {
  it('Space in the capacity and standup panes changes nothing', async () => {
    const { store } = makeStore();
    const b = await renderBoard({ store });
    for (const pane of ['3', 'S']) {
      await b.press(pane, ' ', 'x', '>', 't');
      expect(store.getState().pending).toEqual([]);
      expect(store.getState().overlay).toBeNull();
    }
    b.unmount();
  });
});

describe('the ? help', () => {
  it('explains every mark the panes draw', () => {
    const text = helpLines('kanban').map((l) => `${l.keys ?? ''} ${l.text}`).join('\n');
    expect(text).toMatch(/Marks/);
    for (const [mark, word] of [['⊘', 'blocked'], ['◆', 'critical'], ['‼', 'priority'], ['!', 'priority'], ['▲', 'over capacity'], ['?', 'no estimate'], ['✓', 'done']])
      expect(text).toMatch(new RegExp(`${mark.replace(/[?!]/g, '\\$&')} [^\\n]*${word}`));
  });
});

describe('the active scenario, in every pane', () => {
  const text = readFileSync('plans/k3s-mono-pgsql.yaml', 'utf8');
  const load = () => {
    const r = loadPlanText(text, 'k3s.yaml');
    if (!r.ok) throw new Error('k3s does not load');
    return createBoardStore({ file: 'k3s.yaml', text, data: r.plan.data, today: '2026-02-10', persistence: memoryFile(text).persistence });
  };

  it('moves issues to the scenario\'s lanes and drops the lanes it does not staff, for kanban, timeline and capacity', async () => {
    const store = load();
    const b = await renderBoard({ store, width: 140, height: 40 });
    await b.press('c'); // 2-dev, from the kanban
    expect(store.getState().scenario).toBe('2-dev');
    expect(b.frame()).toContain('scenario: Plan 2 dev');
    const lanes = new Set(selectVisibleIssues(store.getState()).map((i) => i.lane));
    expect(lanes).toEqual(new Set(['dev-a', 'dev-b']));
    await b.press('w'); // swimlanes
    expect(b.frame()).toMatch(/dev-a|Dev A/);
    expect(b.frame()).not.toMatch(/Dev C|Dev D/);
    await b.press('3');
    expect(b.frame()).toContain('scenario: Plan 2 dev');
    expect(b.frame()).not.toMatch(/Dev C|Dev D/);
    await b.press('c'); // 3-dev
    expect(b.frame()).toMatch(/Dev C/);
    expect(b.frame()).not.toMatch(/Dev D/);
    b.unmount();
  });
});

describe('nothing cut without a mark, nothing said twice', () => {
  it('the detail view opens on the title at 80×24, and scrolls only as the cursor needs', async () => {
    const { windowFromTop } = await import('../../src/ui/panes/Detail.js');
    expect(windowFromTop(0, 10, 30)).toEqual([0, 10]);
    expect(windowFromTop(8, 10, 30)).toEqual([0, 10]);
    expect(windowFromTop(9, 10, 30)).toEqual([1, 11]);
    expect(windowFromTop(29, 10, 30)).toEqual([20, 30]);
    const text = readFileSync('plans/koprogo-roadmap.yaml', 'utf8');
    const r = loadPlanText(text, 'k.yaml');
    if (!r.ok) throw new Error('koprogo does not load');
    const store = createBoardStore({ file: 'k.yaml', text, data: r.plan.data, today: '2025-11-03', persistence: memoryFile(text).persistence });
    store.getState().select('#39');
    const b = await renderBoard({ store, width: 80, height: 24 });
    await b.press(KEY.enter);
    expect(b.frame()).toContain('#39 ');
    expect(b.frame()).toContain('LUKS');
    b.unmount();
  });

  it('a standup line too long for the pane ends in …', async () => {
    const { clipMarked, lineText } = await import('../../src/ui/layout/segments.js');
    expect(lineText(clipMarked([{ text: 'a long line of text', style: 'plain' }], 10))).toBe('a long li…');
    expect(lineText(clipMarked([{ text: 'short', style: 'plain' }], 10))).toBe('short');
  });

  it('an error that already says "not saved" is not prefixed again', async () => {
    const { notSaved } = await import('../../src/store/messages.js');
    expect(notSaved(new Error('not saved: the file moved'))).toBe('not saved: the file moved');
    expect(notSaved(new Error('disk full'))).toBe('not saved: disk full');
  });
});
