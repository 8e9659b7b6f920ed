// `planboard tick PLAN ID [--today YYYY-MM-DD]`: marks an issue done (status done, done_on today),
// through commitOps like every edit. Also holds what the small edit commands share.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { CliError, type Command, type Io } from './command.js';
import type { Op } from '../core/plan/op-types.js';
import { DATE_RE } from '../core/plan/schema.js';
import { localToday } from '../core/schedule/dates.js';
import { describeOp, EditError, OpError, PlanTextError } from '../core/plan/ops.js';
import { savePlan as commitOps, formatConflicts, readTextFile, FileMovedOnError, LockLostError, LockTimeoutError, NoWriteAccessError, NotAPlanFileError, PlanReadError, WriteError } from '../core/persist/index.js';
import { sanitize } from '../core/text/sanitize.js';

export interface EditCommandSpec {
  name: string;
  usage: string;
  /** Positionals after PLAN and ID. */
  extra: number;
  options?: Record<string, { type: 'string' }>;
  op(id: string, rest: string[], values: Record<string, string | undefined>, today: string): Op;
}

/** A command that applies one op to one issue of a plan file and says what it did. */
export function editCommand(spec: EditCommandSpec): Command {
  spec = { ...spec, usage: `${spec.usage}\n\n--base FILE  the copy of the plan this edit was decided on: if the same field has\n             since changed another way, exit 3 and write nothing` };
  const fail = (message: string, code = 1) => new CliError(`planboard ${spec.name}: ${message}`, code);
  return async (args: string[], io: Io) => {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        options: { today: { type: 'string' }, base: { type: 'string' }, help: { type: 'boolean', short: 'h' }, ...spec.options },
      });
    } catch (e) {
      throw fail(`${(e as Error).message}\n${spec.usage}`, 2);
    }
    const { values, positionals } = parsed;
    if (values.help) {
      io.out(spec.usage);
      return 0;
    }
    if (positionals.length !== 2 + spec.extra) throw fail(`expected ${2 + spec.extra} arguments, got ${positionals.length}\n${spec.usage}`, 2);
    const [file, id, ...rest] = positionals;
    const today = typeof values.today === 'string' ? values.today : localToday();
    if (!DATE_RE.test(today)) throw fail(`--today must be a date YYYY-MM-DD, not "${today}"`, 2);
    const op = spec.op(id, rest, values as Record<string, string | undefined>, today);
    // --base: the copy of the plan this edit was decided on. If the plan has since changed the
    // same field another way, that is a conflict: exit 3 and write nothing.
    let baseText: string | undefined;
    if (typeof values.base === 'string') {
      try {
        baseText = await readTextFile(resolve(io.cwd, values.base));
      } catch (e) {
        throw fail(`cannot read --base ${values.base}: ${(e as NodeJS.ErrnoException).code === 'ENOTREG' ? (e as Error).message : ((e as NodeJS.ErrnoException).code ?? (e as Error).message)}`, 2);
      }
    }
    let conflicts;
    try {
      ({ conflicts } = await commitOps(resolve(io.cwd, file), [op], { baseText, onNotice: (n) => io.err(`planboard ${spec.name}: ${n}`) }));
    } catch (e) {
      if (e instanceof OpError || e instanceof EditError) throw fail(`${file}: ${e.message}`);
      if (e instanceof PlanTextError) throw fail(`${file} does not load:\n${e.message}`);
      const known = [PlanReadError, NoWriteAccessError, LockTimeoutError, LockLostError, WriteError, NotAPlanFileError, FileMovedOnError];
      if (known.some((k) => e instanceof k)) throw fail((e as Error).message);
      throw e;
    }
    if (conflicts.length) throw fail(formatConflicts(file, conflicts), 3);
    io.out(sanitize(describeOp(op)));
    return 0;
  };
}

export const run = editCommand({
  name: 'tick',
  usage: `usage: planboard tick PLAN ID [--today YYYY-MM-DD]

Marks issue ID done: status done, done_on today (or --today). Only that issue's lines change.`,
  extra: 0,
  op: (id, _rest, _values, today) => ({ kind: 'tick', id, date: today }),
});
