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
// them, which of the letters a–z occur in any field (a bit each): a word with a letter the issue
// lacks matches no field, and a one-letter word with its bit set matches one, without a scan. Then
// the fields joined (by a character no query holds): a word that is not a subsequence of the whole
// is in no field, and a one-character word in the whole is in one.
interface Haystack {
  letters: number;
  all: string;
  fields: string[];
}

/** The bit of a lowercase letter a–z, else 0 (not tracked). */
const letterBit = (code: number) => (code >= 97 && code <= 122 ? 1 << (code - 97) : 0);

function lettersOf(text: string): number {
  let bits = 0;
  for (let i = 0; i < text.length; i++) bits |= letterBit(text.charCodeAt(i));
  return bits;
}

const haystacks = new WeakMap<Issue, Haystack>();
function haystackOf(issue: Issue): Haystack {
  let h = haystacks.get(issue);
  if (!h) {
    const fields = [issue.id, issue.title, ...issue.labels].map((f) => f.toLowerCase());
    const all = fields.join('\n');
    haystacks.set(issue, (h = { letters: lettersOf(all), all, fields }));
  }
  return h;
}

/** The query's words, lowercased: split once per query, not once per issue. */
export function queryWords(query: string): string[] {
  return query.trim().toLowerCase().split(/\s+/).filter(Boolean);
}

/** `words` from queryWords. */
export function matchWords(issue: Issue, words: string[]): boolean {
  const { letters, all, fields } = haystackOf(issue);
  // Loops, not every/some: this runs for each of 10,000 issues on a key.
  for (const w of words) {
    const need = lettersOf(w);
    if ((letters & need) !== need) return false;
    if (w.length === 1 && need !== 0) continue;
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
