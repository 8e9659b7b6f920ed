// `restore-fields`: several fields of one issue back to given values at once (undefined removes
// one): the inverse of every op that edits fields. With `source`, the issue's old text, the item
// is written back exactly as it was whenever that text reads as the result.
import { isDeepStrictEqual } from 'node:util';
import { parseDocument, isSeq } from 'yaml';
import type { IssueData } from '../plan/model.js';
import { convertDocument } from '../plan/load-convert.js';
import { loadPlanTextPrecise, PARSE_OPTIONS } from '../plan/load.js';
import { Issue as IssueSchema } from '../plan/schema.js';
import { didYouMean, issueIndex, OpError, updateIssue } from './data.js';
import { layoutOf } from './item-text.js';
import { restoreFields } from './restore.js';
import { ISSUE_FIELDS } from './set-field.js';
import type { OpDef } from './types.js';

/** What one item's text reads as, or undefined when it is not plainly one issue. */
export function readItem(body: string): IssueData | undefined {
  try {
    const doc = parseDocument(body, PARSE_OPTIONS);
    if (doc.errors.length || !isSeq(doc.contents) || doc.contents.items.length !== 1) return undefined;
    const value = convertDocument(doc).value as unknown[];
    const parsed = IssueSchema.safeParse(value[0]);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export const restoreFieldsOp: OpDef<'restore-fields'> = {
  kind: 'restore-fields',
  apply: (data, op) =>
    updateIssue(data, op.id, (issue) => {
      const next: Record<string, unknown> = { ...issue };
      for (const [field, value] of Object.entries(op.values)) {
        if (!ISSUE_FIELDS.has(field) || field === 'id') throw new OpError(`cannot restore issue field "${field}"${didYouMean(field, ISSUE_FIELDS)}`);
        if (value === undefined || value === null) delete next[field];
        else next[field] = value;
      }
      const parsed = IssueSchema.safeParse(next);
      if (!parsed.success) throw new OpError(`cannot restore "${op.id}": ${parsed.error.issues[0].message}`);
      return isDeepStrictEqual(parsed.data, issue) ? issue : parsed.data;
    }),
  text: (text, before, op) => {
    if (op.source === undefined) return undefined;
    const after = restoreFieldsOp.apply(before, op);
    const i = issueIndex(before.issues ?? []).get(op.id);
    const layout = layoutOf(text);
    if (i === undefined || !layout || layout.scan.starts.length !== before.issues!.length) return undefined;
    const from = layout.scan.starts[i];
    const to = layout.bodyEnd(i);
    // The item keeps the line break (or its absence at the file's end) it has now.
    const body = op.source.replace(/\r?\n$/, '') + (/\r?\n$/.exec(text.slice(from, to))?.[0] ?? '');
    const next = text.slice(0, from) + body + text.slice(to);
    // Only when the old text says exactly what the issue now holds (no one else changed it since).
    const item = readItem(op.source);
    if (item !== undefined) return isDeepStrictEqual(item, after.issues![i]) ? next : undefined;
    // An item that uses anchors defined elsewhere reads only within its file.
    const whole = loadPlanTextPrecise(next, 'plan');
    return whole.ok && isDeepStrictEqual(whole.plan.data, after) ? next : undefined;
  },
  target: (op) => op.id,
  fields: (op) => Object.keys(op.values),
  inverse: (op, ctx) => restoreFields(op.id, Object.keys(op.values), ctx),
  describe: (op) => `${op.id}: ${Object.keys(op.values).join(', ')} restored`,
  needsPlanCheck: () => true,
};

