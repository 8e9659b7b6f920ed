// The man page (roff), written from the command table like `--help`. man/planboard.1 is this
// output (`npm run gen:man`); a test fails when it is stale.
import type { Handler } from './command.js';
import { COMMANDS, resolvedSpec } from './commands.js';
import { optionText, usageLine } from './help.js';
import { HELP_OPT, type CommandSpec } from './spec.js';
import { VERSION } from './version.js';

/** Text made safe for roff: backslashes, leading dots and quotes, dashes, non-ASCII as \[uXXXX]. */
const roff = (t: string) =>
  t
    .replace(/\\/g, '\\e')
    .replace(/-/g, '\\-')
    .replace(/[^\x00-\x7f]/gu, (c) => `\\[u${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`)
    .split('\n')
    .map((l) => (/^[.']/.test(l) ? `\\&${l}` : l))
    .join('\n');

function section(spec: CommandSpec): string {
  const out = [`.SS ${roff(usageLine(spec).replace(/^usage: /, ''))}`, roff(spec.summary.replace(/^./, (c) => c.toUpperCase())) + '.', '.PP', '.nf', roff(spec.description), '.fi'];
  for (const o of [...spec.options, HELP_OPT]) out.push('.TP', `.B ${roff(optionText(o))}`, roff(o.help));
  for (const e of spec.examples ?? []) out.push('.PP', 'Example:', '.RS', '.nf', roff(e), '.fi', '.RE');
  return out.join('\n');
}

export async function manPage(): Promise<string> {
  const shown = await Promise.all(COMMANDS.filter((c) => !c.hidden).map(resolvedSpec));
  return (
    [
      `.TH PLANBOARD 1 "" "planboard ${VERSION}" "User Commands"`,
      '.SH NAME',
      'planboard \\- a terminal planning board: kanban, timeline and capacity views over a plan kept in YAML',
      '.SH SYNOPSIS',
      '.B planboard',
      '[\\fIPLAN\\fR]',
      '.br',
      '.B planboard',
      '\\fICOMMAND\\fR [\\fIARGS\\fR...]',
      '.SH DESCRIPTION',
      'Without a command, opens the board on PLAN; without PLAN, on ./plan.yaml or the one plan in ./plans/.',
      'A plan is a YAML file (see docs/plan\\-format.md). Commands that only read a plan take \\fB\\-\\fR for standard input.',
      'Dates are calendar dates YYYY\\-MM\\-DD (or today, yesterday, tomorrow); durations are 30m, 1.5h, 0.5d, 1w.',
      '.SH COMMANDS',
      ...shown.map(section),
      '.SH EXIT STATUS',
      '.TP',
      '.B 0',
      'done',
      '.TP',
      '.B 1',
      'bad input or a refused edit (the message names file, line and column where there is one); the plan is left as it was',
      '.TP',
      '.B 2',
      'bad usage: an unknown command or option, a missing or malformed argument',
      '.TP',
      '.B 3',
      'conflict: the same field was changed another way (edits with \\-\\-base, merge)',
      '.TP',
      '.B 70',
      'an internal error (a bug: please report it)',
      '.SH SEE ALSO',
      'planboard completion bash|zsh|fish',
    ].join('\n') + '\n'
  );
}

export const run: Handler = async (_a, io) => {
  io.out(await manPage());
  return 0;
};
