// Live reload. We watch the plan's DIRECTORY: an atomic save by anyone renames a new file over the
// plan, which replaces the inode, and a watch on the old inode would go quiet. Events are
// debounced and settled by hash; a text that does not parse (an editor mid-write) is retried
// briefly and is never handed out as the plan.
import { watch, watchFile, unwatchFile, type FSWatcher } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { loadPlanText, type Problem } from '../plan/load.js';
import type { PlanData } from '../plan/model.js';
import { hashText } from './fingerprint.js';
import { readTextFile as readFile } from './read-plan.js';
import { diffPlans } from './rebase.js';

export interface PlanChange {
  /** The new text on disk, a valid plan. */
  text: string;
  /** How many field-level changes (per issue and field) it brings relative to the last known text. */
  changes: number;
}

export interface WatchOptions {
  /** The text the caller currently has (so its own content is not reported as a change). */
  baseText?: string;
  debounceMs?: number;
  /** Attempts and spacing when the file does not parse (being written in place). */
  retries?: number;
  retryMs?: number;
  /** Use stat polling instead of fs.watch (network filesystems, exhausted inotify). */
  poll?: boolean;
  pollMs?: number;
  /** The file stayed unreadable or invalid after the retries: shown, never loaded. */
  onProblem?: (problems: Problem[]) => void;
}

export interface PlanWatcher {
  /** Tell the watcher about text we wrote ourselves, so our own save is not reported. */
  known(text: string): void;
  close(): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function watchPlan(
  path: string,
  onChange: (change: PlanChange) => void,
  opts: WatchOptions = {},
): Promise<PlanWatcher> {
  const file = await realpath(path).catch(() => resolve(path));
  const dir = dirname(file);
  const name = basename(file);
  const debounceMs = opts.debounceMs ?? 80;
  const retries = opts.retries ?? 8;
  const retryMs = opts.retryMs ?? 60;
  let lastHash = opts.baseText === undefined ? undefined : hashText(opts.baseText);
  let lastData: PlanData | undefined;
  const parse = (text: string) => loadPlanText(text, path);
  if (opts.baseText !== undefined) {
    const r = parse(opts.baseText);
    if (r.ok) lastData = r.plan.data;
  }
  if (lastHash === undefined) {
    const text = await readFile(file).catch(() => undefined);
    const r = text === undefined ? undefined : parse(text);
    if (text !== undefined && r?.ok) {
      lastHash = hashText(text);
      lastData = r.plan.data;
    }
  }

  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  const check = async (): Promise<void> => {
    let problems: Problem[] = [];
    for (let attempt = 0; attempt <= retries && !closed; attempt++) {
      if (attempt) await sleep(retryMs);
      let text: string;
      try {
        text = await readFile(file);
      } catch (e) {
        problems = [{ file: path, line: 0, col: 0, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? e}` }];
        continue;
      }
      const hash = hashText(text);
      if (hash === lastHash) return;
      const r = parse(text);
      if (!r.ok) {
        problems = r.problems;
        continue;
      }
      const changes = lastData ? diffPlans(lastData, r.plan.data).length : 0;
      lastHash = hash;
      lastData = r.plan.data;
      if (!closed) onChange({ text, changes });
      return;
    }
    if (!closed && problems.length) opts.onProblem?.(problems);
  };

  // One check at a time; events that arrive meanwhile schedule one more.
  const kick = () => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (running) {
        again = true;
        return;
      }
      running = check().finally(() => {
        running = undefined;
        if (again) {
          again = false;
          kick();
        }
      });
    }, debounceMs);
  };

  let watcher: FSWatcher | undefined;
  const startPolling = () => {
    watchFile(file, { interval: opts.pollMs ?? 500, persistent: false }, kick);
  };
  if (opts.poll) startPolling();
  else {
    try {
      watcher = watch(dir, { persistent: false }, (_event, changed) => {
        if (changed === null || changed === name) kick();
      });
      watcher.on('error', () => {
        watcher?.close();
        watcher = undefined;
        if (!closed) startPolling();
      });
    } catch {
      startPolling();
    }
  }

  return {
    known(text) {
      lastHash = hashText(text);
      const r = parse(text);
      if (r.ok) lastData = r.plan.data;
    },
    close() {
      closed = true;
      clearTimeout(timer);
      watcher?.close();
      unwatchFile(file, kick);
    },
  };
}
