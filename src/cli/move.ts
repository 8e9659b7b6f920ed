// `planboard move PLAN ID --lane LANE`: reassigns an issue to another lane (`--lane -` unassigns).
import { CliError } from './command.js';
import { editCommand } from './tick.js';

const usage = `usage: planboard move PLAN ID --lane LANE

Moves issue ID to lane LANE, one of the plan's lanes; --lane - takes it off any lane.`;

export const run = editCommand({
  name: 'move',
  usage,
  extra: 0,
  options: { lane: { type: 'string' } },
  op: (id, _rest, values) => {
    if (values.lane === undefined) throw new CliError(`planboard move: --lane LANE is required\n${usage}`, 2);
    return { kind: 'move-lane', id, lane: values.lane === '-' ? null : values.lane };
  },
});
