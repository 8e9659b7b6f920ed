// `planboard untick PLAN ID`: an issue is not done after all (back to todo, done_on removed).
import type { Handler } from './command.js';
import { commitOne } from './commit.js';

export const run: Handler = (a, io) => commitOne(a, io, { kind: 'untick', id: a.args.id! });
