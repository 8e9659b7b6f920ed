// Field-level undo: each field-editing op's inverse puts the fields it wrote back as they were
// (absent ones removed), one field at a time for rebase, and the issue's old text when known.
import type { Op } from '../plan/op-types.js';
import type { InverseContext } from './types.js';

/** The `restore-fields` op that puts `fields` of issue `id` back as they are in ctx.data. */
export function restoreFields(id: string, fields: string[], ctx: InverseContext): Op[] {
  const issue = ctx.data.issues?.find((i) => i.id === id) as Record<string, unknown> | undefined;
  if (!issue) return [];
  const values: Record<string, unknown> = {};
  for (const f of new Set(fields.map((x) => x.split('.')[0]))) values[f] = issue[f];
  const source = ctx.source?.(id);
  return [source ? { kind: 'restore-fields', id, values, source: source.text } : { kind: 'restore-fields', id, values }];
}
