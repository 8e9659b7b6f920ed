// The merge driver as git runs it: `node child-merge.mjs %O %A %B %P` → `planboard merge`'s own code.
import { main } from '../../../src/cli/main.js';

main(['merge', ...process.argv.slice(2)]).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 70;
  },
);
