// The command table: one entry per command (name, arguments, options, help, handler). `--help`,
// the man page, shell completion, "did you mean" and the argument parser are all made from it.
// A new command is one file (its handler) plus one entry here. Handlers load lazily, so
// `validate` never pays for Ink and React.
import { JSON_OPT, TODAY, WIDEST, type CommandSpec, type OptionSpec } from './spec.js';

const BASE: OptionSpec = {
  name: 'base',
  value: 'file',
  meta: 'FILE',
  help: 'the copy of the plan this edit was decided on: if the same field has since changed another way, exit 3 and write nothing',
};
const SCENARIO: OptionSpec = { name: 'scenario', value: 'scenario', meta: 'ID', help: 'use the lane assignment of scenario ID' };
const OUTPUT: OptionSpec = { name: 'output', short: 'o', value: 'file', meta: 'FILE', help: 'write to FILE instead of standard output' };
const SAMPLES: OptionSpec = { name: 'samples', value: 'int', meta: 'N', min: 0, max: 100_000, help: 'Monte Carlo samples for the odds of landing (default 1000, fewer on plans with over 100 open issues; 0 for none)' };
const SEED: OptionSpec = { name: 'seed', value: 'int', meta: 'N', min: 0, max: 2 ** 31 - 1, help: 'seed of the Monte Carlo draws (default 1): the same seed, the same odds' };
const LANE: OptionSpec = { name: 'lane', value: 'lane', meta: 'LANE', help: 'only lane LANE' };
const PLAN = { name: 'PLAN', kind: 'plan' } as const;
const ID = { name: 'ID', kind: 'issue' } as const;
const ISSUE_FIELDS: OptionSpec[] = [
  { name: 'estimate', value: 'duration', meta: 'DURATION', help: 'estimate: 2h, 1.5d, 1w or a range 3-5d (a bare number is days)' },
  { name: 'lane', value: 'lane', meta: 'LANE', help: 'lane (one of the plan\'s lanes)' },
  { name: 'status', value: 'status', meta: 'STATUS', help: 'status (one of the plan\'s statuses)' },
  { name: 'group', value: 'group', meta: 'GROUP', help: 'group id (one of the plan\'s groups)' },
  { name: 'milestone', value: 'milestone', meta: 'MILESTONE', help: 'milestone id (one of the plan\'s milestones)' },
  { name: 'priority', value: 'priority', meta: 'PRIORITY', help: 'priority (one of the plan\'s priorities)' },
  { name: 'sprint', value: 'text', meta: 'SPRINT', help: 'sprint name' },
  { name: 'labels', value: 'text', meta: 'LABELS', help: 'labels, comma-separated (a,b): the whole list' },
  { name: 'due', value: 'text', meta: 'DATE', help: 'due date: YYYY-MM-DD, today or tomorrow' },
];

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'open',
    summary: 'open the board on a plan (the default command)',
    description:
      'Opens the board on PLAN (a plan YAML file). Press ? in the board for the keys. Without PLAN:\n' +
      './plan.yaml, or the one plan in ./plans/ when there is exactly one. When stdout is not a\n' +
      'terminal (or TERM=dumb), prints the whole kanban as text and exits: every column and card,\n' +
      'COLUMNS wide or as wide as the columns need. The board takes the mouse (click selects, the\n' +
      "wheel scrolls); --no-mouse or PLANBOARD_MOUSE=0 leaves it to the terminal's own selection.",
    args: [{ ...PLAN, optional: true }],
    options: [TODAY, { name: 'no-mouse', help: "leave the mouse to the terminal (its own text selection); also PLANBOARD_MOUSE=0" }],
    load: () => import('./open.js'),
  },
  {
    name: 'render',
    summary: 'print a pane (kanban, timeline, capacity, standup) as plain text',
    description: 'Prints what the pane shows, as plain text. Default size: 100×40.',
    args: [PLAN],
    options: [
      { name: 'view', value: 'choice', choices: ['kanban', 'timeline', 'capacity', 'standup'], help: 'the pane (default kanban)' },
      { name: 'width', value: 'int', meta: 'W', min: 20, max: WIDEST, help: 'columns (default 100)' },
      { name: 'height', value: 'int', meta: 'H', min: 3, max: 10000, help: 'rows (default 40)' },
      TODAY,
    ],
    readsOnly: true,
    load: () => import('./render.js'),
  },
  {
    name: 'validate',
    summary: 'check plans: print PLAN:LINE:COL: message per problem',
    description:
      'Checks each plan: YAML syntax, the format (docs/plan-format.md), ids, references, cycles, dates.\n' +
      'Prints "ok PLAN" per valid plan, else one "PLAN:LINE:COL: message" line per problem on stderr.\n' +
      'With --json: { version, plans: [{ file, ok, issues, problems, warnings }] } on stdout.\n' +
      'Exit status: 0 when every plan is valid, 1 otherwise.',
    args: [{ ...PLAN, variadic: true }],
    options: [JSON_OPT, { name: 'quiet', short: 'q', help: 'do not print warnings' }],
    readsOnly: true,
    load: () => import('./validate.js'),
  },
  {
    name: 'schedule',
    summary: 'when each issue lands: dates, slack, critical path, milestone forecasts and odds of landing',
    description:
      'Schedules the plan (lanes book their hours day by day, dependencies finish-to-start) and\n' +
      "prints each open issue's start, end and slack, the sprints, and each milestone's forecast.",
    args: [PLAN],
    options: [TODAY, SCENARIO, { name: 'velocity', help: 'scale remaining work by observed velocity (actual ÷ estimated hours)' }, SAMPLES, SEED, JSON_OPT],
    readsOnly: true,
    examples: ['planboard schedule plan.yaml --today 2026-03-02 --json'],
    load: () => import('./schedule.js'),
  },
  {
    name: 'capacity',
    summary: 'hours available, planned and logged per lane and period; milestone fit and odds',
    description:
      'Per lane and period: hours available (working days, holidays, time off), planned (booked by\n' +
      'the schedule), logged, and free; "over" marks an over-allocated period. Then per milestone:\n' +
      'work estimated, done and remaining in days, progress, and whether it fits before the deadline.',
    args: [PLAN],
    options: [TODAY, { name: 'by', value: 'choice', choices: ['week', 'month', 'quarter', 'sprint'], help: 'period (default week)' }, SAMPLES, SEED, JSON_OPT],
    readsOnly: true,
    load: () => import('./capacity.js'),
  },
  {
    name: 'standup',
    summary: 'per lane: done, in progress, next up, blocked, load this week',
    description:
      'Per lane: done since the last working day (or --since), in progress with age, next up,\n' +
      "blocked (and by what), and this week's load against capacity.",
    args: [PLAN],
    options: [{ name: 'since', value: 'date', meta: 'DATE', help: 'done since DATE (default: the last working day)' }, LANE, TODAY, JSON_OPT],
    readsOnly: true,
    load: () => import('./standup.js'),
  },
  {
    name: 'hours',
    summary: 'hours logged vs available per lane (--week, --month)',
    description: 'Hours logged against hours available per lane, for the week (default) or month holding today,\nand the issues the logged hours went to.',
    args: [PLAN],
    options: [{ name: 'week', help: 'the week holding today (default)' }, { name: 'month', help: 'the month holding today' }, LANE, TODAY, JSON_OPT],
    readsOnly: true,
    load: () => import('./hours.js'),
  },
  {
    name: 'report',
    summary: 'Markdown capacity report: milestones, phases, availability, verdict',
    description:
      'Prints a Markdown capacity-planning report: summary per milestone, phase tables and issue\n' +
      'checklists, metrics, monthly availability, the capacity verdict and the next actions.',
    args: [PLAN],
    options: [TODAY, SCENARIO, OUTPUT],
    readsOnly: true,
    load: () => import('./report.js'),
  },
  {
    name: 'export',
    summary: 'export a plan: --format json|csv|mermaid|tjp',
    description:
      'json: the plan, its model and its schedule (version 1; re-import with planboard import).\n' +
      'csv: one row per issue. mermaid: a gantt block. tjp: a TaskJuggler 3 project.',
    args: [PLAN],
    options: [{ name: 'format', short: 'f', value: 'choice', choices: ['json', 'csv', 'mermaid', 'tjp'], help: 'the format', required: true }, TODAY, SCENARIO, OUTPUT],
    readsOnly: true,
    load: () => import('./export.js'),
  },
  {
    name: 'import',
    summary: 'turn a roadmap, a tracker export or a Backlog.md folder into a plan',
    description:
      'Reads SOURCE and writes a plan: a Markdown or reStructuredText roadmap, a tracker export (GitHub,\n' +
      'Jira, Linear, taskwarrior), a Backlog.md folder, or a planboard JSON export. The format is\n' +
      'detected from the content; --from names it. PLAN is never overwritten without --force.',
    args: [{ name: 'SOURCE', kind: 'file' }],
    options: [
      { name: 'output', short: 'o', value: 'file', meta: 'PLAN', help: 'the plan file to write', required: true },
      { name: 'from', value: 'choice', meta: 'FORMAT', help: 'the format of SOURCE (default: detected)' },
      { name: 'force', help: 'replace PLAN if it exists' },
      JSON_OPT,
    ],
    // The formats and their own options come from the format registry, loaded only for import.
    resolve: async (spec) => {
      const { IMPORTERS, importerOptions } = await import('../core/formats/registry.js');
      const names = IMPORTERS.map((f) => f.name);
      const formats: OptionSpec[] = [...importerOptions()].map(([name, o]) => ({
        name,
        ...(o.option.type === 'string' ? { value: 'text' as const, meta: 'VALUE' } : {}),
        help: `(${o.formats.join(', ')}) ${o.option.description}`,
      }));
      return {
        ...spec,
        description: `${spec.description}\nFormats:\n${IMPORTERS.map((f) => `  ${f.name.padEnd(15)} ${f.description}`).join('\n')}`,
        options: [...spec.options.map((o) => (o.name === 'from' ? { ...o, choices: names } : o)), ...formats],
      };
    },
    load: () => import('./import.js'),
  },
  {
    name: 'init',
    summary: 'write a new, valid, commented plan to start from',
    description: 'Writes a small commented plan (default ./plan.yaml) with the schema modeline, ready to edit.\nNever overwrites a file without --force.',
    args: [{ name: 'PATH', kind: 'file', optional: true }],
    options: [{ name: 'title', value: 'text', meta: 'TITLE', help: 'the plan\'s title (default "My plan")' }, { name: 'force', help: 'replace PATH if it exists' }],
    load: () => import('./init.js'),
  },
  {
    name: 'add',
    summary: 'add an issue: planboard add PLAN --title TITLE [--estimate --lane ...]',
    description: "Adds an issue at the end of the plan's issues, with the next id in the plan's own pattern\n(CAB-239 after CAB-238, 2.5 after 2.4), or --id.",
    args: [PLAN],
    options: [{ name: 'title', value: 'text', meta: 'TITLE', help: 'the title', required: true }, { name: 'id', value: 'text', meta: 'ID', help: 'the id (default: the next in the plan\'s pattern)' }, ...ISSUE_FIELDS, BASE, JSON_OPT],
    examples: ['planboard add plan.yaml --title "Write the parser" --estimate 2d --lane ana'],
    load: () => import('./add.js'),
  },
  {
    name: 'edit',
    summary: 'change an issue: planboard edit PLAN ID --title --estimate --lane ...',
    description: 'Sets the given fields of issue ID; only those lines change. `-` as a value removes the field\n(--lane -, --estimate -).',
    args: [PLAN, ID],
    options: [{ name: 'title', value: 'text', meta: 'TITLE', help: 'the title' }, ...ISSUE_FIELDS, TODAY, BASE],
    load: () => import('./edit.js'),
  },
  {
    name: 'rm',
    summary: 'remove an issue: planboard rm PLAN ID',
    description: 'Removes issue ID. Refused while other issues depend on it (the plan would not validate).',
    args: [PLAN, ID],
    options: [BASE],
    load: () => import('./rm.js'),
  },
  {
    name: 'tick',
    summary: 'mark an issue done: planboard tick PLAN ID',
    description: "Marks issue ID done: status done, done_on today (or --today). Only that issue's lines change.",
    args: [PLAN, ID],
    options: [TODAY, BASE],
    load: () => import('./tick.js'),
  },
  {
    name: 'untick',
    summary: 'mark an issue not done: planboard untick PLAN ID',
    description: "Marks issue ID not done: status back to todo (or the plan's first status that is not done),\nand its done_on removed. Only that issue's lines change.",
    args: [PLAN, ID],
    options: [BASE],
    load: () => import('./untick.js'),
  },
  {
    name: 'move',
    summary: 'move an issue to a lane: planboard move PLAN ID --lane LANE',
    description: "Moves issue ID to lane LANE, one of the plan's lanes; --lane - takes it off any lane.",
    args: [PLAN, ID],
    options: [{ name: 'lane', value: 'lane', meta: 'LANE', help: 'the lane; - for none', required: true }, BASE],
    load: () => import('./move.js'),
  },
  {
    name: 'status',
    summary: 'set an issue status: planboard status PLAN ID STATUS',
    description: "Sets issue ID's status to STATUS, one of the plan's statuses. Setting done records done_on\n(today, or --today); any other status removes it.",
    args: [PLAN, ID, { name: 'STATUS', kind: 'status' }],
    options: [TODAY, BASE],
    load: () => import('./status.js'),
  },
  {
    name: 'log',
    summary: 'log time on an issue: planboard log PLAN ID 1.5h',
    description:
      'Logs time on an issue, e.g. planboard log plan.yaml CAB-238 1.5h --note "review".\n' +
      'DURATION: 30m, 1.5h, 0.5d (days of the plan\'s hours_per_day); a bare number is hours, as in the\n' +
      "board's t prompt. At most 24h in one entry. --date defaults to today.",
    args: [PLAN, ID, { name: 'DURATION', kind: 'duration' }],
    options: [
      { name: 'date', value: 'date', meta: 'DATE', help: 'the day worked (default today; also yesterday)' },
      { name: 'note', value: 'text', meta: 'TEXT', help: 'a note for the entry' },
      TODAY,
      BASE,
      JSON_OPT,
    ],
    load: () => import('./log.js'),
  },
  {
    name: 'merge',
    summary: 'three-way merge of plan files by issue id (a git merge driver)',
    description:
      'Three-way merge of plan files by issue id and field, for use as a git merge driver:\n' +
      '  .gitattributes:  plans/*.yaml merge=planboard\n' +
      '  git config merge.planboard.driver "planboard merge %O %A %B %P"\n' +
      'The result is written to OURS. Exit 0: merged cleanly. Exit 1: conflicts, recorded in a\n' +
      'top-level `conflicts:` block that `planboard validate` reports until resolved.',
    args: [
      { name: 'BASE', kind: 'file' },
      { name: 'OURS', kind: 'file' },
      { name: 'THEIRS', kind: 'file' },
      { name: 'PATH', kind: 'text', optional: true },
    ],
    options: [],
    load: () => import('./merge.js'),
  },
  {
    name: 'schema',
    summary: "print the plan format's JSON Schema, or with --path where the installed copy is",
    description:
      'Prints schema/plan.schema.json. With --path, prints its absolute path: a plan outside this package\n' +
      'names it in its first line for editors that run yaml-language-server:\n' +
      '  # yaml-language-server: $schema=PATH\n' +
      '(init and import write that line themselves).',
    args: [],
    options: [{ name: 'path', help: 'print where the schema is instead of the schema' }],
    load: () => import('./schema.js'),
  },
  {
    name: 'completion',
    summary: 'print the shell completion script: planboard completion bash|zsh|fish',
    description:
      'Prints a completion script for SHELL. Commands, options, plan files, and issue ids and lanes\n' +
      'read from the plan complete. Install, e.g.:\n' +
      '  bash: planboard completion bash > ~/.local/share/bash-completion/completions/planboard\n' +
      '  zsh:  planboard completion zsh > ~/.zfunc/_planboard   (with ~/.zfunc in $fpath)\n' +
      '  fish: planboard completion fish > ~/.config/fish/completions/planboard.fish',
    args: [{ name: 'SHELL', kind: 'shell', choices: ['bash', 'zsh', 'fish'] }],
    options: [],
    load: () => import('./completion.js'),
  },
  {
    name: '__complete',
    summary: 'completion candidates for the words of a command line (used by the completion scripts)',
    description: 'Prints one candidate per line for the word at INDEX of WORDS (WORDS start after "planboard").',
    args: [{ name: 'INDEX', kind: 'int' }, { name: 'WORDS', kind: 'text', variadic: true, optional: true }],
    options: [],
    hidden: true,
    load: () => import('./completion.js').then((m) => ({ run: m.complete })),
  },
  {
    name: '__man',
    summary: 'print the man page (roff), made from this table',
    description: 'Prints man/planboard.1.',
    args: [],
    options: [],
    hidden: true,
    load: () => import('./man.js'),
  },
];

export const commandNamed = (name: string): CommandSpec | undefined => COMMANDS.find((c) => c.name === name);

/** A command's full entry, with what its `resolve` adds. */
export const resolvedSpec = (spec: CommandSpec): Promise<CommandSpec> => (spec.resolve ? spec.resolve(spec) : Promise.resolve(spec));
