// The help overlay's content, generated from the keymap: only the keys in force, grouped.
import { activeScopes, bindingsInForce, keyLabel } from '../keymap/bindings.js';
import { POINTER, POINTER_GROUP } from '../keymap/pointer.js';
import { MARK_LEGEND } from './theme-core.js';

export interface HelpLine {
  kind: 'group' | 'key';
  text: string;
  keys?: string;
}

export function helpLines(pane: string): HelpLine[] {
  const groups = new Map<string, HelpLine[]>();
  for (const b of bindingsInForce(activeScopes(pane, null))) {
    let g = groups.get(b.group);
    if (!g) groups.set(b.group, (g = []));
    g.push({ kind: 'key', keys: b.keys.map(keyLabel).join(' '), text: b.description });
  }
  const out: HelpLine[] = [];
  for (const [group, lines] of groups) out.push({ kind: 'group', text: group }, ...lines);
  // The help itself scrolls with the wheel, so its row is listed too.
  const scopes = [...activeScopes(pane, null), 'help'];
  const mouse = POINTER.filter((p) => scopes.includes(p.scope));
  if (mouse.length) out.push({ kind: 'group', text: POINTER_GROUP }, ...mouse.map((p) => ({ kind: 'key' as const, keys: p.keys.join(' '), text: p.description })));
  out.push({ kind: 'group', text: 'Marks' }, ...MARK_LEGEND.map(([mark, text]) => ({ kind: 'key' as const, keys: mark, text })));
  return out;
}
