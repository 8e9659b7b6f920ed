// Under an issue heading, what no other rule placed is the issue's own notes.
import type { SourceLine } from '../lines.js';
import { isStructural, type Draft } from '../draft.js';

/** Any other line under an issue heading is that issue's notes. */
export function issueNoteLine(d: Draft, _l: SourceLine, t: string): boolean {
  if (d.issueCtx) {
    if (!isStructural(t)) d.issueCtx.issue.notes.push(t);
    return true;
  }
  return false;
}
