// `--help` text, written from the command table so it can never drift from what is parsed.
import { HELP_OPT, type CommandSpec, type OptionSpec } from './spec.js';

const argText = (spec: CommandSpec) =>
  spec.args.map((a) => {
    const n = a.choices ? a.choices.join('|') : a.name;
    const v = a.variadic ? `${n}...` : n;
    return a.optional ? `[${v}]` : v;
  });

export const optionText = (o: OptionSpec) =>
  `${o.short ? `-${o.short}, ` : ''}--${o.name}${o.value ? ` ${o.meta ?? (o.choices ? o.choices.join('|') : o.value.toUpperCase())}` : ''}`;

/** `usage: planboard log PLAN ID DURATION [options]` */
export function usageLine(spec: CommandSpec): string {
  const required = spec.options.filter((o) => o.required).map((o) => optionText({ ...o, short: undefined }));
  const opts = [...required, ...(spec.options.length > required.length ? ['[options]'] : [])].map((w) => ` ${w}`).join('');
  const words = spec.name === 'open' ? argText(spec) : [spec.name, ...argText(spec)];
  return `usage: planboard ${words.join(' ')}${opts}`;
}

export function commandHelp(spec: CommandSpec): string {
  const options = [...spec.options, HELP_OPT];
  const width = Math.max(...options.map((o) => optionText(o).length));
  return [
    usageLine(spec),
    '',
    spec.description,
    '',
    'options:',
    ...options.map((o) => `  ${optionText(o).padEnd(width)}  ${wrap(o.help, HELP_WIDTH - width - 4).join(`\n${' '.repeat(width + 4)}`)}`),
  ].join('\n');
}

const HELP_WIDTH = 100;

/** Words of `text` in lines of at most `width` characters (a longer word keeps its own line). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > Math.max(width, 30)) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

/** `planboard --help`: every listed command with its summary. */
export function mainUsage(table: readonly CommandSpec[]): string {
  const shown = table.filter((c) => !c.hidden);
  const width = Math.max(...shown.map((c) => c.name.length));
  return [
    'usage: planboard [PLAN]               open the board (default: ./plan.yaml, or the one plan in ./plans/)',
    '       planboard COMMAND [ARGS...]',
    '',
    'commands:',
    ...shown.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'planboard COMMAND --help' for a command's options; the man page (man/planboard.1 in the package) has all of them.",
    'Exit status: 0 done, 1 bad input or refused edit, 2 bad usage, 3 conflict.',
  ].join('\n');
}
