// Preload for the fault-injection test: SIGKILLs this process right before its Nth file-system
// call (PB_KILL_AT=N), counting the calls a save makes through node:fs in any of its forms.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const at = Number(process.env.PB_KILL_AT);
let calls = 0;
const hit = () => {
  if (++calls === at) process.kill(process.pid, 'SIGKILL');
};
const wrap = (obj, names) => {
  for (const name of names) {
    const orig = obj[name];
    if (typeof orig !== 'function') continue;
    obj[name] = function (...args) {
      hit();
      return orig.apply(this, args);
    };
  }
};
const names = ['open', 'close', 'read', 'readFile', 'write', 'writeFile', 'fsync', 'fdatasync', 'rename', 'stat', 'lstat',
  'fstat', 'realpath', 'mkdir', 'rmdir', 'rm', 'unlink', 'utimes', 'chmod', 'fchmod', 'chown', 'fchown', 'access', 'copyFile', 'link', 'symlink', 'readlink'];
wrap(fs, names);
wrap(fs, names.map((n) => `${n}Sync`));
wrap(fs.promises, names);
const handle = await fs.promises.open(process.execPath, 'r');
wrap(Object.getPrototypeOf(handle), ['read', 'readFile', 'write', 'writeFile', 'sync', 'datasync', 'close', 'stat', 'chmod', 'chown', 'truncate']);
await handle.close();
calls = 0;
syncBuiltinESMExports();
process.on('exit', () => process.env.PB_COUNT_FILE && fs.writeFileSync(process.env.PB_COUNT_FILE, String(calls)));
