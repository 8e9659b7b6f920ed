// argv → command. Commands load lazily, so `validate` never pays for Ink and React.
import { CliError, processIo, type Command, type Io } from './command.js';
import { sanitize, sanitizeBlock } from '../core/text/sanitize.js';

type Loader = () => Promise<{ run: Command }>;

/** One line per command: name → module. The first positional argument picks the command. */
export const COMMANDS: Record<string, { load: Loader; summary: string }> = {
  open: { load: () => import('./open.js'), summary: 'open the board on a plan (the default)' },
  render: { load: () => import('./render.js'), summary: 'print a pane (kanban, timeline, capacity) as plain text' },
  validate: { load: () => import('./validate.js'), summary: 'check plans: print PLAN:LINE:COL: message per problem' },
  merge: { load: () => import('./merge.js'), summary: 'three-way merge of plan files by issue id (a git merge driver)' },
  import: { load: () => import('./import.js'), summary: 'turn a Markdown/reStructuredText roadmap (or a JSON export) into a plan' },
  standup: { load: () => import('./standup.js'), summary: 'per lane: done, in progress, next up, blocked, load this week' },
  log: { load: () => import('./log.js'), summary: 'log time on an issue: planboard log PLAN ID 1.5h' },
  hours: { load: () => import('./hours.js'), summary: 'hours logged vs available per lane (--week, --month)' },
  schedule: { load: () => import('./schedule.js'), summary: 'when each issue lands: dates, slack, critical path, milestone verdicts' },
  capacity: { load: () => import('./capacity.js'), summary: 'hours available, planned and logged per lane and period; does each milestone fit' },
  tick: { load: () => import('./tick.js'), summary: 'mark an issue done: planboard tick PLAN ID' },
  untick: { load: () => import('./untick.js'), summary: 'mark an issue not done: planboard untick PLAN ID' },
  move: { load: () => import('./move.js'), summary: 'move an issue to a lane: planboard move PLAN ID --lane LANE' },
  status: { load: () => import('./status.js'), summary: 'set an issue status: planboard status PLAN ID STATUS' },
  report: { load: () => import('./report.js'), summary: 'Markdown capacity report: milestones, phases, availability, verdict' },
  export: { load: () => import('./export.js'), summary: 'export a plan: --format json|csv|mermaid|tjp' },
};

const USAGE = `usage: planboard PLAN                 open the board
       planboard COMMAND [ARGS...]

commands:
${'{commands}'}

Run 'planboard COMMAND --help' for a command's options.`;

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  return USAGE.replace(
    '{commands}',
    Object.entries(COMMANDS)
      .map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
      .join('\n'),
  );
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.out(usage());
    return first === undefined ? 2 : 0;
  }
  if (first === '--version' || first === '-v') {
    io.out('planboard 0.1.0');
    return 0;
  }
  const entry = COMMANDS[first];
  const [name, args] = entry ? [first, rest] : ['open', argv];
  try {
    const mod = await COMMANDS[name].load();
    return await mod.run(args, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(sanitizeBlock(e.message)); // messages quote plan text and arguments: inert, line breaks kept
      return e.exitCode;
    }
    // An unexpected failure is our bug: say so briefly, without a stack unless asked.
    io.err(`planboard: internal error: ${sanitize(e instanceof Error ? e.message : String(e))}`);
    if (process.env.PLANBOARD_DEBUG) io.err(String((e as Error)?.stack));
    return 70;
  }
}

const isEntry = process.argv[1] && /planboard(\.js)?$|main\.(ts|js)$/.test(process.argv[1]);
if (isEntry) {
  // A closed pipe (`planboard … | head`) ends the output quietly, not with a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = 70;
    },
  );
}
