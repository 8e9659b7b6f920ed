// The shape of a command in the table (commands.ts): what it takes, what it says about itself,
// and where its handler lives. Help, the man page, completion and the argument parser all read it.
import type { Io } from './command.js';
import type { Parsed } from './args.js';

/** What a value is: picks its check (date, int, choice) and its completion (files, ids, lanes). */
export type ValueKind =
  | 'plan' // a plan file (`-` = stdin where the command only reads)
  | 'file' // any file
  | 'issue' // an issue id of the plan
  | 'lane' // a lane id of the plan
  | 'status' // a status of the plan
  | 'scenario' // a scenario id of the plan
  | 'group' // a group id of the plan
  | 'milestone' // a milestone id of the plan
  | 'priority' // a priority of the plan
  | 'date' // YYYY-MM-DD or today/yesterday/tomorrow
  | 'duration' // 30m, 1.5h, 0.5d, 1w
  | 'int'
  | 'choice'
  | 'shell'
  | 'text';

export interface ArgSpec {
  name: string; // shown upper-case: PLAN, ID
  kind: ValueKind;
  optional?: boolean;
  /** Takes every remaining positional (at least one unless optional). */
  variadic?: boolean;
  choices?: readonly string[];
}

export interface OptionSpec {
  name: string; // without dashes
  short?: string;
  /** Absent: a flag. Present: the option takes a value of this kind. */
  value?: ValueKind;
  /** Placeholder in help: DATE, LANE. */
  meta?: string;
  choices?: readonly string[];
  /** The command cannot run without it. */
  required?: boolean;
  /** For int values. */
  min?: number;
  max?: number;
  help: string;
}

export type Handler = (a: Parsed, io: Io) => Promise<number>;

export interface CommandSpec {
  name: string;
  summary: string;
  /** Paragraphs after the usage line in `--help` and the man page. */
  description: string;
  args: ArgSpec[];
  options: OptionSpec[];
  /** Only reads the plan: `-` may stand for standard input. */
  readsOnly?: boolean;
  /** Not listed in help, man page or completion (internal helpers). */
  hidden?: boolean;
  /** Example lines for the man page. */
  examples?: string[];
  load: () => Promise<{ run: Handler }>;
  /**
   * Options and help that live with a module loaded only for this command (import's formats): the
   * full entry, resolved before parsing, help, the man page and completion.
   */
  resolve?: (spec: CommandSpec) => Promise<CommandSpec>;
}

/** The options every command shares, appended by the table. */
/** The widest picture drawn as text (`render --width`, a piped board's COLUMNS): wider is only padding. */
export const WIDEST = 10_000;
export const TODAY: OptionSpec = { name: 'today', value: 'date', meta: 'DATE', help: 'take DATE as today (default: the local date)' };
export const JSON_OPT: OptionSpec = { name: 'json', help: 'print JSON (with "version": 1) instead of text' };
export const HELP_OPT: OptionSpec = { name: 'help', short: 'h', help: 'print this help and exit' };
