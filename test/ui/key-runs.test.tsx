// Keys that arrive together (a held key repeating, fast typing, SSH batching, a paste) reach Ink
// as one input; each character must still act as its own key press, in the scopes of its moment.
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { charKey, splitInput } from '../../src/keymap/use-keymap.js';
import { makeStore, renderBoard } from './helpers.js';

afterEach(() => cleanup());

describe('runs of keys in one input', () => {
  it('"jj" moves two rows and "++" zooms twice', async () => {
    const { store } = makeStore();
    const b = await renderBoard({ store });
    await b.press('2');
    const rows = ['A-1', 'A-2', 'A-3'];
    store.getState().select(rows[0]);
    await b.press('jj');
    expect(store.getState().selectedId).toBe(rows[2]);
    await b.press('--');
    expect(store.getState().timeline.zoom).toBe('month');
    await b.press('++');
    expect(store.getState().timeline.zoom).toBe('day');
    await b.press('hhh');
    expect(store.getState().timeline.scroll).toBe(-3);
  });

  it('"/rend" opens the search prompt and types "rend" into it; Enter inside a run accepts', async () => {
    const { store } = makeStore();
    const b = await renderBoard({ store });
    await b.press('/rend\r');
    expect(store.getState().search).toBe('rend');
    expect(store.getState().overlay).toBeNull();
    expect(store.getState().selectedId).toBe('A-3'); // "Render the board" is the only match
  });

  it('keeps escape sequences and lone keys whole, and reads control characters in a run as Ctrl keys', () => {
    const k = { ...charKey('x').key };
    expect(splitInput('\u001b[A', k)).toHaveLength(1);
    expect(splitInput('j', k)).toEqual([{ input: 'j', key: k }]);
    expect(splitInput('x\u0012', k).map((e) => [e.input, e.key.ctrl])).toEqual([['x', false], ['r', true]]);
    expect(charKey('G').key.shift).toBe(true);
    expect(charKey('\r').key.return).toBe(true);
    expect(charKey('\u007f').key.backspace).toBe(true);
  });
});
