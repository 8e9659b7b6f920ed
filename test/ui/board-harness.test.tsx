// The UI tests' own harness (test/support/board.tsx): keys wait for their effect, not a sleep.
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait-for.js';
import { KEY, makeStore, renderBoard } from './helpers.js';

afterEach(() => cleanup());

describe('the board harness', () => {
  it('waitFor fails on time-out, naming what it waited for', async () => {
    await expect(waitFor(() => false, 'the moon', 30)).rejects.toThrow('timed out after 30 ms waiting for the moon');
  });

  it('a key is handled and drawn when press returns, a lone Escape included', async () => {
    const { store } = makeStore();
    const b = await renderBoard({ store });
    await b.press('?');
    expect(b.frame()).toContain('Keys');
    await b.press(KEY.escape);
    expect(store.getState().overlay).toBeNull();
    expect(b.frame()).not.toContain('Keys —');
    await b.press('2');
    expect(store.getState().pane).toBe('timeline');
    expect(b.frame()).toMatch(/▸ 2 Timeline|2 Timeline/);
  });

  it('a key that changes nothing on screen still returns once handled', async () => {
    const { store } = makeStore();
    const b = await renderBoard({ store });
    await b.press('G');
    const at = store.getState().selectedId;
    const before = b.frame();
    await b.press('j', 'j');
    expect(store.getState().selectedId).toBe(at);
    expect(b.frame()).toBe(before);
  });
});
