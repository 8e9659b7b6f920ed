import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { helpLines } from '../../src/ui/help-lines.js';
import { KEY, makeStore, PLAN, renderBoard, until } from './helpers.js';

afterEach(() => cleanup());

const lines = (frame: string) => frame.split('\n');
const issue = (store: ReturnType<typeof makeStore>['store'], id: string) => store.getState().model.byId.get(id)!;

describe('board layout', () => {
  it('shows header (title, as-of, today, file state), tabs, kanban columns with counts, footer hints', async () => {
    const { store } = makeStore();
    const { frame } = await renderBoard({ store });
    const f = frame();
    const [head, tabs] = lines(f);
    expect(head).toMatch(/^Test plan · as of 2026-03-01 · today 2026-03-02/);
    expect(head).toMatch(/plan\.yaml ✓ saved\s*$/);
    expect(tabs).toMatch(/1 Kanban\s+2 Timeline\s+3 Capacity/);
    expect(f).toMatch(/todo \(2\)/);
    expect(f).toMatch(/in-progress \(1\)/);
    expect(f).toMatch(/review \(0\)/);
    expect(f).toMatch(/done \(1\)/);
    expect(lines(f).at(-2)).toMatch(/Space done\s+> status\s+a lane/);
  });

  it('draws exactly the terminal height, never taller', async () => {
    const { store } = makeStore();
    const { frame } = await renderBoard({ store, width: 80, height: 24 });
    expect(lines(frame())).toHaveLength(24);
    for (const l of lines(frame())) expect(l.length).toBeLessThanOrEqual(80);
  });

  it('cards show id, title, estimate, lane, blocked mark, priority mark and subtask progress', async () => {
    const { store } = makeStore();
    const { frame } = await renderBoard({ store });
    const f = frame();
    expect(f).toContain('A-2 ‼ 1/3'); // critical, subtasks 1 of 3; its dependency is done
    expect(f).toContain('A-3 ⊘!'); // blocked by A-2 (open), high priority
    expect(f).toMatch(/2d-4d · bob/);
    expect(f).toMatch(/A-1 ✓/);
  });

  it('says the terminal is too small below 80×24', async () => {
    const { store } = makeStore();
    const { frame } = await renderBoard({ store, width: 70, height: 20 });
    expect(frame()).toContain('Terminal too small: 70×20.');
    expect(frame()).toContain('at least 80×24');
  });

  it('shows an escape sequence in a title inert', async () => {
    const evil = PLAN.replace('title: Render the board', 'title: "Render \\e[2J\\e]0;owned\\a board"');
    const { store } = makeStore(evil);
    const { frame, settled } = await renderBoard({ store });
    store.getState().select('A-3');
    await settled();
    expect(frame()).not.toContain('\u001b[2J');
    expect(frame()).not.toContain('\u001b]0');
    expect(frame()).toContain('Render ^[[2J^[]0;o');
  });

  it('keeps escape sequences in ids, lanes and statuses inert wherever they show', async () => {
    const evil = PLAN.replace('  - id: A-4\n', '  - id: "A-4\\e[31m"\n').replace('  - id: cy\n', '  - id: "cy\\e]0;x\\a"\n');
    const { store } = makeStore(evil);
    const { frame, press } = await renderBoard({ store });
    store.getState().select('A-4\u001b[31m');
    await press('t');
    expect(frame()).toContain('log time on A-4^[[31m');
    await press(KEY.escape, 'a');
    expect(frame()).toContain('cy^[]0;x^G');
    expect(frame()).not.toMatch(/\u001b[[\]]/);
  });

  it('shows who else has the plan open', async () => {
    const { store } = makeStore();
    const { frame, settled } = await renderBoard({ store });
    store.getState().setPresence(['ann@pts/3', 'bob@pts/7']);
    await settled();
    expect(lines(frame())[1]).toMatch(/3 Capacity\s+also here: ann@pts\/3, bob@pts\/7/);
  });

  it('says in the header when the file was reloaded', async () => {
    const { store } = makeStore();
    const { frame, settled } = await renderBoard({ store });
    store.getState().reload(PLAN.replace('Render the board', 'Render it'), '1 change by another session');
    await settled();
    expect(lines(frame())[0]).toContain('↻ reloaded: 1 change by another session');
  });

  it('swimlanes (w) group the cards by lane', async () => {
    const { store } = makeStore();
    const { frame, press } = await renderBoard({ store });
    await press('w');
    expect(frame()).toMatch(/── Ann \(2\) ─+/);
    expect(frame()).toMatch(/── Bob \(1\) ─+/);
    expect(frame()).toMatch(/── \(no lane\) \(1\)/);
    await press('w');
    expect(frame()).not.toContain('── Ann');
  });
});

describe('board keys', () => {
  it('j/k and h/l move the selection; the detail follows it', async () => {
    const { store } = makeStore();
    const { press } = await renderBoard({ store });
    expect(store.getState().selectedId).toBe('A-2'); // opens on work in progress
    await press('l'); // in-progress → done
    expect(store.getState().selectedId).toBe('A-1');
    await press('h'); // done → in-progress
    expect(store.getState().selectedId).toBe('A-2');
    await press('h'); // → todo
    expect(store.getState().selectedId).toBe('A-3');
    await press('j');
    expect(store.getState().selectedId).toBe('A-4');
    await press('k', KEY.down, 'G', 'g');
    expect(store.getState().selectedId).toBe('A-3');
  });

  it('space ticks and unticks; x does the same', async () => {
    const { store } = makeStore();
    const { press, frame } = await renderBoard({ store });
    store.getState().select('A-4');
    await press(' ');
    expect(issue(store, 'A-4').status).toBe('done');
    expect(frame()).toMatch(/done \(2\)/);
    expect(frame()).toContain('unsaved changes (1)');
    await press('x');
    expect(issue(store, 'A-4').status).toBe('todo');
  });

  it('> and < move the status', async () => {
    const { store } = makeStore();
    const { press } = await renderBoard({ store });
    store.getState().select('A-3');
    await press('>');
    expect(issue(store, 'A-3').status).toBe('in-progress');
    await press('>', '>');
    expect(issue(store, 'A-3').status).toBe('done');
    expect(issue(store, 'A-3').doneOn).toBe('2026-03-02');
    await press('<');
    expect(issue(store, 'A-3').status).toBe('review');
  });

  it('a opens the lane picker; Enter reassigns', async () => {
    const { store } = makeStore();
    const { press, frame } = await renderBoard({ store });
    store.getState().select('A-3');
    await press('a');
    expect(frame()).toContain('Lane for A-3');
    expect(frame()).toMatch(/▶ Bob \(bob\)/);
    await press('j', KEY.enter);
    expect(issue(store, 'A-3').lane).toBe('cy');
    expect(store.getState().overlay).toBeNull();
  });

  it('[ and ] move to the previous and next lane', async () => {
    const { store } = makeStore();
    const { press } = await renderBoard({ store });
    store.getState().select('A-3');
    await press('[');
    expect(issue(store, 'A-3').lane).toBe('ann');
    await press('[');
    expect(store.getState().message).toMatch(/already in the first lane/);
    await press(']', ']');
    expect(issue(store, 'A-3').lane).toBe('cy');
  });

  it('t prompts for time and logs it; a bad amount keeps the prompt with the reason', async () => {
    const { store } = makeStore();
    const { press, frame } = await renderBoard({ store });
    store.getState().select('A-2');
    await press('t');
    expect(frame()).toContain('log time on A-2');
    await press('z', 'z', KEY.enter);
    expect(frame()).toContain('not a duration');
    await press(KEY.backspace, KEY.backspace, '1', '.', '5', 'h', KEY.enter);
    expect(issue(store, 'A-2').log.at(-1)).toEqual({ date: '2026-03-02', hours: 1.5 });
    expect(store.getState().overlay).toBeNull();
  });

  it('u undoes and Ctrl-r redoes a tick and a reassignment', async () => {
    const { store } = makeStore();
    const { press } = await renderBoard({ store });
    store.getState().select('A-3');
    await press(' ', ']');
    expect(issue(store, 'A-3')).toMatchObject({ status: 'done', lane: 'cy' });
    await press('u');
    expect(issue(store, 'A-3')).toMatchObject({ status: 'done', lane: 'bob' });
    await press('u');
    expect(issue(store, 'A-3')).toMatchObject({ status: 'todo', lane: 'bob' });
    expect(store.getState().fileState).toBe('saved');
    await press(KEY.ctrlR, KEY.ctrlR);
    expect(issue(store, 'A-3')).toMatchObject({ status: 'done', lane: 'cy' });
  });

  it('/ filters every pane as you type; Esc clears', async () => {
    const { store } = makeStore();
    const { press, frame } = await renderBoard({ store });
    await press('/', 'd', 'o', 'c');
    expect(frame()).toContain('search: doc');
    expect(frame()).toMatch(/todo \(1\)/);
    expect(frame()).toMatch(/done \(0\)/);
    await press(KEY.enter);
    expect(frame()).toContain('filter: /doc');
    await press('2');
    expect(store.getState().search).toBe('doc');
    await press(KEY.escape);
    expect(store.getState().search).toBe('');
    expect(frame()).not.toContain('filter: /doc');
  });

  it('f filters by lane from a picker', async () => {
    const { store } = makeStore();
    const { press, frame } = await renderBoard({ store });
    await press('f');
    expect(frame()).toContain('Filter by');
    const items = store.getState().overlay!.kind === 'picker' ? (store.getState().overlay as { items: { value: string }[] }).items : [];
    const at = items.findIndex((i) => i.value === 'lane=bob');
    for (let n = 0; n < at; n++) await press('j');
    await press(KEY.enter);
    expect(store.getState().filter).toEqual({ lane: 'bob' });
    expect(frame()).toMatch(/todo \(1\)/);
  });

  it('? shows help generated from the keymap, only keys in force in this pane', async () => {
    const { store } = makeStore();
    const { press, frame } = await renderBoard({ store, height: 40 });
    await press('?');
    const f = frame();
    expect(f).toContain('Keys in the kanban pane');
    for (const l of helpLines('kanban').slice(0, 30)) expect(f).toContain(l.kind === 'group' ? l.text : l.text);
    expect(f).toContain('swimlanes by lane');
    expect(f).not.toContain('zoom in');
    await press(KEY.escape, '2', '?');
    expect(frame()).toContain('zoom in');
    expect(frame()).not.toContain('swimlanes by lane');
  });

  it('help scrolls when it does not fit', async () => {
    const { store } = makeStore();
    const { press, frame } = await renderBoard({ store, height: 24 });
    await press('?');
    expect(frame()).toMatch(/\(1-19 of \d+; j\/k or the wheel scroll\)/);
    await press('j');
    expect(frame()).toMatch(/\(6-24 of \d+/);
  });

  it('Enter shows the detail: fields, subtasks to tick, deps, dependents, time entries', async () => {
    const { store } = makeStore();
    const { press, frame } = await renderBoard({ store, height: 40 });
    store.getState().select('A-2');
    await press(KEY.enter);
    const f = frame();
    expect(f).toContain('A-2  Write the parser');
    expect(f).toMatch(/subtasks 1\/3 \(3\)/);
    expect(f).toContain('[x] tokens');
    expect(f).toMatch(/depends on \(1\)\s*\n\s*✓ A-1/);
    expect(f).toMatch(/dependents \(1\)\s*\n\s*· A-3/);
    await press('j', ' ');
    expect(issue(store, 'A-2').subtasks[1].done).toBe(true);
    expect(frame()).toContain('[x] grammar');
    await press(KEY.escape);
    expect(store.getState().overlay).toBeNull();
  });

  it('q quits at once when saved, and asks first when there are unsaved edits', async () => {
    const { store } = makeStore();
    const { press, frame } = await renderBoard({ store });
    await press(' ', 'q');
    expect(frame()).toContain('You have 1 unsaved edit. Quit?');
    expect(store.getState().quit).toBe(false);
    await press(KEY.escape);
    expect(store.getState().overlay).toBeNull();
    await press('u', 'q');
    expect(store.getState().quit).toBe(true);
  });

  it('s saves; the quit question can save and quit', async () => {
    const { store, file } = makeStore();
    const { press, frameShows } = await renderBoard({ store });
    store.getState().select('A-4');
    await press(' ', 's');
    await frameShows('saved 1 edit');
    expect(file.text).toContain('done_on: 2026-03-02');
    // An edit pending, so q asks (with nothing pending it quits at once).
    await press(']', 'q');
    expect(store.getState().overlay).toEqual({ kind: 'quit' });
    await press('s');
    await until(() => store.getState().quit);
    expect(file.text).toMatch(/id: A-4[\s\S]*lane: ann/);
  });

  it('Tab cycles the panes and 1/2/3 pick one', async () => {
    const { store } = makeStore();
    const { press } = await renderBoard({ store });
    await press(KEY.tab);
    expect(store.getState().pane).toBe('timeline');
    await press(KEY.tab);
    expect(store.getState().pane).toBe('capacity');
    await press(KEY.tab);
    expect(store.getState().pane).toBe('kanban');
    await press('3');
    expect(store.getState().pane).toBe('capacity');
    await press('1');
    expect(store.getState().pane).toBe('kanban');
  });

  it('e opens the editor at the issue line (injected), refusing while edits are unsaved', async () => {
    const { store } = makeStore();
    const calls: [string, number][] = [];
    const { press } = await renderBoard({ store, openEditor: (f, l) => void calls.push([f, l]), issueLine: (_t, id) => (id === 'A-3' ? 42 : 0) });
    store.getState().select('A-3');
    await press('e');
    expect(calls).toEqual([['plan.yaml', 42]]);
    await press(' ', 'e');
    expect(calls).toHaveLength(1);
    expect(store.getState().message).toMatch(/save \(s\) or undo/);
  });
});

describe('wide terminal', () => {
  // ink-testing-library's stdout is 100 columns, so the wide board is rendered to a string.
  it('puts the kanban and the timeline side by side from SPLIT_WIDTH columns', async () => {
    const { renderToString } = await import('ink');
    const { App, SPLIT_WIDTH } = await import('../../src/ui/App.js');
    const { store } = makeStore();
    const wide = renderToString(<App store={store} width={SPLIT_WIDTH} height={24} color={false} />, { columns: SPLIT_WIDTH });
    expect(wide.split('\n')[2]).toMatch(/^todo \(2\).*┃/);
    const narrow = renderToString(<App store={store} width={SPLIT_WIDTH - 1} height={24} color={false} />, { columns: SPLIT_WIDTH });
    expect(narrow).not.toContain('┃');
  });
});
