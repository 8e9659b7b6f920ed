// `planboard tick PLAN ID [--today D]`: marks an issue done (status done, done_on today).
import type { Handler } from './command.js';
import { commitOne } from './commit.js';

export const run: Handler = (a, io) => commitOne(a, io, { kind: 'tick', id: a.args.id!, date: a.today });
