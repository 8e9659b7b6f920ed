// Which issue fields an op sets: used to drop "mine" on a conflict the user resolves as "theirs".
import type { Op } from '../core/plan/op-types.js';

export function opTarget(op: Op): string {
  return op.kind === 'add-issue' ? op.issue.id : op.id;
}

export function opFields(op: Op): string[] {
  switch (op.kind) {
    case 'tick':
    case 'untick':
    case 'set-status':
      return ['status', 'done_on'];
    case 'move-lane':
      return ['lane'];
    case 'set-field':
      return [op.field];
    case 'log-time':
      return ['log'];
    case 'set-subtask':
      return ['subtasks'];
    case 'add-issue':
    case 'remove-issue':
      return ['*'];
  }
}
