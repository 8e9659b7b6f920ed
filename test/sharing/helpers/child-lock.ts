// Child process for the lock and presence tests.
//   count FILE N      N times: under the plan lock, read a counter, pause, write counter+1
//   join PLAN         join presence, print "joined", stay until stdin closes
import { readFile, writeFile } from 'node:fs/promises';
import { withPlanLock } from '../../../src/core/persist/lock.js';
import { joinPresence } from '../../../src/core/persist/presence.js';

const [cmd, path, n] = process.argv.slice(2);
if (cmd === 'count') {
  for (let i = 0; i < Number(n); i++) {
    await withPlanLock(path, async () => {
      const v = Number(await readFile(path, 'utf8'));
      await new Promise((r) => setTimeout(r, 2 + Math.random() * 5));
      await writeFile(path, String(v + 1));
    });
  }
} else if (cmd === 'join') {
  const p = await joinPresence(path, { heartbeatMs: 200 });
  process.stdout.write('joined\n');
  process.stdin.resume();
  process.stdin.on('end', () => void p.leave().then(() => process.exit(0)));
}
