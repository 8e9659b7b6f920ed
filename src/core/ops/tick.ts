// `tick`: done today (done_on), remembering the status it had for untick.
import { DONE } from '../plan/schema.js';
import { restoreFields } from './restore.js';
import { setStatus, STATUS_FIELDS } from './set-status.js';
import type { OpDef } from './types.js';

export const tickOp: OpDef<'tick'> = {
  kind: 'tick',
  apply: (data, op) => setStatus(data, op.id, DONE, op.date),
  text: 'diff',
  target: (op) => op.id,
  fields: () => STATUS_FIELDS,
  inverse: (op, ctx) => restoreFields(op.id, STATUS_FIELDS, ctx),
  describe: (op) => `${op.id} → done (${op.date})`,
  needsPlanCheck: () => false,
};
