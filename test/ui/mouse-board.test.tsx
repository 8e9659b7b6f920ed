// The mouse in the board, through the same filtered stdin the real board reads: SGR reports are
// written to stdin, the click lands where the frame drew the issue (found in the frame's text,
// not in the layout code), and no byte of a report acts as a key.
import { EventEmitter } from 'node:events';
import { render as inkRender, type Instance } from 'ink';
import { afterEach, describe, expect, it } from 'vitest';
import { App, type AppProps } from '../../src/ui/App.js';
import { ESC_WAIT_MS, mouseStdin } from '../../src/ui/mouse/mouse-stdin.js';
import { makeStore, until } from './helpers.js';

// Store changes from a report happen as it is written (the filter emits the event synchronously);
// the waits below are for Ink's frame, and for the Escape key's short hold.
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

const PLAN = `planboard: 1
title: Mouse plan
statuses: [todo, doing, done]
lanes:
  - { id: ann, name: Ann }
  - { id: bob, name: Bob }
issues:
  - { id: M-1, title: First todo, lane: ann, status: todo, estimate: 1d, subtasks: [one, two, three] }
  - { id: M-2, title: Second todo, lane: bob, status: todo, estimate: 1d }
  - { id: M-3, title: Third todo, lane: ann, status: todo, estimate: 1d }
  - { id: M-4, title: Fourth todo, lane: bob, status: todo, estimate: 1d }
  - { id: M-5, title: Doing one, lane: ann, status: doing, estimate: 2d }
  - { id: M-6, title: Doing two, lane: bob, status: doing, estimate: 2d }
  - { id: M-7, title: Done one, lane: bob, status: done, done_on: 2026-03-01, estimate: 1d }
  - { id: M-8, title: Fifth todo, lane: bob, status: todo, estimate: 1d }
`;

class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write(d: string) {
    this.data = d;
    this.emit('readable');
  }
  read() {
    const d = this.data;
    this.data = null;
    return d;
  }
  setEncoding() {}
  setRawMode() {}
  ref() {}
  unref() {}
}

class FakeStdout extends EventEmitter {
  columns = 100;
  rows = 40;
  frames: string[] = [];
  write = (f: string) => void this.frames.push(f);
}

const instances: Instance[] = [];
afterEach(() => {
  for (const i of instances.splice(0)) i.unmount();
});

const ESC = '\u001b';
const click = (x: number, y: number) => `${ESC}[<0;${x + 1};${y + 1}M${ESC}[<0;${x + 1};${y + 1}m`;
const wheel = (dir: 'up' | 'down', x: number, y: number) => `${ESC}[<${dir === 'up' ? 64 : 65};${x + 1};${y + 1}M`;

async function mouseBoard(props: Partial<AppProps> = {}, text = PLAN) {
  const { store } = makeStore(text);
  const raw = new FakeStdin();
  const stdin = mouseStdin(raw);
  const stdout = new FakeStdout();
  const app = inkRender(<App store={store} width={100} height={24} color={false} pointer={stdin} {...props} />, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: new FakeStdout() as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  instances.push(app);
  await until(() => stdout.frames.length > 0);
  await tick(20);
  const frame = () => stdout.frames.at(-1) ?? '';
  const send = async (...chunks: string[]) => {
    for (const c of chunks) {
      raw.write(c);
      await tick(5);
    }
    await tick(20);
  };
  /** The cell where `text` is drawn on the current frame (0-based column, row). */
  const where = (text: string) => {
    const lines = frame().split('\n');
    const y = lines.findIndex((l) => l.includes(text));
    if (y < 0) throw new Error(`"${text}" is not on the screen:\n${frame()}`);
    return { x: [...lines[y].slice(0, lines[y].indexOf(text))].length, y };
  };
  const clickOn = (text: string, dx = 0, dy = 0) => {
    const p = where(text);
    return send(click(p.x + dx, p.y + dy));
  };
  return { store, raw, frame, send, where, clickOn };
}

describe('the mouse in the board', () => {
  it('a click on a kanban card selects it, on any of its three lines', async () => {
    const b = await mouseBoard();
    expect(b.store.getState().selectedId).not.toBe('M-3');
    await b.clickOn('M-3');
    expect(b.store.getState().selectedId).toBe('M-3');
    await until(() => b.frame().includes('▶M-3'));
    await b.clickOn('Doing two'); // the title line
    expect(b.store.getState().selectedId).toBe('M-6');
    const p = b.where('M-4');
    await b.send(click(p.x + 6, p.y + 2)); // the estimate line, right of the text
    expect(b.store.getState().selectedId).toBe('M-4');
  });

  it('a click where no card is drawn (a column header, a blank, the footer) changes nothing', async () => {
    const b = await mouseBoard();
    await b.clickOn('M-5');
    const before = b.store.getState();
    await b.clickOn('doing (2)');
    const blank = b.where('Done one');
    await b.send(click(blank.x, blank.y + 6), click(0, 22), click(99, 0));
    const after = b.store.getState();
    expect(after.selectedId).toBe('M-5');
    expect(after.pane).toBe(before.pane);
    expect(after.overlay).toBeNull();
  });

  it('no byte of a report acts as a key: digits, M, m and ; are not pane keys, prompts see none of it', async () => {
    const b = await mouseBoard();
    // 1/2/3 switch panes, m/M/; are typed into prompts: a report full of them, on no card
    await b.send(`${ESC}[<0;23;23M${ESC}[<0;23;23m`, `${ESC}[<2;32;2M`, `${ESC}[<1;3;23m`);
    expect(b.store.getState().pane).toBe('kanban');
    expect(b.store.getState().overlay).toBeNull();
    await b.send('/');
    expect(b.store.getState().overlay?.kind).toBe('prompt');
    await b.send(`x${ESC}[<0;12;5M${ESC}[<0;12;5my`);
    const ov = b.store.getState().overlay;
    expect(ov?.kind === 'prompt' && ov.value).toBe('xy');
  });

  it('a report split across reads (SSH, tmux) is still one click and never keys', async () => {
    const b = await mouseBoard();
    const p = b.where('M-8');
    const report = click(p.x, p.y);
    await b.send(report.slice(0, 1));
    await tick(ESC_WAIT_MS * 3); // a slow link: the rest comes after the Escape wait
    await b.send(report.slice(1, 6), report.slice(6));
    expect(b.store.getState().selectedId).toBe('M-8');
    expect(b.store.getState().pane).toBe('kanban');
  });

  it('an Escape key alone still reaches the board after the short wait', async () => {
    const b = await mouseBoard();
    await b.send('/', 'abc');
    expect(b.store.getState().overlay?.kind).toBe('prompt');
    await b.send(ESC);
    await tick(ESC_WAIT_MS * 2);
    expect(b.store.getState().overlay).toBeNull();
  });

  it('with swimlanes, a click selects the card in that lane and column', async () => {
    const b = await mouseBoard();
    await b.send('w');
    await until(() => /── Ann/.test(b.frame()) && /── Bob/.test(b.frame()));
    await b.clickOn('M-8 Fifth todo');
    expect(b.store.getState().selectedId).toBe('M-8');
    await b.clickOn('M-5 Doing one', 3);
    expect(b.store.getState().selectedId).toBe('M-5');
    // the lane rule between bands is no card
    await b.clickOn('── Bob', 2);
    expect(b.store.getState().selectedId).toBe('M-5');
  });

  it('in the timeline a click selects the row; on a group header its first issue', async () => {
    const b = await mouseBoard();
    await b.send('2');
    expect(b.store.getState().pane).toBe('timeline');
    await until(() => b.frame().includes('M-6 Doing two'));
    await b.clickOn('M-6 Doing two');
    expect(b.store.getState().selectedId).toBe('M-6');
    await until(() => /▶.*M-6 Doing two/.test(b.frame()));
    // on the bar side of the row, too
    const p = b.where('M-2 Second todo');
    await b.send(click(p.x + 50, p.y));
    expect(b.store.getState().selectedId).toBe('M-2');
    await b.clickOn('(no phase)');
    expect(b.store.getState().selectedId).toBe('M-1');
    // the date scale above the rows is no row
    await b.send(click(40, 2));
    expect(b.store.getState().selectedId).toBe('M-1');
  });

  it('the wheel moves the selection in the pane under it (kanban column, timeline rows)', async () => {
    const b = await mouseBoard();
    await b.clickOn('M-1');
    const p = b.where('M-1');
    await b.send(wheel('down', p.x, p.y), wheel('down', p.x, p.y));
    expect(b.store.getState().selectedId).toBe('M-3');
    await b.send(wheel('up', p.x, p.y));
    expect(b.store.getState().selectedId).toBe('M-2');
    // over another column the wheel starts there (its first card when none is under the pointer), then moves in it
    const doing = b.where('doing (2)');
    await b.send(wheel('down', doing.x + 2, 20));
    expect(b.store.getState().selectedId).toBe('M-5');
    await b.send(wheel('down', doing.x + 2, 20));
    expect(b.store.getState().selectedId).toBe('M-6');
    const todo = b.where('M-3');
    await b.send(wheel('down', todo.x, todo.y + 1));
    expect(b.store.getState().selectedId).toBe('M-3');
    await b.send('2');
    await until(() => b.frame().includes('M-6 Doing two'));
    const rows = b.store.getState().selectedId;
    await b.send(wheel('down', 50, 10));
    expect(b.store.getState().selectedId).not.toBe(rows);
    await b.send(wheel('up', 50, 10));
    expect(b.store.getState().selectedId).toBe(rows);
  });

  it('the wheel scrolls the help overlay and moves the detail and picker cursors', async () => {
    const b = await mouseBoard();
    await b.send('?');
    expect(b.store.getState().overlay).toEqual({ kind: 'help', scroll: 0 });
    const top = b.frame();
    await b.send(wheel('down', 10, 10), wheel('down', 10, 10));
    const ov = b.store.getState().overlay;
    expect(ov?.kind === 'help' && ov.scroll).toBeGreaterThan(0);
    expect(b.frame()).not.toBe(top);
    await b.send(wheel('up', 10, 10), wheel('up', 10, 10), wheel('up', 10, 10));
    expect(b.store.getState().overlay).toEqual({ kind: 'help', scroll: 0 });
    // a click on the help is nothing (the card under it is not drawn)
    await b.send(click(5, 5));
    expect(b.store.getState().overlay?.kind).toBe('help');
    await b.send('?');
    await b.clickOn('M-1');
    await b.send('\r');
    expect(b.store.getState().overlay).toEqual({ kind: 'detail', cursor: 0 });
    await b.send(wheel('down', 10, 10), wheel('down', 10, 10), wheel('down', 10, 10));
    expect(b.store.getState().overlay).toEqual({ kind: 'detail', cursor: 2 });
    await until(() => /▶.*three/.test(b.frame()));
    await b.send(wheel('up', 10, 10));
    expect(b.store.getState().overlay).toEqual({ kind: 'detail', cursor: 1 });
    await b.send(ESC);
    await tick(ESC_WAIT_MS * 2);
    await b.send('a');
    const picker = () => b.store.getState().overlay as { kind: string; cursor: number; items: unknown[] };
    expect(picker()).toMatchObject({ kind: 'picker', cursor: 0 }); // M-1 is ann's, the first lane
    await b.send(wheel('down', 10, 5), wheel('down', 10, 5), wheel('down', 10, 5), wheel('down', 10, 5));
    expect(picker().cursor).toBe(picker().items.length - 1);
    await b.send(wheel('up', 10, 5));
    expect(picker().cursor).toBe(picker().items.length - 2);
  });

  it('a click on a tab opens that pane', async () => {
    const b = await mouseBoard();
    await b.clickOn('2 Timeline');
    expect(b.store.getState().pane).toBe('timeline');
    await until(() => b.frame().includes('week 2026'));
    await b.clickOn('3 Capacity', 4);
    expect(b.store.getState().pane).toBe('capacity');
    await b.clickOn(' 1 Kanban');
    expect(b.store.getState().pane).toBe('kanban');
  });

  it('while a prompt or a question is open, a click selects nothing', async () => {
    const b = await mouseBoard();
    await b.clickOn('M-1');
    await b.send('r');
    expect(b.store.getState().overlay?.kind).toBe('prompt');
    const before = b.store.getState().overlay;
    await b.clickOn('M-5');
    expect(b.store.getState().selectedId).toBe('M-1');
    expect(b.store.getState().overlay).toEqual(before);
    await b.send(ESC);
    await tick(ESC_WAIT_MS * 2);
    await b.send('d');
    expect(b.store.getState().overlay?.kind).toBe('confirm');
    await b.send(click(10, 10));
    expect(b.store.getState().overlay?.kind).toBe('confirm');
    expect(b.store.getState().selectedId).toBe('M-1');
  });

  it('while the terminal is too small, a click does nothing', async () => {
    const b = await mouseBoard({ width: 60, height: 20 });
    expect(b.frame()).toContain('Terminal too small');
    const before = b.store.getState().selectedId;
    for (let y = 0; y < 20; y += 3) await b.send(click(5, y), wheel('down', 5, y));
    expect(b.store.getState().selectedId).toBe(before);
    expect(b.store.getState().pane).toBe('kanban');
  });

  it('side by side, a click in the other pane gives it the keys and selects there', async () => {
    const b = await mouseBoard({ width: 190, height: 30 });
    expect(b.store.getState().pane).toBe('kanban');
    await b.clickOn('M-4 Fourth todo'); // the timeline's row, on the right
    expect(b.store.getState().pane).toBe('timeline');
    expect(b.store.getState().selectedId).toBe('M-4');
    await b.clickOn('Doing one'); // the kanban card, on the left
    expect(b.store.getState().pane).toBe('kanban');
    expect(b.store.getState().selectedId).toBe('M-5');
  });
});
