// "Save as": the base plus pending ops written to another path (when the plan cannot be written,
// or by choice). The board then follows the new file; nothing is ever overwritten unasked.
import { homedir } from 'node:os';
import { notSaved } from './messages.js';
import { isAbsolute, join, resolve } from 'node:path';
import type { StoreApi } from 'zustand/vanilla';
import { applyOps } from '../core/plan/ops.js';
import type { Persistence } from './index.js';
import type { BoardState } from './types.js';
import { editCount } from './history.js';

type Set = StoreApi<BoardState>['setState'];
type Get = StoreApi<BoardState>['getState'];

export type SaveAsResult = 'saved' | 'exists' | 'failed';

/** `~/x` → home; relative → against `cwd` (as a shell would); empty → null. */
export function resolveSavePath(input: string, cwd = process.cwd(), home = homedir()): string | null {
  const p = input.trim();
  if (!p) return null;
  if (p === '~' || p.startsWith('~/')) return join(home, p.slice(1));
  return isAbsolute(p) ? resolve(p) : resolve(cwd, p);
}

/** The plan's own error for a read-only file or directory (file-store's NoWriteAccessError). */
export const isNoWriteAccess = (e: unknown): boolean => (e as { code?: unknown } | null)?.code === 'ENOWRITE';


export function createSaveAs(set: Set, get: Get, persistence: Persistence) {
  return async (input: string, overwrite = false): Promise<SaveAsResult> => {
    const s = get();
    const path = resolveSavePath(input);
    if (!path) {
      set({ message: 'save as: type a path' });
      return 'failed';
    }
    if (!persistence.saveAs) {
      set({ message: 'save as is not available here' });
      return 'failed';
    }
    let text: string;
    try {
      text = applyOps(s.baseText, s.pending);
    } catch (e) {
      set({ message: notSaved(e) });
      return 'failed';
    }
    const parsed = persistence.parse(text, path);
    if (!parsed.ok) {
      set({ message: `not saved: the result does not read as a plan: ${parsed.message}` });
      return 'failed';
    }
    try {
      if ((await persistence.saveAs(path, text, { overwrite })) === 'exists') return 'exists';
    } catch (e) {
      set({ message: notSaved(e) });
      return 'failed';
    }
    // The new base is the old one plus the written ops, so the data stays as it is; edits made
    // while writing stay pending on top of it.
    const later = get().pending.slice(s.pending.length);
    const n = editCount(s.pending);
    set({
      file: path,
      baseText: text,
      baseData: parsed.data,
      pending: later,
      writeBlocked: null,
      conflicts: [],
      reloadNote: null,
      fileState: later.length ? 'unsaved' : 'saved',
      message: `${n ? `saved ${n} edit${n === 1 ? '' : 's'} to` : 'saved a copy as'} ${path}; the board now works on that file`,
    });
    return 'saved';
  };
}
