// argv → command, through the command table. The first word picks the command; a word that is
// no command but names a file opens the board on it; anything else is an unknown command.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliError, processIo, type Io } from './command.js';
import { COMMANDS, commandNamed, resolvedSpec } from './commands.js';
import { parseCommandLine } from './args.js';
import { commandHelp, mainUsage } from './help.js';
import { closest } from '../core/plan/suggest.js';
import { VERSION } from './version.js';
import { sanitize, sanitizeBlock } from '../core/text/sanitize.js';

/** Whether a first word that is not a command should be read as a plan to open. */
function looksLikePlan(word: string, cwd: string): boolean {
  return word === '-' || word.startsWith('-') || /[./\\]/.test(word) || existsSync(resolve(cwd, word));
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--help' || first === '-h' || first === 'help') {
    const spec = rest[0] === undefined ? undefined : commandNamed(rest[0]);
    io.out(spec ? commandHelp(await resolvedSpec(spec)) : mainUsage(COMMANDS));
    return 0;
  }
  if (first === '--version' || first === '-v') {
    io.out(`planboard ${VERSION}`);
    return 0;
  }
  let spec = first === undefined ? undefined : commandNamed(first);
  let args = rest;
  if (!spec) {
    if (first !== undefined && !looksLikePlan(first, io.cwd)) {
      const near = closest(first, COMMANDS.filter((c) => !c.hidden).map((c) => c.name));
      io.err(`planboard: unknown command "${sanitize(first)}"${near ? `; did you mean "${near}"?` : ''}\nRun 'planboard --help' for the commands.`);
      return 2;
    }
    spec = commandNamed('open')!;
    args = argv;
  }
  try {
    spec = await resolvedSpec(spec);
    const parsed = parseCommandLine(spec, args);
    if (parsed.help) {
      io.out(commandHelp(spec));
      return 0;
    }
    const mod = await spec.load();
    return await mod.run(parsed, io);
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
  // A closed pipe (`planboard schedule P --json | head -1`) is the reader saying "enough": stop
  // quietly, with the exit code the command had, never with a stack trace.
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (e: NodeJS.ErrnoException) => {
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
