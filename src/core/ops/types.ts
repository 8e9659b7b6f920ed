// What every op kind must say about itself. The registry (index.ts) is typed so that the
// compiler refuses a kind that is missing, or a definition that leaves one of these out.
import type { Op, OpKind } from '../plan/op-types.js';
import type { PlanData } from '../plan/model.js';

export type OpOf<K extends OpKind> = Extract<Op, { kind: K }>;

/** An issue's item as written in the file. */
export interface ItemSource {
  /** Its lines, from its dash line to its last content line. */
  text: string;
  /** The comment and blank lines after it, up to the next item (or the section's end). */
  gap: string;
  /**
   * The blank lines that go with it when it is removed, so blank-line-separated items stay so:
   * its gap when that repeats the blank lines above it, or (the last item) the blank lines above.
   */
  cut: { above: string; below: string };
}

/** What an inverse may look at: the data just before the op, and (when known) how an issue was written then. */
export interface InverseContext {
  data: PlanData;
  /**
   * Issue `id`'s item text just before the op, when the caller knows it (the store does while no
   * unsaved edit touches that issue). With it, undo writes the issue back byte for byte.
   */
  source?: (id: string) => ItemSource | undefined;
}

/**
 * How an op's change reaches the YAML text.
 * - `'diff'`: the lossless leaf diff of the data before and after (yaml-edit.ts, fast-edit.ts):
 *   right for every change of an issue's fields, for appending and for removing issues.
 * - a function: an edit the diff cannot express (placing an item at a position, moving one),
 *   made as text splices. It gets the text, the data before the op and the op, and returns the new
 *   text, or undefined to let the diff do it. The result is always re-read and compared with the
 *   data the op describes before anything is written.
 */
export type TextEdit<O> = 'diff' | ((text: string, before: PlanData, op: O) => string | undefined);

export interface OpDef<K extends OpKind> {
  kind: K;
  /** Pure: new data sharing every untouched object, or `data` itself when nothing changes. Throws OpError. */
  apply(data: PlanData, op: OpOf<K>): PlanData;
  text: TextEdit<OpOf<K>>;
  /** The issue the op edits. */
  target(op: OpOf<K>): string;
  /**
   * The fields of that issue it writes, for rebase and conflicts (`status`, `subtasks.2`, or
   * WHOLE_ISSUE when it adds or removes the issue, or ORDER when it only moves it in the file).
   */
  fields(op: OpOf<K>): string[];
  /** Ops that put back what this op changed, applied in order after it; [] when it changed nothing. */
  inverse(op: OpOf<K>, ctx: InverseContext): Op[];
  /** A short sentence for messages: "CAB-133 → done". */
  describe(op: OpOf<K>): string;
  /**
   * Whether the op can leave the plan invalid in ways `apply` does not check (references, cycles,
   * ranges): then the whole plan is validated before a fast edit may answer. No default: each
   * kind says so.
   */
  needsPlanCheck(op: OpOf<K>): boolean;
}

/** A field name meaning the whole issue (added or removed). */
export const WHOLE_ISSUE = '(issue)';
/** A field name meaning the issue's place in the file, which no other field shares. */
export const ORDER = '(order)';
