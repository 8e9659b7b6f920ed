// The merge driver as git runs it: `node child-merge.mjs %O %A %B %P` → `planboard merge`'s own code.
import { processIo } from '../../../src/cli/command.js';
import { CliError } from '../../../src/cli/command.js';
import { run } from '../../../src/cli/merge.js';

const io = processIo();
run(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    io.err(e instanceof Error ? e.message : String(e));
    process.exitCode = e instanceof CliError ? e.exitCode : 70;
  },
);
