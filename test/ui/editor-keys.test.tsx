// Creating and changing issues from the board's keys, saved to a real file: each edit is one op
// with undo, and the file on disk changes only where the edit says.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEY, openOnDisk, PLAN, renderBoard, until } from './helpers.js';

let dir = '';
let file = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pb-editkeys-'));
  file = join(dir, 'plan.yaml');
  writeFileSync(file, PLAN);
});
afterEach(() => {
  cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const disk = () => readFileSync(file, 'utf8');
/** Lines of `after` that are not in `before` and the reverse, as sets (enough for small edits). */
function changed(before: string, after: string) {
  const a = before.split('\n');
  const b = after.split('\n');
  return { added: b.filter((l) => !a.includes(l)), removed: a.filter((l) => !b.includes(l)) };
}
const type = (text: string) => [...text];

async function board() {
  const store = openOnDisk(file);
  const b = await renderBoard({ store, width: 120, height: 30 });
  return { store, ...b };
}

describe('editing issues from the board', () => {
  it('n: title, then estimate, lane and status; the new issue follows the plan\'s id pattern and is saved with a minimal diff', async () => {
    const { store, press, frame } = await board();
    await press('n', ...type('Write the tutorial'), KEY.enter);
    expect(frame()).toContain('estimate, lane, status');
    await press(...type('2d bob todo'), KEY.enter);
    const made = store.getState().model.issues.find((i) => i.title === 'Write the tutorial')!;
    expect(made.id).toBe('A-5');
    expect(made.lane).toBe('bob');
    expect(made.status).toBe('todo');
    expect(made.estimate?.expected).toBe(16);
    await press('s');
    await until(() => store.getState().fileState === 'saved');
    const { added, removed } = changed(PLAN, disk());
    expect(removed).toEqual([]);
    expect(added.join('\n')).toMatch(/id: A-5[\s\S]*title: Write the tutorial/);
    expect(added.length).toBeLessThanOrEqual(6);
  });

  it('a bad detail is refused at the prompt, with the choices named', async () => {
    const { store, press, frame } = await board();
    await press('n', ...type('Something'), KEY.enter, ...type('tomorrow'), KEY.enter);
    expect(frame()).toMatch(/"tomorrow" is not an estimate, a lane \(ann, bob/);
    expect(store.getState().pending).toEqual([]);
  });

  it('r renames, E sets a field, both saved in place', async () => {
    const { store, press } = await board();
    store.getState().select('A-3');
    await press('r', ...Array(30).fill(KEY.backspace), ...type('Render the whole board'), KEY.enter);
    expect(store.getState().model.byId.get('A-3')!.title).toBe('Render the whole board');
    await press('E'); // picker: estimate first
    await press(KEY.enter, ...Array(10).fill(KEY.backspace), ...type('5d'), KEY.enter);
    expect(store.getState().model.byId.get('A-3')!.estimate?.expected).toBe(40);
    await press('s');
    await until(() => store.getState().fileState === 'saved');
    const { added, removed } = changed(PLAN, disk());
    expect(removed.map((l) => l.trim())).toEqual(['title: Render the board', 'estimate: 2-4d']);
    expect(added.map((l) => l.trim())).toEqual(['title: Render the whole board', 'estimate: 5d']);
  });

  it('an empty title is refused and the prompt stays', async () => {
    const { store, press, frame } = await board();
    store.getState().select('A-3');
    await press('r', ...Array(30).fill(KEY.backspace), KEY.enter);
    expect(frame()).toContain('a title cannot be empty');
    expect(store.getState().overlay?.kind).toBe('prompt');
  });

  it('L links a dependency by picking the other issue, refuses a cycle naming the loop, and unlinks', async () => {
    const { store, press, frame } = await board();
    store.getState().select('A-1'); // A-2 waits for for A-2: A-1 → A-3 would close a loop
    await press('L');
    const items = store.getState().overlay?.kind === 'picker' ? store.getState().overlay : null;
    const at = (items as { items: { value: string }[] }).items.findIndex((i) => i.value === 'A-3');
    await press(...Array(at).fill('j'), KEY.enter);
    expect(frame()).toMatch(/cycle[^\n]*A-1[^\n]*A-3|cycle[^\n]*A-3[^\n]*A-1/);
    expect(store.getState().pending).toEqual([]);
    store.getState().select('A-4');
    await press('L');
    const list = (store.getState().overlay as { items: { value: string }[] }).items;
    await press(...Array(list.findIndex((i) => i.value === 'A-1')).fill('j'), KEY.enter);
    expect(store.getState().model.byId.get('A-4')!.deps.map((d) => d.id)).toEqual(['A-1']);
    await press('L', KEY.enter); // linked ones are listed first: choosing it unlinks
    expect(store.getState().model.byId.get('A-4')!.deps).toEqual([]);
  });

  it('d asks, y deletes, u brings the same lines back: the saved file is byte-identical', async () => {
    const { store, press, frame } = await board();
    store.getState().select('A-4');
    await press('d');
    expect(frame()).toContain('Delete A-4 Document the format?');
    await press('n');
    expect(store.getState().model.byId.has('A-4')).toBe(true);
    await press('d', 'y');
    expect(store.getState().model.byId.has('A-4')).toBe(false);
    await press('s');
    await until(() => store.getState().fileState === 'saved');
    expect(disk()).not.toContain('A-4');
    await press('u', 's');
    await until(() => store.getState().fileState === 'saved' && disk().includes('A-4'));
    expect(disk()).toBe(PLAN);
  });

  it('J and K move an issue within its column (file order)', async () => {
    const { store, press } = await board();
    store.getState().select('A-3');
    await press('J');
    const order = () => store.getState().model.issues.map((i) => i.id);
    expect(order().indexOf('A-3')).toBeGreaterThan(order().indexOf('A-4'));
    await press('K');
    expect(order().indexOf('A-3')).toBeLessThan(order().indexOf('A-4'));
  });

  it('O opens only web links, through the effect, never plan text as a command', async () => {
    const opened: string[] = [];
    const store = openOnDisk(file);
    const b = await renderBoard({ store, width: 120, height: 30, openUrl: (u: string) => (opened.push(u), null) });
    store.getState().apply({ kind: 'set-field', id: 'A-3', field: 'link', value: 'https://example.org/issues/3' });
    store.getState().apply({ kind: 'set-field', id: 'A-4', field: 'link', value: '$(touch /tmp/pwned)' });
    store.getState().select('A-3');
    await b.press('O');
    store.getState().select('A-4');
    await b.press('O');
    expect(opened).toEqual(['https://example.org/issues/3']);
    expect(b.frame()).toContain('only http(s) links');
  });
});
