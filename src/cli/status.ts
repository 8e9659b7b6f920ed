// `planboard status PLAN ID STATUS [--today D]`: sets an issue's status (done records done_on).
import type { Command } from './command.js';
import { commitOne } from './commit.js';

export const run: Command = (a, io) => commitOne(a, io, { kind: 'set-status', id: a.args.id!, status: a.args.status!, date: a.today });
