// Child process for the permission tests (run as an unprivileged user). Prints one JSON line.
//   read PATH               readPlanFile's problems ([] when it read the plan)
//   write FILE TEXT         writeFileAtomic's error message ('' when it wrote)
//   cli ARG...              the CLI's exit code and stderr
import { readPlanFile } from '../../src/core/persist/read-plan.js';
import { writeFileAtomic } from '../../src/core/persist/atomic-write.js';
import { formatProblem } from '../../src/core/plan/load.js';
import { main } from '../../src/cli/main.js';

const [cmd, ...args] = process.argv.slice(2);
const print = (x: unknown) => process.stdout.write(JSON.stringify(x) + '\n');
if (cmd === 'read') {
  const r = await readPlanFile(args[0]);
  print(r.ok ? [] : r.problems.map(formatProblem));
} else if (cmd === 'write') {
  print(await writeFileAtomic(args[0], args[1]).then(() => '', (e: Error) => e.message));
} else if (cmd === 'cli') {
  let err = '';
  const code = await main(args, { out: () => {}, err: (t: string) => void (err += t + '\n'), cwd: process.cwd(), isTTY: false });
  print({ code, err });
} else throw new Error(`unknown command ${cmd}`);
