// `planboard status PLAN ID STATUS [--today D]`: sets an issue's status (done records done_on).
import type { Handler } from './command.js';
import { commitOne } from './commit.js';

export const run: Handler = (a, io) => commitOne(a, io, { kind: 'set-status', id: a.args.id!, status: a.args.status!, date: a.today });
