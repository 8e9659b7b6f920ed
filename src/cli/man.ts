// The man page (roff), written from the command table like `--help`. man/planboard.1 is this
// output (`npm run gen:man`); a test fails when it is stale.
import type { Handler } from './command.js';
import { COMMANDS, resolvedSpec } from './commands.js';
import { optionText, usageLine } from './help.js';
import { HELP_OPT, WIDEST, type CommandSpec } from './spec.js';
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

/** What the environment changes, in the order a user meets it. */
const ENVIRONMENT: [string, string][] = [
  ['VISUAL, EDITOR', 'the editor e opens the plan in (VISUAL first, then EDITOR, then vi); split into words without a shell'],
  ['BROWSER', "the program O opens an issue's link with, the link as one argument"],
  ['NO_COLOR', 'set: no colours'],
  ['TERM', 'dumb: the board is printed as text (every column and card) instead of opened'],
  ['COLUMNS', `the width of the board printed when standard output is not a terminal (at most ${WIDEST})`],
  ['PLANBOARD_MOUSE', '0: the mouse is left to the terminal, as with --no-mouse'],
  ['USER, LOGNAME', 'the board opens on the lane with your name, and other boards on the plan show you as present'],
  ['XDG_CACHE_HOME', 'the cache of parsed plans and of computed output (schedule --json, capacity --json) is $XDG_CACHE_HOME/planboard, else ~/.cache/planboard'],
  ['PLANBOARD_NO_CACHE', '1: no cache; every plan is read and every answer computed afresh'],
  ['XDG_STATE_HOME', 'hide-done and the sort order are remembered per plan in $XDG_STATE_HOME/planboard/views.json, else ~/.local/state/planboard/views.json'],
  ['PLANBOARD_LOCK_STALE_MS', 'how old (default 10000) a save lock whose owner no longer refreshes it must be before another save takes it'],
  ['PLANBOARD_DEBUG', 'set: an internal error (exit 70) prints its stack'],
];

/** Files planboard writes besides the plan. */
const FILES: [string, string][] = [
  ['.planboard/', 'beside the plan: the save lock, who has the plan open, and temporary files of a save in progress'],
  ['~/.cache/planboard/', 'the cache (see XDG_CACHE_HOME); only entries owned by you and writable by no one else are read'],
  ['~/.local/state/planboard/views.json', 'view preferences per plan (see XDG_STATE_HOME)'],
];

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
      '.SH ENVIRONMENT',
      ...ENVIRONMENT.flatMap(([name, text]) => ['.TP', `.B ${roff(name)}`, roff(text)]),
      '.SH FILES',
      ...FILES.flatMap(([name, text]) => ['.TP', `.I ${roff(name)}`, roff(text)]),
      '.SH SEE ALSO',
      'planboard completion bash|zsh|fish',
    ].join('\n') + '\n'
  );
}

export const run: Handler = async (_a, io) => {
  io.out(await manPage());
  return 0;
};
