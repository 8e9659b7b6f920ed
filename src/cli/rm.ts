// `planboard rm PLAN ID`: removes one issue (its lines, and nothing else). Refused, with the
// plan's own message, while another issue still depends on it.
import type { Handler } from './command.js';
import { commitOne } from './commit.js';

export const run: Handler = (a, io) => commitOne(a, io, { kind: 'remove-issue', id: a.args.id! });
