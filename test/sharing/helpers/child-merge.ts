// The merge driver as git runs it: `node child-merge.mjs %O %A %B %P` → `planboard merge`'s own code.
// (Not through main: the command table's lazy imports would pull the board's UI into this bundle.)
import { CliError, processIo } from '../../../src/cli/command.js';
import { run } from '../../../src/cli/merge.js';

const [base, ours, theirs, path] = process.argv.slice(2);
const io = processIo();
run({ command: 'merge', args: { base, ours, theirs, path }, list: [], opts: {}, today: '', help: false }, io).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    io.err(e instanceof Error ? e.message : String(e));
    process.exitCode = e instanceof CliError ? e.exitCode : 70;
  },
);
