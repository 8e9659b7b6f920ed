// `planboard move PLAN ID --lane LANE`: reassigns an issue to another lane (`--lane -` unassigns).
import type { Handler } from './command.js';
import { commitOne } from './commit.js';
import { str } from './args.js';

export const run: Handler = (a, io) => {
  const lane = str(a, 'lane')!;
  return commitOne(a, io, { kind: 'move-lane', id: a.args.id!, lane: lane === '-' ? null : lane });
};
