// `planboard status PLAN ID STATUS [--today YYYY-MM-DD]`: sets an issue's status.
import { editCommand } from './tick.js';

export const run = editCommand({
  name: 'status',
  usage: `usage: planboard status PLAN ID STATUS [--today YYYY-MM-DD]

Sets issue ID's status to STATUS, one of the plan's statuses. Setting done records done_on
(today, or --today); any other status removes it.`,
  extra: 1,
  op: (id, [status], _values, today) => ({ kind: 'set-status', id, status, date: today }),
});
