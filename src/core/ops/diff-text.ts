// The leaf diff: realise a change of the plan's data as splices of its text, through the fast
// item-by-item path when it can vouch for the result, else through the whole YAML Document.
// Most op kinds reach the text this way (their `text: 'diff'`).
import { isMap, isSeq, isScalar, parseDocument, type Document, type Node, type Pair } from 'yaml';
import type { PlanData } from '../plan/model.js';
import { fastEditText, makeHints } from '../plan/fast-edit.js';
import { PARSE_OPTIONS } from '../plan/load.js';
import { editDocumentText, EditLayoutError, type EditHints } from '../plan/yaml-edit.js';

/** The text could not be edited or read back as intended; nothing should be written. */
export class EditError extends Error {}

/** How new lines are written, copied from what the file already does. */
export function hintsFor(doc: Document, text: string): EditHints {
  const col = (offset: number) => offset - (text.lastIndexOf('\n', offset - 1) + 1);
  const root = doc.contents;
  const issues = isMap(root) ? (root.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === 'issues') : undefined;
  let seqIndent = '  ';
  if (issues && isSeq(issues.value) && !issues.value.flow && issues.value.items.length) {
    const key = (issues.key as Node).range?.[0];
    const first = (issues.value.items[0] as Node).range?.[0];
    // The dash of the first item: the first non-space on that item's line.
    const dash = first === undefined ? undefined : text.slice(0, first).search(/-[ ]*$/);
    if (key !== undefined && dash !== undefined && dash >= 0 && col(dash) >= col(key)) seqIndent = ' '.repeat(col(dash) - col(key));
  }
  // Log entries follow the first existing entry's style.
  let logStyle: 'block' | 'flow' = 'flow';
  if (issues && isSeq(issues.value)) {
    for (const issue of issues.value.items) {
      const log = isMap(issue) ? (issue.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === 'log') : undefined;
      const first = log && isSeq(log.value) ? log.value.items[0] : undefined;
      if (isMap(first)) {
        logStyle = first.flow ? 'flow' : 'block';
        break;
      }
    }
  }
  return makeHints(seqIndent, () => logStyle);
}

/** `text` (reading as `before`) through the whole Document; throws EditError for a layout it cannot edit. */
export function fullDiffText(text: string, before: PlanData, after: PlanData, doc?: Document): string {
  doc ??= parseDocument(text, PARSE_OPTIONS);
  try {
    return editDocumentText(text, doc.contents, before, after, hintsFor(doc, text));
  } catch (e) {
    if (e instanceof EditLayoutError) throw new EditError(`cannot write this edit without disturbing other lines: ${e.message}`);
    throw e;
  }
}

/** `text` edited to read as `after`: the fast path when it is sure, else the full one. Not re-read here. */
export function diffText(text: string, before: PlanData, after: PlanData): string {
  if (before === after) return text;
  return fastEditText(text, before, after) ?? fullDiffText(text, before, after);
}
