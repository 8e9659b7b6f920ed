// Fuzzy match on id, title and labels: every query character appears in order (subsequence),
// case-insensitive; several words must each match somewhere.
import type { Issue } from '../core/plan/model.js';

export function fuzzy(haystack: string, needle: string): boolean {
  const h = haystack.toLowerCase();
  let at = 0;
  for (const ch of needle.toLowerCase()) {
    at = h.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

export function matchIssue(issue: Issue, query: string): boolean {
  const words = query.trim().split(/\s+/).filter(Boolean);
  const fields = [issue.id, issue.title, ...issue.labels];
  return words.every((w) => fields.some((f) => fuzzy(f, w)));
}
