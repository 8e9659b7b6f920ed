// `planboard render PLAN --view kanban|timeline|capacity [--width W] [--height H] [--today D]`:
// exactly what that pane shows, as plain text (no ANSI). For standup channels, tests, benchmarks.
import type { PlanData } from '../core/plan/model.js';
import type { Handler } from './command.js';
import { str } from './args.js';
import { loadPlan } from './input.js';

type View = 'kanban' | 'timeline' | 'capacity' | 'standup';

export async function renderView(file: string, text: string, data: PlanData, view: View, width: number, height: number, today?: string): Promise<string> {
  const [{ createBoardStore }, { renderPaneText }] = await Promise.all([import('../store/index.js'), import('../ui/render-pane.js')]);
  const store = createBoardStore({ file, text, data, today });
  store.setState({ pane: view, selectedId: null }); // a static picture: no cursor
  return renderPaneText(store, view, width, height);
}

/** What `planboard PLAN` prints when stdout is not a terminal: title line, then the kanban. */
export async function staticKanban(file: string, text: string, data: PlanData, today?: string): Promise<string> {
  const body = await renderView(file, text, data, 'kanban', 100, 40, today);
  const { sanitize } = await import('../ui/text.js');
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
