// `mkdir -p` that always ends. Node's mkdirSync({ recursive: true }) loops forever when mkdir
// fails with ENOENT under a parent that exists (as under /proc: XDG_CACHE_HOME=/proc/x hung
// every command), so each missing folder is made on its own, once, from the top down.
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** Makes `dir` and any missing parents with `mode`; throws the first error. */
export function makeDirs(dir: string, mode: number): void {
  const missing: string[] = [];
  for (let d = dir; !statSync(d, { throwIfNoEntry: false }); d = dirname(d)) {
    missing.push(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d, { mode });
    } catch (e) {
      // Made meanwhile by another process: fine when it is a folder now.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(d).isDirectory()) throw e;
    }
  }
}
