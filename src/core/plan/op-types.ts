// Edits as data. The board's keys, the CLI and the merge/rebase code all speak these.
// Each op names one issue and the fields it sets, so two ops conflict only when they set the
// same field of the same issue to different values. What each kind means, how it reaches the
// text, its fields, inverse and description: src/core/ops/ (one module per kind).

export type Op =
  | { kind: 'set-status'; id: string; status: string; date: string }
  | { kind: 'tick'; id: string; date: string }
  | { kind: 'untick'; id: string }
  | { kind: 'move-lane'; id: string; lane: string | null }
  | { kind: 'set-field'; id: string; field: string; value: unknown }
  /** Several fields back to these values (undefined: removed); `source`: the item's text that reads so. */
  | { kind: 'restore-fields'; id: string; values: Record<string, unknown>; source?: string }
  | { kind: 'log-time'; id: string; entry: { date: string; hours: number; note?: string } }
  | { kind: 'set-subtask'; id: string; index: number; done: boolean }
  | {
      kind: 'add-issue';
      issue: Record<string, unknown> & { id: string; title: string };
      /** Place it before this issue (appended when absent or gone). */
      before?: string;
      /** Its lines as once written, and how many comment or blank lines followed them. */
      source?: { text: string; gapBelow: number };
    }
  | { kind: 'remove-issue'; id: string }
  | { kind: 'add-dependency'; id: string; on: string; lag?: string }
  | { kind: 'remove-dependency'; id: string; on: string }
  /** The two issues trade places in the file (the board's order within a column). */
  | { kind: 'reorder-issue'; id: string; with: string };

export type OpKind = Op['kind'];
