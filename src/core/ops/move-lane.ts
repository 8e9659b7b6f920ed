// `move-lane`: reassign an issue to one of the plan's lanes; null takes it off any lane.
import { checkLane, updateIssue, without } from './data.js';
import { restoreFields } from './restore.js';
import type { OpDef } from './types.js';

export const moveLaneOp: OpDef<'move-lane'> = {
  kind: 'move-lane',
  apply: (data, op) => {
    if (op.lane !== null) checkLane(data, op.lane);
    return updateIssue(data, op.id, (issue) =>
      op.lane === null ? without(issue, 'lane') : issue.lane === op.lane ? issue : { ...issue, lane: op.lane },
    );
  },
  text: 'diff',
  target: (op) => op.id,
  fields: () => ['lane'],
  inverse: (op, ctx) => restoreFields(op.id, ['lane'], ctx),
  describe: (op) => (op.lane === null ? `${op.id} → no lane` : `${op.id} → lane ${op.lane}`),
  needsPlanCheck: () => false,
};
