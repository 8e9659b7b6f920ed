// `reorder-issue`: two issues swap places in the file, which is the board's order within a
// column. The order lives in the file itself (no `order:` field to keep in step): a person reading
// the YAML sees the board's order, and the diff shows two items trading places, nothing else.
import { issueIndex, findIssue } from './data.js';
import { swapItems } from './item-text.js';
import { ORDER, type OpDef } from './types.js';

export const reorderIssueOp: OpDef<'reorder-issue'> = {
  kind: 'reorder-issue',
  apply: (data, op) => {
    const i = findIssue(data, op.id);
    const j = findIssue(data, op.with);
    if (i === j) return data;
    const copy = data.issues!.slice();
    [copy[i], copy[j]] = [copy[j], copy[i]];
    return { ...data, issues: copy };
  },
  text: (text, before, op) => {
    const index = issueIndex(before.issues ?? []);
    const i = index.get(op.id);
    const j = index.get(op.with);
    return i === undefined || j === undefined ? undefined : swapItems(text, i, j);
  },
  target: (op) => op.id,
  fields: () => [ORDER],
  // Swapping again puts both back.
  inverse: (op) => [{ ...op }],
  describe: (op) => `${op.id} and ${op.with} swap places`,
  needsPlanCheck: () => false,
};
