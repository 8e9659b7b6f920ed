// `planboard render PLAN --view kanban|timeline|capacity [--width W] [--height H] [--today D]`:
// exactly what that pane shows, as plain text (no ANSI). For standup channels, tests, benchmarks.
import { resolve } from 'node:path';
import type { PlanData } from '../core/plan/model.js';
import { CliError, type Command } from './command.js';
import { checkToday, loadForBoard, parseCli } from './open.js';

const HELP = `usage: planboard render PLAN --view kanban|timeline|capacity [--width W] [--height H] [--today YYYY-MM-DD]

Prints what the pane shows, as plain text. Default size: 100×40.`;

const VIEWS = ['kanban', 'timeline', 'capacity', 'standup'] as const;
type View = (typeof VIEWS)[number];

function size(name: string, v: unknown, fallback: number, min: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > 10000) throw new CliError(`--${name}: expected a whole number from ${min} to 10000, got "${String(v)}"`, 2);
  return n;
}

export async function renderView(file: string, text: string, data: PlanData, view: View, width: number, height: number, today?: string): Promise<string> {
  // Straight from the pure layouts: React, Ink and Yoga are never loaded for a static picture.
  const [{ createBoardStore }, { paneText }] = await Promise.all([import('../store/index.js'), import('../ui/static-text.js')]);
  const store = createBoardStore({ file, text, data, today });
  store.setState({ pane: view, selectedId: null }); // a static picture: no cursor
  return paneText(store.getState(), view, width, height);
}

/**
 * What `planboard PLAN` prints when it cannot draw the board (stdout not a terminal, TERM=dumb):
 * title line, then the kanban with every column and every card, `COLUMNS` wide (or as wide as
 * every column needs), for grep and scripts.
 */
export async function staticKanban(file: string, text: string, data: PlanData, today?: string, columnsEnv = process.env.COLUMNS): Promise<string> {
  const [{ createBoardStore }, { paneText }, { selectColumns }, { sanitize }, { CARD_LINES, MIN_COL }] = await Promise.all([
    import('../store/index.js'),
    import('../ui/static-text.js'),
    import('../store/selectors.js'),
    import('../ui/text.js'),
    import('../ui/panes/kanban-lines.js'),
  ]);
  const store = createBoardStore({ file, text, data, today });
  store.setState({ pane: 'kanban', selectedId: null });
  const columns = selectColumns(store.getState());
  const tallest = Math.max(0, ...[...columns.values()].map((c) => c.length));
  const asked = Number(columnsEnv);
  const all = columns.size * (MIN_COL + 1) - 1;
  const width = Math.max(all, Number.isInteger(asked) && asked > 0 ? asked : Math.max(120, columns.size * 40));
  const body = paneText(store.getState(), 'kanban', width, 1 + tallest * CARD_LINES);
  return `${sanitize(data.title)}${data.as_of ? ` · as of ${data.as_of}` : ''}\n${body}`;
}

export const run: Command = async (args, io) => {
  const { values, positionals } = parseCli(args, {
    view: { type: 'string' },
    width: { type: 'string' },
    height: { type: 'string' },
    today: { type: 'string' },
  });
  if (values.help) {
    io.out(HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new CliError(`${positionals.length ? 'one plan at a time' : 'which plan?'}\n${HELP}`, 2);
  const view = (values.view ?? 'kanban') as View;
  if (!VIEWS.includes(view)) throw new CliError(`--view: expected one of ${VIEWS.join(', ')}, got "${String(values.view)}"`, 2);
  const width = size('width', values.width, 100, 20);
  const height = size('height', values.height, 40, 3);
  const today = checkToday(values.today as string | undefined);
  const file = resolve(io.cwd, positionals[0]);
  const plan = await loadForBoard(file);
  io.out(await renderView(file, plan.text, plan.data, view, width, height, today));
  return 0;
};
