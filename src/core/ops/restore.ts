// Field-level undo: each field-editing op's inverse puts the fields it wrote back as they were
// (absent ones removed), one field at a time for rebase, and the issue's old text when known.
import type { Op } from '../plan/op-types.js';
import { issueIndex } from './data.js';
import type { InverseContext } from './types.js';

/** The `restore-fields` op that puts `fields` of issue `id` back as they are in ctx.data. */
export function restoreFields(id: string, fields: string[], ctx: InverseContext): Op[] {
  // By the shared id index (the first issue with the id, as find): no walk of the issues per edit.
  const issues = ctx.data.issues ?? [];
  const issue = issues[issueIndex(issues).get(id) ?? -1] as Record<string, unknown> | undefined;
  if (!issue) return [];
  const values: Record<string, unknown> = {};
  for (const f of new Set(fields.map((x) => x.split('.')[0]))) values[f] = issue[f];
  const op: Op = { kind: 'restore-fields', id, values };
  const source = ctx.source;
  return [source ? lazyProp(op, 'source', () => source(id)?.text) : op];
}

/**
 * Makes obj[key] computed on its first read, then a plain value (which lets go of whatever the
 * computation held): an undo's old text costs nothing until a save or an undo asks for it.
 */
export function lazyProp<T extends object>(obj: T, key: string, compute: () => unknown): T {
  const settle = (value: unknown) => Object.defineProperty(obj, key, { value, enumerable: true, configurable: true, writable: true });
  Object.defineProperty(obj, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = compute();
      settle(value);
      return value;
    },
    set: settle,
  });
  return obj;
}
