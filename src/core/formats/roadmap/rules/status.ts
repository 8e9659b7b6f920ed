// Status words as people write them in roadmaps and trackers → the plan's default statuses.
// `blocked` is not a default status: it stays a label, on an issue that is still to do.

export interface StatusWord {
  status: 'backlog' | 'todo' | 'in-progress' | 'review' | 'done';
  blocked?: boolean;
}

const WORDS: [RegExp, StatusWord][] = [
  [/^(done|✅|✔️?|☑️?|complete|completed|finished|shipped|released|closed|fixed|resolved|merged|included|implemented|terminée?s?)$/i, { status: 'done' }],
  [/^(wip|in[ -]?progress|doing|active|started|ongoing|in development|en cours|🚧|🔄|🏗️?)$/i, { status: 'in-progress' }],
  [/^(review|in review|code review|reviewing|qa|testing)$/i, { status: 'review' }],
  [/^(blocked|on hold|⛔|🛑|waiting)$/i, { status: 'todo', blocked: true }],
  [/^(todo|to do|to-do|open|planned|not started|ready|selected for development|next|⏳|⬜|📋)$/i, { status: 'todo' }],
  [/^(backlog|idea|ideas|future|later|someday|proposed|under consideration|triage|icebox|🔮|💡)$/i, { status: 'backlog' }],
];

/** The status a cell or marker names (`✅ Included`, `In Progress`, `WIP`), or undefined. */
export function statusOf(text: string): StatusWord | undefined {
  const t = text.replace(/\*\*|__|`/g, '').trim();
  if (!t) return undefined;
  for (const [re, s] of WORDS) if (re.test(t)) return s;
  // A leading emoji or word followed by more words: `✅ Included`, `🔄 Active`, `Done (2026-01-02)`.
  const first = /^(\S+)(?:\s+(\S+))?/.exec(t);
  if (first) {
    for (const [re, s] of WORDS) if (re.test(first[1])) return s;
    if (first[2]) for (const [re, s] of WORDS) if (re.test(`${first[1]} ${first[2]}`)) return s;
  }
  return undefined;
}
