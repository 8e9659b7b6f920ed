// A long session of unsaved edits must not keep every plan it ever had: at 10,000 issues each
// model and each visible list is a 10,000-entry array, and a chain of them (a model remembering
// the one before it, an undo entry holding the whole state) grew the heap by a third of a
// megabyte per keypress and made the garbage collector the largest cost of a keypress.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { selectColumns, selectVisibleIssues } from '../../src/store/selectors.js';
import { makeStore, PLAN } from '../ui/board-fixture.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** A new task, as a keypress is: what a job holds weakly only until its end is then free. */
const nextTask = () => new Promise((r) => setImmediate(r));

async function collected(ref: WeakRef<object>): Promise<boolean> {
  for (let n = 0; n < 5 && ref.deref() !== undefined; n++) {
    await nextTask();
    gc();
  }
  return ref.deref() === undefined;
}

describe('unsaved edits keep no earlier plan alive', () => {
  it('after ticks, lane and status moves, the first model and visible list are collected', async () => {
    const { store } = makeStore();
    const s = () => store.getState();
    s().select('A-3');
    s().toggleDone();
    selectColumns(s());
    const model = new WeakRef(s().model);
    const visible = new WeakRef(selectVisibleIssues(s()));
    for (let n = 0; n < 6; n++) {
      await nextTask();
      if (n % 3 === 0) s().toggleDone();
      else if (n % 3 === 1) s().shiftLane(1);
      else s().shiftStatus(-1);
      selectColumns(s());
    }
    expect(s().pending.length).toBeGreaterThanOrEqual(5);
    expect(await collected(model)).toBe(true);
    expect(await collected(visible)).toBe(true);
  });

  it('and undo still writes the issue back byte for byte after a save', async () => {
    const { store, file } = makeStore();
    const s = () => store.getState();
    s().select('A-3');
    s().shiftLane(1);
    s().toggleDone();
    await nextTask();
    gc();
    await s().save();
    s().undo();
    s().undo();
    await s().save();
    expect(file.text).toBe(PLAN);
  });
});
