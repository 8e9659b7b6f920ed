// Edits as data. The board's keys, the CLI and the merge/rebase code all speak these.
// Each op names one issue and the fields it sets, so two ops conflict only when they set the
// same field of the same issue to different values.

export type Op =
  | { kind: 'set-status'; id: string; status: string; date: string }
  | { kind: 'tick'; id: string; date: string }
  | { kind: 'untick'; id: string }
  | { kind: 'move-lane'; id: string; lane: string | null }
  | { kind: 'set-field'; id: string; field: string; value: unknown }
  | { kind: 'log-time'; id: string; entry: { date: string; hours: number; note?: string } }
  | { kind: 'set-subtask'; id: string; index: number; done: boolean }
  | { kind: 'add-issue'; issue: Record<string, unknown> & { id: string; title: string } }
  | { kind: 'remove-issue'; id: string };

export type OpKind = Op['kind'];
