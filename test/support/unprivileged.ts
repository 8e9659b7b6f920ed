// Permission tests run everywhere: root may read and write anything, so as root they run their
// process as uid/gid 65534 (nobody) through setpriv; any other user is unprivileged already.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { requireTool } from './tools.js';

export const IS_ROOT = process.getuid?.() === 0;
export const NOBODY = 65534;
const SETPRIV_ARGS = [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups'];

/** The command line prefix that runs a command unprivileged (empty when we are not root). */
export function unprivilegedPrefix(): string[] {
  if (!IS_ROOT) return [];
  requireTool('setpriv', ['--version']);
  return ['setpriv', ...SETPRIV_ARGS];
}

/** Runs `cmd args` as an unprivileged user and waits for it. */
export function runUnprivileged(cmd: string, args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv } = {}): SpawnSyncReturns<string> {
  const [head, ...rest] = [...unprivilegedPrefix(), cmd, ...args];
  return spawnSync(head, rest, { encoding: 'utf8', timeout: 60_000, ...opts });
}
