// `planboard untick PLAN ID`: an issue is not done after all (back to todo, done_on removed).
import type { Command } from './command.js';
import { commitOne } from './commit.js';

export const run: Command = (a, io) => commitOne(a, io, { kind: 'untick', id: a.args.id! });
