// Fuzzy match on id, title and labels: every query character appears in order (subsequence),
// case-insensitive; several words must each match somewhere.
import type { Issue } from '../core/plan/model.js';

function fuzzyLower(h: string, n: string): boolean {
  let at = 0;
  for (const ch of n) {
    at = h.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

// An issue's fields, lowercased once per issue object (a new object after an edit, so never stale):
// a key typed into the search then matches 10,000 issues without lowercasing 30,000 strings. With
// them, the fields joined (by a character no query holds): a word that is not a subsequence of the
// whole is in no field, and a one-character word in the whole is in a field, so most issues take
// one scan, not one per field.
interface Haystack {
  all: string;
  fields: string[];
}
const haystacks = new WeakMap<Issue, Haystack>();
function haystackOf(issue: Issue): Haystack {
  let h = haystacks.get(issue);
  if (!h) {
    const fields = [issue.id, issue.title, ...issue.labels].map((f) => f.toLowerCase());
    haystacks.set(issue, (h = { all: fields.join('\n'), fields }));
  }
  return h;
}

/** The query's words, lowercased: split once per query, not once per issue. */
export function queryWords(query: string): string[] {
  return query.trim().toLowerCase().split(/\s+/).filter(Boolean);
}

/** `words` from queryWords. */
export function matchWords(issue: Issue, words: string[]): boolean {
  const { all, fields } = haystackOf(issue);
  // Loops, not every/some: this runs for each of 10,000 issues on a key.
  for (const w of words) {
    if (!fuzzyLower(all, w)) return false;
    if (w.length === 1) continue;
    let found = false;
    for (const f of fields) {
      if (fuzzyLower(f, w)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

/**
 * Every issue that matches `longer` matches `shorter` when `longer` only adds to it: its words are
 * the same, the last perhaps extended, then perhaps more words, and a subsequence of a word's
 * extension contains one of the word. So typing narrows the last result instead of rescanning.
 * Compared lowercased, as matched (a final sigma lowercases differently once a letter follows).
 */
export function narrows(shorter: string, longer: string): boolean {
  return longer.toLowerCase().startsWith(shorter.toLowerCase());
}
