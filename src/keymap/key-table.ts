// The key table for README.md and docs/keys.md, generated from the keymap (scripts/gen-keys.mjs);
// test/ui/keymap.test.ts fails when either copy is stale.
import { BINDINGS, keyLabel, type Scope } from './bindings.js';
import { POINTER, POINTER_GROUP } from './pointer.js';

export const KEYS_START = '<!-- keys:start -->';
export const KEYS_END = '<!-- keys:end -->';

const WHERE: Record<Scope, string> = {
  global: 'anywhere',
  board: 'any pane',
  issues: 'kanban, timeline',
  confirm: 'delete question',
  kanban: 'kanban',
  timeline: 'timeline',
  capacity: 'capacity',
  standup: 'standup',
  detail: 'detail',
  help: 'help',
  prompt: 'prompt',
  picker: 'picker',
  quit: 'quit question',
  conflict: 'save conflict',
};

/** Markdown table, grouped as the help overlay groups it. */
export function keyTable(): string {
  const groups = new Map<string, typeof BINDINGS>();
  for (const b of BINDINGS) {
    if (!groups.has(b.group)) groups.set(b.group, []);
    groups.get(b.group)!.push(b);
  }
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const lines = ['| Keys | Action | Where |', '|---|---|---|'];
  for (const [group, list] of groups) {
    lines.push(`| **${group}** | | |`);
    for (const b of list) lines.push(`| ${b.keys.map((k) => '`' + esc(keyLabel(k)) + '`').join(' ')} | ${esc(b.description)} | ${WHERE[b.scope]} |`);
  }
  lines.push(`| **${POINTER_GROUP}** | | |`);
  for (const p of POINTER) lines.push(`| ${p.keys.map((k) => '`' + esc(k) + '`').join(' ')} | ${esc(p.description)} | ${WHERE[p.scope]} |`);
  return lines.join('\n') + '\n';
}

/** docs/keys.md in full. */
export function keysDoc(): string {
  return `# Keys\n\nGenerated from \`src/keymap/bindings.ts\` by \`node scripts/gen-keys.mjs\`; do not edit by hand.\nPress \`?\` in the board for the keys in force in the current pane.\n\n${KEYS_START}\n${keyTable()}${KEYS_END}\n`;
}

/** The text with the table between the markers replaced; null when the markers are missing. */
export function spliceKeys(text: string): string | null {
  const a = text.indexOf(KEYS_START);
  const b = text.indexOf(KEYS_END);
  if (a < 0 || b < a) return null;
  return text.slice(0, a + KEYS_START.length) + '\n' + keyTable() + text.slice(b);
}
