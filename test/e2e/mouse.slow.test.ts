// The mouse in a real terminal (tmux, a job-control shell, the built binary): tmux itself says
// whether the pane is in mouse mode (#{mouse_any_flag}, #{mouse_sgr_flag}), so we see the board
// turn it on, and off again on every way out and while the shell or $EDITOR has the terminal.
// Clicks and the wheel are the real SGR bytes a terminal sends (send-keys -H).
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, boardTerminal, ensureBuilt, sleep } from '../support/tmux.js';

const bin = BIN;
const t = boardTerminal('mouse', 'mouse');
const { session, tmux, screen, waitFor, keys } = t;

const PLAN = `planboard: 1
title: Mouse plan
lanes:
  - { id: ann, name: Ann }
  - { id: bob, name: Bob }
issues:
  - { id: T-1, title: Shipped the installer, lane: ann, status: done, done_on: 2026-03-03 }
  - { id: T-2, title: Parser work, lane: ann, status: in-progress, estimate: 2d }
  - { id: T-3, title: Board work, lane: bob, status: todo, estimate: 1d }
  - { id: T-4, title: Docs work, lane: bob, status: todo, estimate: 1d }
`;

/** tmux's view of the pane: "11" = mouse reporting on, in SGR form; "00" = off. */
const mouseFlags = () => tmux('display-message', '-p', '-t', session, '#{mouse_any_flag}#{mouse_sgr_flag}').trim();
const waitFlags = async (want: '11' | '00', when: string) => {
  const until = Date.now() + 5000;
  while (mouseFlags() !== want && Date.now() < until) await sleep(50);
  expect(mouseFlags(), `mouse flags ${when}`).toBe(want);
};

/** The bytes of an SGR report, as a terminal sends them (x, y 0-based cells). */
const sgrBytes = (b: number, x: number, y: number, final: 'M' | 'm') => [...Buffer.from(`\u001b[<${b};${x + 1};${y + 1}${final}`)].map((c) => c.toString(16).padStart(2, '0'));
const sendMouse = async (b: number, x: number, y: number, final: 'M' | 'm' = 'M') => {
  tmux('send-keys', '-t', session, '-H', ...sgrBytes(b, x, y, final));
  await sleep(150);
};
const click = async (x: number, y: number) => {
  await sendMouse(0, x, y, 'M');
  await sendMouse(0, x, y, 'm');
};
/** The cell where `text` is drawn now. */
const where = (text: string) => {
  const lines = screen().split('\n');
  const y = lines.findIndex((l) => l.includes(text));
  if (y < 0) throw new Error(`"${text}" is not on the screen:\n${lines.join('\n')}`);
  return { x: [...lines[y].slice(0, lines[y].indexOf(text))].length, y };
};

describe('the mouse in a real terminal', () => {
  let dir = '';
  let plan = '';
  const open = async (prefix = '', args = '', nodeArgs = '') => {
    tmux('send-keys', '-t', session, '-l', `${prefix}node ${nodeArgs}${JSON.stringify(bin)} ${JSON.stringify(plan)} --today 2026-03-04${args}`);
    await keys('Enter');
    await waitFor('the board', (s) => s.includes('1 Kanban'));
  };
  const backAtShell = () => waitFor('the shell', (s) => !s.includes('1 Kanban') && /^\$ *$/m.test(s));
  /** The board's own pid: the shell's child. */
  const boardPid = () => {
    const shell = tmux('display-message', '-p', '-t', session, '#{pane_pid}').trim();
    return Number(execFileSync('pgrep', ['-P', shell, 'node'], { encoding: 'utf8' }).trim().split('\n')[0]);
  };

  beforeAll(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'planboard-mouse-'));
    plan = join(dir, 'plan.yaml');
    writeFileSync(plan, PLAN);
    // An editor that stays a moment, so we can look at the terminal while it runs.
    writeFileSync(join(dir, 'slow-editor'), `#!/bin/sh\necho "$@" > ${JSON.stringify(join(dir, 'editor-ran'))}\nsleep 1.5\n`);
    chmodSync(join(dir, 'slow-editor'), 0o755);
    // A crash from outside the board's code: an uncaught error a moment after it starts.
    writeFileSync(join(dir, 'crash.mjs'), `setTimeout(() => { throw new Error('boom for the test'); }, 1500);\n`);
    tmux('-f', '/dev/null', 'new-session', '-d', '-s', session, '-x', '100', '-y', '30', `env -i PATH=${process.env.PATH} HOME=${dir} XDG_STATE_HOME=${join(dir, 'state')} TERM=xterm-256color PS1='$ ' bash --norc --noprofile -i`);
  });

  afterAll(async () => {
    t.kill();
    await sleep(200);
    if (dir) rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  });

  it('the board turns mouse reporting on (SGR, no motion); a click selects, the wheel moves; s saves what they chose', async () => {
    await waitFor('the shell', (s) => s.includes('$'));
    expect(mouseFlags()).toBe('00');
    await open();
    await waitFlags('11', 'while the board runs');
    expect(tmux('display-message', '-p', '-t', session, '#{mouse_all_flag}#{mouse_button_flag}').trim()).toBe('00'); // no motion tracking

    const card = where('T-4');
    await click(card.x + 2, card.y + 1); // on its title line
    await waitFor('T-4 selected by the click', (s) => s.includes('▶T-4'));
    await keys('>'); // todo → in-progress
    await waitFor('T-4 moved', (s) => /in-progress \(2\)/.test(s));
    // The wheel over the kanban: up one in T-4's column (T-2 above it).
    const col = where('in-progress (2)');
    await sendMouse(64, col.x + 3, col.y + 4);
    await waitFor('T-2 selected by the wheel', (s) => s.includes('▶T-2'));
    await keys('>'); // in-progress → review
    await keys('s');
    await waitFor('saved', (s) => s.includes('✓ saved'));
    const text = readFileSync(plan, 'utf8');
    // Exactly the two edits the pointer chose, nothing typed by a report's bytes.
    expect(text).toBe(PLAN.replace('T-4, title: Docs work, lane: bob, status: todo', 'T-4, title: Docs work, lane: bob, status: in-progress').replace('T-2, title: Parser work, lane: ann, status: in-progress', 'T-2, title: Parser work, lane: ann, status: review'));
    expect(screen()).toContain('1 Kanban');
    expect(screen()).not.toMatch(/search:|Timeline pane/);
  });

  it('a click on a tab and on a timeline row, and the wheel there', async () => {
    const tab = where('2 Timeline');
    await click(tab.x + 1, tab.y);
    await waitFor('the timeline', (s) => /week 2026/.test(s));
    const row = where('T-3 Board work');
    await click(row.x + 30, row.y); // on the bars, right of the label
    await waitFor('T-3 selected', (s) => /▶.{0,3}T-3 Board work/.test(s));
    await sendMouse(65, row.x + 30, row.y);
    await waitFor('the next row selected by the wheel', (s) => /▶.{0,3}T-4 Docs work/.test(s));
    await keys('1');
  });

  it('Ctrl-z turns it off for the shell, fg turns it back on', async () => {
    await keys('C-z');
    await waitFor('the shell after Ctrl-z', (s) => /Stopped/.test(s));
    await waitFlags('00', 'after Ctrl-z');
    await keys('f', 'g', 'Enter');
    await waitFor('the board after fg', (s) => s.includes('1 Kanban') && s.includes('back from the shell'));
    await waitFlags('11', 'after fg');
    // and the mouse still works after coming back
    const card = where('T-3');
    await click(card.x, card.y);
    await waitFor('T-3 selected after fg', (s) => s.includes('▶T-3'));
  });

  it('q turns it off', async () => {
    await keys('q');
    await backAtShell();
    await waitFlags('00', 'after q');
  });

  it('off while $EDITOR runs (e), on again after', async () => {
    await open('EDITOR=' + JSON.stringify(join(dir, 'slow-editor')) + ' ');
    await waitFlags('11', 'before the editor');
    await keys('e');
    const until = Date.now() + 5000;
    while (!existsSync(join(dir, 'editor-ran')) && Date.now() < until) await sleep(20);
    expect(existsSync(join(dir, 'editor-ran')), 'the editor ran').toBe(true);
    expect(mouseFlags(), 'while the editor runs').toBe('00');
    await waitFor('the board after the editor', (s) => s.includes('editor closed'));
    await waitFlags('11', 'after the editor');
  });

  it('Ctrl-c turns it off', async () => {
    await keys('C-c');
    await backAtShell();
    await waitFlags('00', 'after Ctrl-c');
  });

  it('SIGTERM, SIGHUP and SIGINT turn it off', async () => {
    for (const sig of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const) {
      await open();
      await waitFlags('11', `before ${sig}`);
      process.kill(boardPid(), sig);
      await backAtShell();
      await waitFlags('00', `after ${sig}`);
    }
  });

  it('a crash (an uncaught error) turns it off and says so, exit 70', async () => {
    await open('', '', `--import ${JSON.stringify(join(dir, 'crash.mjs'))} `);
    await waitFlags('11', 'before the crash');
    await waitFor('the crash message', (s) => s.includes('planboard: internal error: boom for the test'));
    await waitFlags('00', 'after the crash');
    tmux('send-keys', '-t', session, '-l', 'echo "exit=$?"');
    await keys('Enter');
    await waitFor('the exit status', (s) => s.includes('exit=70'));
  });

  it('--no-mouse and PLANBOARD_MOUSE=0 leave the mouse to the terminal', async () => {
    await open('', ' --no-mouse');
    await sleep(300);
    expect(mouseFlags(), 'with --no-mouse').toBe('00');
    await keys('q');
    await backAtShell();
    await open('PLANBOARD_MOUSE=0 ');
    await sleep(300);
    expect(mouseFlags(), 'with PLANBOARD_MOUSE=0').toBe('00');
    await keys('q');
    await backAtShell();
  });
});
