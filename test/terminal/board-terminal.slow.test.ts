// The board in a real terminal (tmux), as a user meets it: the scrollback from before the board
// is still there after it quits, a keypress sends only what changed, nothing acts behind the
// "too small" screen, the 80×24 footer keeps help/save/quit, and without a terminal every issue
// comes out as text. Runs the built binary: `npm run build` first.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generatePlan } from '../../bench/lib/gen-plan.mjs';
import { requireTmux, Tmux } from './tmux.js';

const BIN = resolve('dist/planboard.js');
const TODAY = '2026-03-02';
let dir = '';
let big = '';
const terms: Tmux[] = [];

beforeAll(() => {
  requireTmux();
  if (!existsSync(BIN)) throw new Error('dist/planboard.js is missing: run npm run build');
  dir = mkdtempSync(join(tmpdir(), 'pb-term-'));
  big = join(dir, 'plan-1k.yaml');
  writeFileSync(big, generatePlan({ issues: 1000, seed: 1 }));
});
afterEach(() => {
  for (const t of terms.splice(0)) t.kill();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function term(w: number, h: number, env?: Record<string, string>) {
  const t = new Tmux(w, h, env);
  terms.push(t);
  return t;
}

const board = (t: Tmux, plan: string) => t.run(`node ${BIN} ${plan} --today ${TODAY}; echo "board-exit=$?"`);
/** Quits a board and waits until it has, so no test's board is still open (and shown as present) in the next. */
const quit = async (t: Tmux) => {
  t.keys('q');
  await t.until((s) => s.includes('board-exit=0'), 'the board to quit');
};
const isBoard = (s: string) => /1 Kanban\s+2 Timeline/.test(s);
// eslint-disable-next-line no-control-regex
const CLEAR = /\u001b\[[23]J/;

describe('the terminal is the user\'s', () => {
  it('keeps the scrollback from before the board, through keys and after quitting', async () => {
    const t = term(120, 40);
    t.run('seq 1 300; echo seq-$((1+1))-done');
    await t.until((s) => s.includes('seq-2-done'), 'seq output');
    await t.settle();
    const before = t.history();
    expect(before).toBeGreaterThan(250);
    t.record();
    board(t, big);
    await t.until(isBoard, 'the board');
    await t.settle();
    for (const k of ['j', 'j', 'l', '2', 'j', '1', 'k']) {
      t.keys(k);
      await t.settle(150);
    }
    expect(t.history()).toBeGreaterThanOrEqual(before); // (the shell's command line may add one)
    t.keys('q');
    await t.until((s) => s.includes('board-exit=0'), 'the board to quit');
    const bytes = (await t.stopRecording()).toString('latin1');
    expect(bytes).not.toMatch(CLEAR); // never a full-screen clear, never ESC[3J
    expect(t.history()).toBeGreaterThanOrEqual(before);
    // What was on the screen before is back: the end of seq's output and the command line.
    expect(t.screen()).toMatch(/^300$/m);
    const scrollback = t.tmux('capture-pane', '-p', '-t', 't', '-S', '-400');
    for (const n of [1, 150, 299]) expect(scrollback).toMatch(new RegExp(`^${n}$`, 'm'));
  });

  it('sends at most 1 KB for one j at 120×40, and the screen matches a fresh board', async () => {
    const t = term(120, 40);
    board(t, big);
    await t.until(isBoard, 'the board');
    await t.settle();
    const sizes: number[] = [];
    for (let i = 0; i < 5; i++) {
      t.record();
      t.keys('j');
      await t.settle(200);
      sizes.push((await t.stopRecording()).length);
    }
    for (const n of sizes) expect(n).toBeLessThanOrEqual(1024);
    expect(Math.min(...sizes)).toBeGreaterThan(0);
    // Diffed frames add up to the same screen as drawing it afresh: open a second board on the
    // same selection (sixth card of the first column) and compare the panes.
    const after = t.screen();
    // A copy, so neither board lists the other as "also here".
    const twin = join(dir, 'twin', 'plan-1k.yaml');
    execFileSync('mkdir', ['-p', join(dir, 'twin')]);
    copyFileSync(big, twin);
    const u = term(120, 40);
    board(u, twin);
    await u.until(isBoard, 'the second board');
    await u.settle();
    for (let i = 0; i < 5; i++) u.keys('j');
    const fresh = await u.settle(300);
    expect(after).toBe(fresh);
    await quit(u);
    await quit(t);
  });

  it('draws the whole board again after the editor (e) and after Ctrl-z / fg', async () => {
    const t = term(120, 40, { EDITOR: 'true', VISUAL: 'true' });
    board(t, big);
    await t.until(isBoard, 'the board');
    const first = await t.settle();
    t.keys('e');
    const after = await t.until((s) => s.includes('editor closed'), 'the board after the editor');
    // Same board, whole: every line but the message line as before.
    expect(after.split('\n').slice(0, 38)).toEqual(first.split('\n').slice(0, 38));
    t.keys('C-z', true);
    await t.until((s) => /Stopped/.test(s), 'the shell after Ctrl-z');
    t.run('fg');
    const back = await t.until((s) => s.includes('back from the shell'), 'the board after fg');
    expect(back.split('\n').slice(0, 38)).toEqual(first.split('\n').slice(0, 38));
    // (Its `echo board-exit` ran at Ctrl-z; after fg the shell's screen coming back says it quit.)
    t.keys('q');
    await t.until((s) => !isBoard(s), 'the board to quit');
  });

  it('redraws the whole board on a resize, as a fresh board at that size, scrollback kept', async () => {
    const t = term(120, 40);
    t.run('seq 1 300; echo seq-$((1+1))-done');
    await t.until((s) => s.includes('seq-2-done'), 'seq output');
    const history = t.history();
    board(t, big);
    await t.until(isBoard, 'the board');
    await t.settle();
    for (const [w, h] of [[100, 30], [130, 45], [70, 20], [90, 28]]) {
      t.tmux('resize-window', '-t', 't', '-x', String(w), '-y', String(h));
      await t.settle();
    }
    const resized = t.screen();
    const twin = join(dir, 'resize', 'plan-1k.yaml');
    execFileSync('mkdir', ['-p', join(dir, 'resize')]);
    copyFileSync(big, twin);
    const u = term(90, 28);
    board(u, twin);
    await u.until(isBoard, 'a fresh board at 90×28');
    expect(resized).toBe(await u.settle());
    await quit(u);
    await quit(t);
    expect(t.history()).toBeGreaterThanOrEqual(history - 40); // a narrower pane rewraps; nothing is erased
    expect(t.tmux('capture-pane', '-p', '-t', 't', '-S', '-400')).toMatch(/^150$/m);
  });

  it('ignores keys behind the too-small screen: Space then s saves nothing', async () => {
    const plan = join(dir, 'small.yaml');
    copyFileSync('plans/stoa-2026-v4.yaml', plan);
    const text = readFileSync(plan, 'utf8');
    const t = term(70, 20);
    board(t, plan);
    await t.until((s) => s.includes('Terminal too small: 70×20.'), 'the too-small screen');
    for (const k of [' ', 's', '?', 'x', 's']) t.keys(k);
    await t.settle();
    expect(t.screen()).toContain('Terminal too small');
    expect(readFileSync(plan, 'utf8')).toBe(text);
    t.keys('q');
    await t.until((s) => s.includes('board-exit=0'), 'q to quit');
    expect(readFileSync(plan, 'utf8')).toBe(text);
  });

  it('at 80×24 keeps ? help, s save, q quit in the footer and today in the header', async () => {
    const t = term(80, 24);
    board(t, 'plans/stoa-2026-v4.yaml');
    const s = await t.until(isBoard, 'the board');
    const lines = (await t.settle()).split('\n');
    expect(lines[0]).toContain(`today ${TODAY}`);
    const footer = lines[22];
    expect(footer).toContain('? help');
    expect(footer).toContain('s save');
    expect(footer).toContain('q quit');
    expect(s.length).toBeGreaterThan(0);
    await quit(t);
  });

  it('opens with DEV=true in the environment: Ink stays in production mode', async () => {
    // DEV=true once made Ink look for react-devtools-core and a package.json beside its build,
    // and the board died (exit 70) before its first frame.
    const t = term(100, 30, { DEV: 'true' });
    board(t, 'plans/k3s-mono-pgsql.yaml');
    const s = await t.until(isBoard, 'the board');
    expect(s).not.toMatch(/devtools|internal error|ENOENT/);
    await quit(t);
  });
});

describe('without a terminal', () => {
  const ids = (file: string) => (parse(readFileSync(file, 'utf8')) as { issues: { id: string | number }[] }).issues.map((i) => String(i.id));

  it.each(['plans/k3s-mono-pgsql.yaml', 'plans/stoa-2026-v4.yaml'])('piped, %s prints every issue, as plain text', (plan) => {
    const r = spawnSync(process.execPath, [BIN, plan, '--today', TODAY], { encoding: 'utf8', env: { ...process.env, COLUMNS: '' } });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(/\u001b/);
    const want = ids(plan);
    expect(want.length).toBeGreaterThan(10);
    for (const id of want) expect(r.stdout, id).toMatch(new RegExp(`(^|[ │])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( |$)`, 'm'));
  });

  it('piped with COLUMNS=80 stays 80 wide and still shows every column', () => {
    const r = spawnSync(process.execPath, [BIN, 'plans/stoa-2026-v4.yaml', '--today', TODAY], { encoding: 'utf8', env: { ...process.env, COLUMNS: '80' } });
    const lines = r.stdout.trimEnd().split('\n');
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(80);
    for (const st of ['backlog', 'todo', 'in-progress', 'review', 'done']) expect(lines[1]).toContain(st);
  });

  it('a closed pipe ends quietly', () => {
    for (const args of [['schedule', 'plans/stoa-2026-v4.yaml', '--json', '--today', TODAY], [big, '--today', TODAY]]) {
      const out = execFileSync('bash', ['-c', `set -o pipefail; node ${BIN} ${args.join(' ')} 2>${dir}/err | head -c 10 >/dev/null; echo $?`], { encoding: 'utf8' });
      expect(out.trim()).toBe('0');
      expect(readFileSync(join(dir, 'err'), 'utf8')).toBe('');
    }
  });

  it('TERM=dumb on a terminal prints the static kanban and returns to the shell', async () => {
    const t = term(120, 40, { TERM: 'dumb' });
    t.record();
    board(t, 'plans/k3s-mono-pgsql.yaml');
    await t.until((x) => x.includes('board-exit=0'), 'the static kanban');
    const bytes = (await t.stopRecording()).toString('latin1');
    expect(bytes).not.toContain('\u001b[?1049h'); // no alternate screen
    const all = t.tmux('capture-pane', '-p', '-t', 't', '-S', '-400');
    expect(all).toMatch(/^backlog \(18\) .*│done \(0\)$/m);
    for (const l of all.split('\n')) expect([...l].length).toBeLessThanOrEqual(120);
  });
});
