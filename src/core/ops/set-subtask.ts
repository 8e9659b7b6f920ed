// `set-subtask`: tick or untick one subtask; a plain `- title` becomes `{ title, done }`.
import { OpError, updateIssue } from './data.js';
import { restoreFields } from './restore.js';
import type { OpDef } from './types.js';

export const setSubtaskOp: OpDef<'set-subtask'> = {
  kind: 'set-subtask',
  apply: (data, op) =>
    updateIssue(data, op.id, (issue) => {
      const subtasks = issue.subtasks ?? [];
      if (!Number.isInteger(op.index) || op.index < 0 || op.index >= subtasks.length) {
        throw new OpError(`issue "${op.id}" has no subtask ${op.index + 1} (it has ${subtasks.length})`);
      }
      const s = subtasks[op.index];
      const title = typeof s === 'string' ? s : s.title;
      const was = typeof s === 'string' ? false : (s.done ?? false);
      if (was === op.done) return issue;
      const copy = subtasks.slice();
      copy[op.index] = typeof s === 'string' ? { title, done: op.done } : { ...s, done: op.done };
      return { ...issue, subtasks: copy };
    }),
  text: 'diff',
  target: (op) => op.id,
  fields: (op) => [`subtasks.${op.index}`],
  // The whole list, so `- grammar` comes back as written, not as `{ title: grammar, done: false }`.
  inverse: (op, ctx) => restoreFields(op.id, ['subtasks'], ctx),
  describe: (op) => `${op.id}: subtask ${op.index + 1} ${op.done ? 'done' : 'not done'}`,
  needsPlanCheck: () => false,
};
