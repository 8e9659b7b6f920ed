// The board's `t` prompt and `planboard log` read time the same way (one parser): a bare number
// is hours and the prompt says so; more than a day in one entry is refused at the prompt.
import { describe, expect, it } from 'vitest';
import { KEY, makeStore, renderBoard } from './helpers.js';
import { cli, writeTemp } from '../commands/helpers.js';
import { loadPlanText } from '../../src/core/plan/load.js';
import { readFileSync } from 'node:fs';
import { PLAN } from './board-fixture.js';

const typed = (text: string) => [...text];

async function logOnBoard(input: string) {
  const { store } = makeStore();
  const { press, frame } = await renderBoard({ store });
  store.getState().select('A-2');
  await press('t');
  const prompt = frame();
  await press(...typed(input), KEY.enter);
  return { prompt, frame: frame(), overlay: store.getState().overlay, log: store.getState().model.byId.get('A-2')!.log };
}

async function logOnCli(input: string) {
  const file = writeTemp('plan.yaml', PLAN);
  const r = await cli(['log', file, 'A-2', input, '--date', '2026-03-02']);
  const loaded = loadPlanText(readFileSync(file, 'utf8'), file);
  return { code: r.code, err: r.err, log: loaded.ok ? loaded.plan.model.byId.get('A-2')!.log : [] };
}

describe('the log prompt (t) and planboard log agree', () => {
  it('the prompt says a bare number is hours', async () => {
    const { prompt } = await logOnBoard('1');
    expect(prompt).toMatch(/log time on A-2 \(a bare number is hours/);
  });

  it.each([
    ['30m', 0.5],
    ['90m', 1.5],
    ['1.5', 1.5],
    ['1.5h', 1.5],
    ['30 min', 0.5],
    ['0.5d', 4], // the fixture's 8 hours a day
  ])('"%s" logs %s h on the board and on the command line', async (input, hours) => {
    const board = await logOnBoard(input);
    expect(board.overlay).toBeNull();
    expect(board.log.at(-1)).toEqual({ date: '2026-03-02', hours });
    const line = await logOnCli(input);
    expect(line.code).toBe(0);
    expect(line.log.at(-1)).toEqual({ date: '2026-03-02', hours });
  });

  it('a note follows the amount', async () => {
    const board = await logOnBoard('30 min pairing');
    expect(board.log.at(-1)).toEqual({ date: '2026-03-02', hours: 0.5, note: 'pairing' });
  });

  it.each(['30h', '4d', '1w'])('"%s" is more than a day: refused at the prompt, which stays open with the reason', async (input) => {
    const board = await logOnBoard(input);
    expect(board.overlay).toMatchObject({ kind: 'prompt', purpose: 'log-time' });
    expect(board.frame).toMatch(/bad duration/);
    expect(board.overlay).toMatchObject({ error: expect.stringMatching(/more than a day \(24h\) in one entry/) });
    expect(board.log.length).toBe(0);
    const line = await logOnCli(input);
    expect(line.code).toBe(2);
    expect(line.err).toMatch(/more than a day \(24h\) in one entry/);
  });
});
