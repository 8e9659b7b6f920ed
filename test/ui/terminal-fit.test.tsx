// The board at the documented minimum (80×24) and below it: what stays on screen, and that
// nothing acts behind the "too small" screen.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { BINDINGS, bindingsInForce, footerHints, activeScopes } from '../../src/keymap/bindings.js';
import { editCount } from '../../src/store/history.js';
import { makeStore, PLAN, renderBoard } from './helpers.js';

afterEach(() => cleanup());

const lines = (frame: string) => frame.split('\n');

describe('at 80×24', () => {
  it('the footer keeps ? help, s save and q quit, dropping other hints first', async () => {
    const { store } = makeStore();
    const { frame } = await renderBoard({ store, width: 80, height: 24 });
    const footer = lines(frame()).at(-2)!;
    expect(footer).toContain('? help');
    expect(footer).toContain('s save');
    expect(footer).toContain('q quit');
    expect(footer.length).toBeLessThanOrEqual(80);
  });

  it('the header keeps today even under a long title and a long file state', async () => {
    const long = PLAN.replace('title: Test plan', `title: ${'A very long plan title '.repeat(6)}`);
    const { store } = makeStore(long);
    const { frame, settled } = await renderBoard({ store, width: 80, height: 24 });
    store.getState().reload(long.replace('Render the board', 'Render it'), '3 changes by another session on another box');
    await settled();
    expect(lines(frame())[0]).toContain('today 2026-03-02');
    expect(lines(frame())[0].length).toBeLessThanOrEqual(80);
  });
});

describe('footerHints', () => {
  const inForce = bindingsInForce(activeScopes('kanban', null));
  it.each([30, 40, 60, 80, 100, 140])('at %i columns fits and keeps the essentials while they fit', (w) => {
    const text = footerHints(inForce, w, false);
    if (w >= 30) {
      expect(text).toContain('? help');
      expect(text).toContain('s save');
      expect(text).toContain('q quit');
    }
    expect([...text].length).toBeLessThanOrEqual(w);
  });

  it('drops later hints before earlier ones and shows all of them when there is room', () => {
    const all = footerHints(inForce, 1000, false);
    for (const b of BINDINGS.filter((b) => b.hint && ['kanban', 'board'].includes(b.scope))) expect(all).toContain(b.short);
    const at60 = footerHints(inForce, 60, false);
    expect(at60).toMatch(/^w swimlanes {2}Enter detail {2}.*\? help {2}s save {2}q quit$/);
    expect(at60).not.toContain('/ search');
  });

  it('puts save-as first while the plan cannot be written', () => {
    expect(footerHints(inForce, 80, true)).toMatch(/^W save as {2}/);
  });
});

describe('too small', () => {
  it('ignores every key but q and Ctrl-c: Space then s neither ticks nor saves', async () => {
    const { store, file } = makeStore();
    const { press, frame } = await renderBoard({ store, width: 70, height: 20 });
    const before = store.getState().data;
    await press(' ', 's', '?', '/', 'x', '>');
    expect(frame()).toContain('Terminal too small');
    expect(store.getState().data).toBe(before);
    expect(store.getState().overlay).toBeNull();
    expect(editCount(store.getState().pending)).toBe(0);
    expect(file.commits).toBe(0);
    await press('q');
    expect(store.getState().quit).toBe(true);
  });

  it('keys act again once the terminal is big enough', async () => {
    const { store } = makeStore();
    const a = await renderBoard({ store, width: 70, height: 20 });
    await a.press('?');
    expect(store.getState().overlay).toBeNull();
    cleanup();
    const b = await renderBoard({ store, width: 80, height: 24 });
    await b.press('?');
    expect(store.getState().overlay?.kind).toBe('help');
  });
});
