// Persistence, the one interface the board and the CLI use (and a future backend implements):
//   load   — read a plan, with the fingerprint of exactly the bytes read;
//   watch  — live reload, settled by hash, never handing out a half-written file;
//   save   — lock → re-read → rebase (core's one rule) → compare-and-swap → atomic write;
//   saveTo — "save as" and `import -o`: the same atomic writer, under the new path's lock;
//   presence — who else has the plan open.
// Every runtime file (lock, presence, temp) lives in `.planboard/` beside the plan.
import type { Op } from '../plan/op-types.js';
import type { LoadResult } from '../plan/load.js';
import { commitOps, type CommitOptions, type CommitResult } from './file-store.js';
import { joinPresence, readPresence, type Presence, type PresenceEntry, type PresenceOptions } from './presence.js';
import { readPlanWithFingerprint } from './read-plan.js';
import type { Fingerprint } from './fingerprint.js';
import { watchPlan, type PlanChange, type PlanWatcher, type WatchOptions } from './watch.js';
import { writePlanTo, type WriteToOptions } from './write-to.js';

export interface PlanBackend {
  load(path: string): Promise<{ result: LoadResult; fingerprint?: Fingerprint }>;
  watch(path: string, onChange: (change: PlanChange) => void, opts?: WatchOptions): Promise<PlanWatcher>;
  save(path: string, ops: Op[], opts?: CommitOptions): Promise<CommitResult>;
  saveTo(path: string, text: string, opts: WriteToOptions): Promise<'written' | 'exists'>;
  join(path: string, opts?: PresenceOptions): Promise<Presence>;
  present(path: string, opts?: PresenceOptions): Promise<PresenceEntry[]>;
}

/** Plans as files on a (possibly shared) file system. */
export const fileBackend: PlanBackend = {
  load: readPlanWithFingerprint,
  watch: watchPlan,
  save: commitOps,
  saveTo: writePlanTo,
  join: joinPresence,
  present: readPresence,
};

export { commitOps as savePlan, formatConflicts, PlanReadError, NotAPlanFileError, NoWriteAccessError, LockTimeoutError, LockLostError, FileMovedOnError } from './file-store.js';
export type { CommitOptions, CommitResult, Conflict } from './file-store.js';
export { readPlanFile, readPlanWithFingerprint, readTextFile } from './read-plan.js';
export { watchPlan } from './watch.js';
export { writePlanTo } from './write-to.js';
export { writeFileAtomic, WriteError } from './atomic-write.js';
export { joinPresence, readPresence } from './presence.js';
export { rebaseOps, resolveConflicts, mergeConflictLists } from './rebase.js';
export type { Presence, PresenceEntry } from './presence.js';
export type { PlanChange, PlanWatcher } from './watch.js';
