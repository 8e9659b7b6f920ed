// Matchers built from the table: a key event becomes a key string, and a key string in a set of
// scopes becomes a binding. Pure, so tests and the help overlay use the same lookup as the app.
import type { Key } from 'ink';
import { BINDINGS, type Binding, type Scope } from './bindings.js';

/** Normalises Ink's (input, key) into the table's key strings; '' for nothing we name. */
export function keyOf(input: string, key: Partial<Key>): string {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'enter';
  if (key.escape) return 'escape';
  if (key.tab) return key.shift ? 'shift-tab' : 'tab';
  if (key.backspace || key.delete) return 'backspace';
  if (key.ctrl && input.length === 1) return `ctrl-${input.toLowerCase()}`;
  if (input === ' ') return 'space';
  return input.length === 1 ? input : '';
}

const byScope = new Map<Scope, Map<string, Binding>>();
for (const b of BINDINGS) {
  let m = byScope.get(b.scope);
  if (!m) byScope.set(b.scope, (m = new Map()));
  for (const k of b.keys) if (!m.has(k)) m.set(k, b);
}

/** The binding a key triggers in these scopes (most specific scope first). */
export function match(keyString: string, scopes: Scope[]): Binding | undefined {
  if (!keyString) return undefined;
  for (const s of scopes) {
    const b = byScope.get(s)?.get(keyString);
    if (b) return b;
  }
  return undefined;
}
