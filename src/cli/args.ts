// The one argument parser. It reads argv against a command's entry in the table: options
// (`--name value`, `--name=value`, `-x value`, flags), positionals by name, and checks each value
// by its kind (dates through the core date parser). Anything wrong on the command line is bad
// usage: exit 2 with the command's usage line.
import { CliError } from './command.js';
import { HELP_OPT, type CommandSpec, type OptionSpec } from './spec.js';
import { optionText, usageLine } from './help.js';
import { closest } from '../core/plan/suggest.js';
import { DateInputError, parseDateInput, todayOf } from '../core/text/dates.js';

export interface Parsed {
  command: string;
  /** Positionals by their table name (lower-case): `a.args.plan`. Variadic ones are in `list`. */
  args: Record<string, string | undefined>;
  list: string[];
  /** Option values: strings for valued options (dates already checked), true for flags. */
  opts: Record<string, string | true | undefined>;
  /** --today, checked, or the local date. */
  today: string;
  help: boolean;
}

const optionsOf = (spec: CommandSpec): OptionSpec[] => [...spec.options, HELP_OPT];

export function usageError(spec: CommandSpec, message: string): CliError {
  return new CliError(`planboard ${spec.name}: ${message}\n${usageLine(spec)}\nRun 'planboard ${spec.name} --help' for more.`, 2);
}

/** Checks one option value by its kind; returns it normalised (dates as YYYY-MM-DD). */
function checkValue(spec: CommandSpec, o: OptionSpec, v: string, today: string | undefined): string {
  const flag = `--${o.name}`;
  if (o.value === 'date') {
    try {
      return parseDateInput(v, today);
    } catch (e) {
      if (e instanceof DateInputError) throw usageError(spec, `${flag}: ${e.message}`);
      throw e;
    }
  }
  if (o.value === 'int') {
    const n = Number(v);
    const min = o.min ?? -Infinity;
    const max = o.max ?? Infinity;
    if (!/^-?\d+$/.test(v) || n < min || n > max) throw usageError(spec, `${flag}: expected a whole number${o.min !== undefined ? ` from ${min} to ${max}` : ''}, got "${v}"`);
  }
  if (o.choices && !o.choices.includes(v)) throw usageError(spec, `${flag}: expected one of ${o.choices.join(', ')}, got "${v}"${hint(v, o.choices)}`);
  return v;
}

const hint = (word: string, candidates: Iterable<string>) => {
  const c = closest(word, candidates);
  return c ? ` (did you mean "${c}"?)` : '';
};

export function parseCommandLine(spec: CommandSpec, argv: string[]): Parsed {
  const options = optionsOf(spec);
  const byLong = new Map(options.map((o) => [o.name, o]));
  const byShort = new Map(options.filter((o) => o.short).map((o) => [o.short!, o]));
  const raw: Record<string, string | true> = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a === '-' || !a.startsWith('-') || /^-\d/.test(a)) {
      positionals.push(a);
      continue;
    }
    let o: OptionSpec | undefined;
    let inline: string | undefined;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      inline = eq < 0 ? undefined : a.slice(eq + 1);
      o = byLong.get(name);
      if (!o) throw usageError(spec, `unknown option --${name}${hint(name, byLong.keys()).replace(/"(.*)"/, '"--$1"')}`);
    } else {
      o = byShort.get(a[1]);
      if (!o) throw usageError(spec, `unknown option ${a.slice(0, 2)}`);
      if (a.length > 2) inline = a.slice(2);
    }
    if (!o.value) {
      if (inline !== undefined) throw usageError(spec, `--${o.name} takes no value`);
      raw[o.name] = true;
      continue;
    }
    const v = inline ?? argv[++i];
    if (v === undefined || (inline === undefined && v.startsWith('--'))) throw usageError(spec, `--${o.name} needs a value (${o.meta ?? o.value.toUpperCase()})`);
    raw[o.name] = v;
  }
  const help = raw.help === true;
  const parsed: Parsed = { command: spec.name, args: {}, list: [], opts: {}, today: '', help };
  if (help) return parsed;

  // --today first: other dates (today, yesterday) count from it.
  const todayOpt = byLong.get('today');
  const today = todayOpt && typeof raw.today === 'string' ? checkValue(spec, todayOpt, raw.today, todayOf()) : todayOf();
  parsed.today = today;
  for (const o of options) {
    const v = raw[o.name];
    if (v === undefined) continue;
    parsed.opts[o.name] = v === true ? true : checkValue(spec, o, v, today);
  }

  let k = 0;
  for (const arg of spec.args) {
    const key = arg.name.toLowerCase();
    if (arg.variadic) {
      parsed.list = positionals.slice(k);
      k = positionals.length;
      if (!parsed.list.length && !arg.optional) throw usageError(spec, `missing ${arg.name}`);
      continue;
    }
    const v = positionals[k];
    if (v === undefined) {
      if (!arg.optional) throw usageError(spec, `missing ${arg.name}`);
      continue;
    }
    if (arg.kind === 'plan' && v === '-' && !spec.readsOnly) throw usageError(spec, `${arg.name}: a plan from standard input (-) can only be read, and ${spec.name} writes`);
    if (arg.choices && !arg.choices.includes(v)) throw usageError(spec, `${arg.name}: expected one of ${arg.choices.join(', ')}, got "${v}"${hint(v, arg.choices)}`);
    if (arg.kind === 'date') {
      try {
        parsed.args[key] = parseDateInput(v, today);
      } catch (e) {
        if (e instanceof DateInputError) throw usageError(spec, `${arg.name}: ${e.message}`);
        throw e;
      }
    } else parsed.args[key] = v;
    k++;
  }
  if (k < positionals.length) throw usageError(spec, `unexpected argument "${positionals[k]}"`);
  const missing = options.find((o) => o.required && parsed.opts[o.name] === undefined);
  if (missing) throw usageError(spec, `${optionText(missing)} is required`);
  return parsed;
}

/** A string option, or undefined. */
export const str = (a: Parsed, name: string): string | undefined => {
  const v = a.opts[name];
  return typeof v === 'string' ? v : undefined;
};
export const flag = (a: Parsed, name: string): boolean => a.opts[name] === true;
