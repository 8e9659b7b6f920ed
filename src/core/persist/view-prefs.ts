// How each plan was last viewed (done work hidden, sort order), remembered per user and per plan
// in the user's own state folder: never beside the plan, where other users would share it.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { makeDirs } from './make-dirs.js';

export type SortOrder = 'order' | 'priority' | 'due';
export const SORT_ORDERS: readonly SortOrder[] = ['order', 'priority', 'due'];

export interface ViewPrefs {
  hideDone?: boolean;
  sort?: SortOrder;
}

export interface ViewPrefsStore {
  read(planFile: string): ViewPrefs;
  write(planFile: string, prefs: ViewPrefs): void;
}

/** `$XDG_STATE_HOME/planboard/views.json`, default `~/.local/state/planboard/views.json`. */
export function viewPrefsFile(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_STATE_HOME?.startsWith('/') ? env.XDG_STATE_HOME : join(env.HOME || homedir(), '.local', 'state');
  return join(base, 'planboard', 'views.json');
}

function clean(v: unknown): ViewPrefs {
  if (!v || typeof v !== 'object') return {};
  const o = v as Record<string, unknown>;
  const out: ViewPrefs = {};
  if (typeof o.hideDone === 'boolean') out.hideDone = o.hideDone;
  if (typeof o.sort === 'string' && (SORT_ORDERS as string[]).includes(o.sort)) out.sort = o.sort as SortOrder;
  return out;
}

/** A store over one JSON file; unreadable or damaged state reads as no preferences. */
export function fileViewPrefs(file: string = viewPrefsFile()): ViewPrefsStore {
  const readAll = (): Record<string, unknown> => {
    try {
      const v = JSON.parse(readFileSync(file, 'utf8'));
      return v && typeof v === 'object' && !Array.isArray(v) ? v : {};
    } catch {
      return {};
    }
  };
  return {
    read: (planFile) => clean(readAll()[resolve(planFile)]),
    write: (planFile, prefs) => {
      try {
        const all = readAll();
        all[resolve(planFile)] = clean(prefs);
        const dir = join(file, '..');
        makeDirs(dir, 0o700);
        // Own name, exclusive create: a preference write never follows a planted link.
        const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
        writeFileSync(tmp, JSON.stringify(all, null, 1) + '\n', { mode: 0o600, flag: 'wx' });
        renameSync(tmp, file);
      } catch {
        // A preference that cannot be kept is not worth interrupting the board for.
      }
    },
  };
}

/** In memory, for tests and for runs that must leave no trace. */
export function memoryViewPrefs(): ViewPrefsStore {
  const m = new Map<string, ViewPrefs>();
  return { read: (f) => ({ ...m.get(resolve(f)) }), write: (f, p) => void m.set(resolve(f), clean(p)) };
}
