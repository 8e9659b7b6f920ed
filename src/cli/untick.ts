// `planboard untick PLAN ID`: an issue is not done after all (back to todo, done_on removed).
import { editCommand } from './tick.js';

export const run = editCommand({
  name: 'untick',
  usage: `usage: planboard untick PLAN ID

Marks issue ID not done: status back to todo (or the plan's first status that is not done),
and its done_on removed. Only that issue's lines change.`,
  extra: 0,
  op: (id) => ({ kind: 'untick', id }),
});
