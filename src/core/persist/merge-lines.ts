// The line half of the merge: what `git merge-file` gives the driver, and its conflicting hunks
// resolved line by line (pure text; the CLI runs git).
import { Lexer } from 'yaml';

export interface LineMerges {
  /** `git merge-file` output when it merged cleanly. */
  clean?: string;
  /** `git merge-file --diff3` output with conflict markers: its hunks are resolved line by line here. */
  diff3?: string;
  /** `git merge-file --union`: conflicting hunks keep both sides' lines. */
  union?: string;
  /** `git merge-file --ours`: conflicting hunks keep ours' lines. */
  ours?: string;
}

/**
 * git's conflicting hunks (`--diff3` markers) resolved line by line where ours, base and theirs
 * have the same number of lines: a line changed on one side only takes that side, so edits on
 * neighbouring lines (a comment here, a value below) both survive. A line changed two ways, or a
 * hunk whose sides differ in length, keeps ours: the merge by meaning and the comment check
 * record what that loses.
 */
export function resolveDiff3(text: string): string {
  const lines = text.split(/(?<=\n)/);
  const out: string[] = [];
  const marker = (line: string, m: string) => line.startsWith(m) && (line.length === m.length || /^[ \r\n]/.test(line.slice(m.length)));
  for (let i = 0; i < lines.length; i++) {
    if (!marker(lines[i], '<<<<<<<')) {
      out.push(lines[i]);
      continue;
    }
    const part: string[][] = [[], [], []];
    let k = 0;
    let j = i + 1;
    for (; j < lines.length; j++) {
      if (k === 0 && marker(lines[j], '|||||||')) k = 1;
      else if (k <= 1 && marker(lines[j], '=======')) k = 2;
      else if (k === 2 && marker(lines[j], '>>>>>>>')) break;
      else part[k].push(lines[j]);
    }
    if (j >= lines.length) return text; // not markers we wrote: leave it to the other candidates
    const [ours, base, theirs] = part;
    if (ours.length === base.length && theirs.length === base.length)
      base.forEach((b, n) => out.push(ours[n] === b ? theirs[n] : theirs[n] === b ? ours[n] : (valueAndComment(b, ours[n], theirs[n]) ?? ours[n])));
    else out.push(...ours);
    i = j;
  }
  return out.join('');
}

/** A line as its value part, the blanks before its comment, and the comment (`''` when none). */
function splitComment(line: string): [string, string, string] {
  const comment = [...new Lexer().lex(line)].find((t) => t.startsWith('#'));
  const at = comment === undefined ? -1 : line.lastIndexOf(comment);
  if (at < 0) return [line, '', ''];
  const value = line.slice(0, at).trimEnd();
  return [value, line.slice(value.length, at), line.slice(at)];
}

/** One line changed two ways, the value on one side and the comment on the other: both kept. */
function valueAndComment(base: string, ours: string, theirs: string): string | undefined {
  const eol = /\r?\n$/.exec(base)?.[0] ?? '';
  const strip = (l: string) => (l.endsWith(eol) ? l.slice(0, l.length - eol.length) : l);
  const [b, o, t] = [base, ours, theirs].map((l) => splitComment(strip(l)));
  if (o[0] === b[0] && t[2] === b[2] && o[2] !== '') return t[0] + o[1] + o[2] + eol;
  if (t[0] === b[0] && o[2] === b[2] && t[2] !== '') return o[0] + t[1] + t[2] + eol;
  return undefined;
}
