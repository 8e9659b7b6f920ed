// `planboard render PLAN --view kanban|timeline|capacity [--width W] [--height H] [--today D]`:
// exactly what that pane shows, as plain text (no ANSI). For standup channels, tests, benchmarks.
import type { PlanData } from '../core/plan/model.js';
import type { Handler } from './command.js';
import { str } from './args.js';
import { loadPlan } from './input.js';
import { WIDEST } from './spec.js';

type View = 'kanban' | 'timeline' | 'capacity' | 'standup';

export async function renderView(file: string, text: string, data: PlanData, view: View, width: number, height: number, today?: string): Promise<string> {
  // Straight from the pure layouts: React, Ink and Yoga are never loaded for a static picture, nor
  // the board's edit machinery (ops, zod, yaml): the board's state as it opens is all it needs.
  const [{ openingView }, { paneText }] = await Promise.all([import('../store/view-state.js'), import('../ui/static-text.js')]);
  const state = { ...openingView({ file, text, data, today }), pane: view, selectedId: null }; // no cursor
  return paneText(state, view, width, height);
}

/**
 * What `planboard PLAN` prints when it cannot draw the board (stdout not a terminal, TERM=dumb):
 * title line, then the kanban with every column and every card, `COLUMNS` wide (or as wide as
 * every column needs), for grep and scripts. A COLUMNS past WIDEST counts as WIDEST.
 */
export async function staticKanban(file: string, text: string, data: PlanData, today?: string, columnsEnv = process.env.COLUMNS): Promise<string> {
  const [{ openingView }, { paneText }, { selectColumns }, { sanitize }, { CARD_LINES, MIN_COL }] = await Promise.all([
    import('../store/view-state.js'),
    import('../ui/static-text.js'),
    import('../store/selectors.js'),
    import('../ui/text.js'),
    import('../ui/layout/kanban-lines.js'),
  ]);
  const state = { ...openingView({ file, text, data, today }), selectedId: null };
  const columns = selectColumns(state);
  const tallest = Math.max(0, ...[...columns.values()].map((c) => c.length));
  const asked = Number(columnsEnv);
  const all = columns.size * (MIN_COL + 1) - 1;
  const width = Math.max(all, Number.isInteger(asked) && asked > 0 ? Math.min(asked, WIDEST) : Math.max(120, columns.size * 40));
  const body = paneText(state, 'kanban', width, 1 + tallest * CARD_LINES);
  return `${sanitize(data.title)}${data.as_of ? ` · as of ${data.as_of}` : ''}\n${body}`;
}

export const run: Handler = async (a, io) => {
  const view = (str(a, 'view') ?? 'kanban') as View;
  const width = Number(str(a, 'width') ?? 100);
  const height = Number(str(a, 'height') ?? 40);
  const plan = await loadPlan('render', io, a.args.plan!);
  io.out(await renderView(plan.path, plan.text, plan.data, view, width, height, str(a, 'today')));
  return 0;
};
