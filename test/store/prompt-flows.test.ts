// The board's prompts, pickers and questions as store actions, step by step, without React or a
// terminal: each step reads the overlay in the state and leaves the next one (or an edit).
import { describe, expect, it } from 'vitest';
import type { Persistence } from '../../src/store/index.js';
import { editLine, filterFrom, suggestSaveAs } from '../../src/store/prompt-items.js';
import { makeStore, memoryFile, PLAN } from '../ui/board-fixture.js';

const typed = (s: ReturnType<typeof makeStore>['store'], text: string) => {
  for (const ch of text) s.getState().typeInPrompt(ch, {});
};
const overlay = (s: ReturnType<typeof makeStore>['store']) => s.getState().overlay;

describe('the new-issue flow', () => {
  it('asks a title, then details; the issue is added with them and the prompt closes', async () => {
    const { store } = makeStore();
    store.getState().askNewIssue();
    typed(store, 'Write the tutorial');
    await store.getState().submitPrompt();
    expect(overlay(store)).toMatchObject({ kind: 'prompt', purpose: 'new-details', title: 'Write the tutorial', value: '' });
    typed(store, '2d bob todo');
    await store.getState().submitPrompt();
    expect(overlay(store)).toBeNull();
    const made = store.getState().model.issues.find((i) => i.title === 'Write the tutorial')!;
    expect(made).toMatchObject({ id: 'A-5', lane: 'bob', status: 'todo' });
    expect(store.getState().selectedId).toBe('A-5');
  });

  it('refuses an empty title and a word that is no estimate, lane or status, keeping the prompt open', async () => {
    const { store } = makeStore();
    store.getState().askNewIssue();
    typed(store, '   ');
    await store.getState().submitPrompt();
    expect(overlay(store)).toMatchObject({ purpose: 'new-title', error: 'a title cannot be empty' });
    store.getState().typeInPrompt('u', { ctrl: true });
    typed(store, 'Something');
    await store.getState().submitPrompt();
    typed(store, 'tomorrow');
    await store.getState().submitPrompt();
    expect(overlay(store)).toMatchObject({ purpose: 'new-details', value: 'tomorrow' });
    expect((overlay(store) as { error: string }).error).toMatch(/"tomorrow" is not an estimate, a lane \(ann, bob, cy\) or a status/);
    expect(store.getState().pending).toEqual([]);
  });
});

describe('rename and field prompts', () => {
  it('rename starts from the title; a blank one is refused with the reason, a new one is set', async () => {
    const { store } = makeStore();
    store.getState().select('A-3');
    store.getState().askRename();
    expect(overlay(store)).toMatchObject({ purpose: 'rename', label: 'rename A-3:', value: 'Render the board' });
    store.getState().typeInPrompt('u', { ctrl: true });
    await store.getState().submitPrompt();
    expect(overlay(store)).toMatchObject({ purpose: 'rename', error: 'cannot: a title cannot be empty' });
    typed(store, 'Draw it');
    await store.getState().submitPrompt();
    expect(overlay(store)).toBeNull();
    expect(store.getState().model.byId.get('A-3')?.title).toBe('Draw it');
  });

  it('the field picker lists every field but the title with its value; choosing one asks for it', async () => {
    const { store } = makeStore();
    store.getState().select('A-2');
    store.getState().pickField();
    const ov = overlay(store);
    expect(ov?.kind === 'picker' && ov.items.map((i) => i.label)).toEqual(['estimate: 3d', 'labels: core', 'sprint: (none)', 'milestone: (none)', 'due: (none)', 'priority: critical']);
    store.getState().choosePicker();
    expect(overlay(store)).toMatchObject({ kind: 'prompt', purpose: 'field', field: 'estimate', value: '3d' });
    store.getState().typeInPrompt('', { backspace: true });
    store.getState().typeInPrompt('', { backspace: true });
    typed(store, '5d');
    await store.getState().submitPrompt();
    expect(overlay(store)).toBeNull();
    expect(store.getState().data.issues?.find((i) => i.id === 'A-2')?.estimate).toBe('5d');
  });

  it('with nothing selected, the prompts and pickers that need an issue say so and open nothing', () => {
    const { store } = makeStore();
    store.getState().select(null);
    for (const ask of ['askRename', 'askLogTime', 'pickField', 'pickDependency', 'pickLane', 'askDelete', 'showDetail'] as const) {
      store.getState().setMessage(null);
      store.getState()[ask]();
      expect(overlay(store), ask).toBeNull();
      expect(store.getState().message, ask).toBe('nothing selected');
    }
  });
});

describe('pickers', () => {
  it('the dependency picker lists linked issues first; choosing one unlinks it, choosing another links it', () => {
    const { store } = makeStore();
    store.getState().select('A-3');
    store.getState().pickDependency();
    const ov = overlay(store);
    expect(ov?.kind === 'picker' && ov.items[0]).toEqual({ label: '✓ waits for A-2 Write the parser', value: 'A-2' });
    store.getState().choosePicker();
    expect(store.getState().model.byId.get('A-3')?.deps.map((d) => d.id)).toEqual([]);
    store.getState().pickDependency();
    const to = (overlay(store) as { items: { value: string }[] }).items.findIndex((i) => i.value === 'A-4');
    store.getState().movePicker(to);
    store.getState().choosePicker();
    expect(store.getState().model.byId.get('A-3')?.deps.map((d) => d.id)).toEqual(['A-4']);
  });

  it('the cursor stays on the list; the lane picker opens on the issue\'s lane', () => {
    const { store } = makeStore();
    store.getState().select('A-3');
    store.getState().pickLane();
    expect(overlay(store)).toMatchObject({ purpose: 'lane', cursor: 1 });
    store.getState().movePicker(-5);
    expect(overlay(store)).toMatchObject({ cursor: 0 });
    store.getState().movePicker(99);
    expect(overlay(store)).toMatchObject({ cursor: 3 }); // ann, bob, cy, (no lane)
    store.getState().choosePicker();
    expect(store.getState().model.byId.get('A-3')?.lane).toBeUndefined();
  });

  it('a filter item sets one key and keeps the others; the first item clears them all', () => {
    expect(filterFrom({ status: 'todo' }, 'lane=ann')).toEqual({ status: 'todo', lane: 'ann' });
    expect(filterFrom({ status: 'todo' }, 'sprint=a=b')).toEqual({ status: 'todo', sprint: 'a=b' });
    expect(filterFrom({ status: 'todo' }, '')).toEqual({});
  });
});

describe('the delete question', () => {
  it('yes removes the issue it named, no keeps it and says so', () => {
    const { store } = makeStore();
    store.getState().select('A-4');
    store.getState().askDelete();
    store.getState().answerDelete(false);
    expect(store.getState()).toMatchObject({ overlay: null, message: 'kept' });
    store.getState().askDelete();
    store.getState().answerDelete(true);
    expect(store.getState().model.byId.has('A-4')).toBe(false);
  });

  it('yes removes nothing when the selection moved away from the issue it named', () => {
    const { store } = makeStore();
    store.getState().select('A-4');
    store.getState().askDelete();
    store.getState().select('A-3');
    store.getState().answerDelete(true);
    expect(store.getState().overlay).toBeNull();
    expect(store.getState().model.issues).toHaveLength(4);
  });
});

describe('search, log time and save as', () => {
  it('search applies as it is typed; Escape clears it, Enter keeps it and says so', async () => {
    const { store } = makeStore();
    store.getState().askSearch();
    typed(store, 'doc');
    expect(store.getState().search).toBe('doc');
    await store.getState().submitPrompt();
    expect(store.getState()).toMatchObject({ overlay: null, search: 'doc', message: 'search: doc' });
    store.getState().askSearch();
    expect(overlay(store)).toMatchObject({ value: 'doc' });
    store.getState().cancelPrompt();
    expect(store.getState()).toMatchObject({ overlay: null, search: '' });
  });

  it('a log entry that does not read keeps the prompt open with the reason', async () => {
    const { store } = makeStore();
    store.getState().select('A-4');
    store.getState().askLogTime();
    typed(store, 'lots');
    await store.getState().submitPrompt();
    expect(overlay(store)).toMatchObject({ purpose: 'log-time', value: 'lots' });
    expect((overlay(store) as { error?: string }).error).toBeTruthy();
    store.getState().typeInPrompt('u', { ctrl: true });
    typed(store, '90m');
    await store.getState().submitPrompt();
    expect(overlay(store)).toBeNull();
    expect(store.getState().message).toBe('A-4: logged 1.5h');
  });

  it('save as: a different file there asks again, Enter again overwrites', async () => {
    const { file, persistence } = memoryFile(PLAN);
    const there = new Map<string, string>([['/elsewhere/plan.yaml', 'other']]);
    const saveAs: Persistence['saveAs'] = async (path, text, { overwrite }) => {
      if (there.has(path) && there.get(path) !== text && !overwrite) return 'exists';
      there.set(path, text);
      return 'written';
    };
    const { store } = makeStore(PLAN, { persistence: { ...persistence, saveAs } });
    store.getState().askSaveAs();
    expect(overlay(store)).toMatchObject({ purpose: 'save-as', value: 'plan.mine.yaml' });
    store.getState().typeInPrompt('u', { ctrl: true });
    typed(store, '/elsewhere/plan.yaml');
    await store.getState().submitPrompt();
    expect(overlay(store)).toMatchObject({ confirm: '/elsewhere/plan.yaml', error: 'a different file is there: Enter again overwrites it' });
    await store.getState().submitPrompt();
    expect(overlay(store)).toBeNull();
    expect(there.get('/elsewhere/plan.yaml')).toBe(PLAN);
    expect(store.getState().file).toBe('/elsewhere/plan.yaml');
    expect(file.commits).toBe(0);
  });

  it('the suggested path sits beside the plan, or at home when its folder cannot be written', () => {
    expect(suggestSaveAs('/srv/plans/team.yaml', null)).toBe('/srv/plans/team.mine.yaml');
    expect(suggestSaveAs('/srv/plans/team', 'the directory /srv/plans is not writable')).toBe('~/team.mine.yaml');
  });
});

describe('typing into a prompt', () => {
  it('backspace drops a character, Ctrl-u clears the line, control characters never get in', () => {
    expect(editLine('abc', '', { backspace: true })).toBe('ab');
    expect(editLine('abc', 'u', { ctrl: true })).toBe('');
    expect(editLine('abc', 'd\u001b[31me\u0007', {})).toBe('abcd[31me');
    expect(editLine('abc', 'x', { meta: true })).toBeNull();
  });
});

describe('links, the editor and the file on disk', () => {
  it('only http(s) links go to the browser', () => {
    const { store } = makeStore(PLAN.replace('    title: Document the format\n', '    title: Document the format\n    link: file:///etc/passwd\n'));
    const opened: string[] = [];
    store.getState().select('A-4');
    store.getState().openLink((url) => (opened.push(url), null));
    expect(store.getState().message).toBe('not opened: only http(s) links open in the browser');
    store.getState().select('A-3');
    store.getState().openLink((url) => (opened.push(url), null));
    expect(store.getState().message).toBe('A-3 has no link');
    expect(opened).toEqual([]);
  });

  it('the editor opens only once nothing is pending, at the issue\'s line', () => {
    const { store } = makeStore();
    const opened: [string, number][] = [];
    store.getState().select('A-3');
    store.getState().toggleDone();
    store.getState().openInEditor((f, l) => void opened.push([f, l]), () => 7);
    expect(store.getState().message).toBe('save (s) or undo your edits before opening the editor');
    store.getState().undo();
    store.getState().openInEditor((f, l) => void opened.push([f, l]), () => 7);
    expect(opened).toEqual([['plan.yaml', 7]]);
  });

  it('an unreadable file on disk is said, and the board keeps its data', () => {
    const { store } = makeStore();
    const data = store.getState().data;
    store.getState().diskUnreadable('2:3 bad indentation');
    expect(store.getState()).toMatchObject({ fileState: 'changed-on-disk', message: 'the file on disk does not read: 2:3 bad indentation', data });
  });

  it('after the editor: a failure, a plan that does not read, no change, or a reload', () => {
    const { store } = makeStore();
    store.getState().editorClosed({ failure: new Error('vi not found') });
    expect(store.getState().message).toBe('editor: vi not found');
    store.getState().editorClosed({ problem: '3:1 bad' });
    expect(store.getState().message).toBe('after editing, the plan does not read (board unchanged): 3:1 bad');
    store.getState().editorClosed({ text: PLAN, status: 0 });
    expect(store.getState().message).toBe('editor closed (status 0); no changes');
    store.getState().editorClosed({ text: PLAN.replace('Render the board', 'Draw the board'), status: 0 });
    expect(store.getState().model.byId.get('A-3')?.title).toBe('Draw the board');
    expect(store.getState().reloadNote).toBe('after editing');
  });
});
