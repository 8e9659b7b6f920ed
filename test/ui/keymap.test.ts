import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { activeScopes, BINDINGS, bindingsInForce } from '../../src/keymap/bindings.js';
import { KEYS_END, KEYS_START, keysDoc, spliceKeys } from '../../src/keymap/key-table.js';
import { keyOf, match } from '../../src/keymap/match.js';

const root = new URL('../../', import.meta.url);

describe('keymap table', () => {
  it('never binds one key twice in the same scope', () => {
    const seen = new Map<string, string>();
    for (const b of BINDINGS)
      for (const k of b.keys) {
        const at = `${b.scope}:${k}`;
        expect(seen.get(at), `${at} is bound to ${seen.get(at)} and ${b.command}`).toBeUndefined();
        seen.set(at, b.command);
      }
  });

  it('has the keys the issue names', () => {
    const kanban = activeScopes('kanban', null);
    const cmd = (k: string, scopes = kanban) => match(k, scopes)?.command;
    expect(cmd('1')).toBe('pane.kanban');
    expect(cmd('tab')).toBe('pane.next');
    expect([cmd('j'), cmd('down'), cmd('k'), cmd('up')]).toEqual(['nav.down', 'nav.down', 'nav.up', 'nav.up']);
    expect([cmd('h'), cmd('l'), cmd('g'), cmd('G')]).toEqual(['nav.left', 'nav.right', 'nav.first', 'nav.last']);
    expect([cmd('space'), cmd('x')]).toEqual(['issue.toggleDone', 'issue.toggleDone']);
    expect([cmd('>'), cmd('<'), cmd('a'), cmd('['), cmd(']'), cmd('t')]).toEqual([
      'issue.statusNext', 'issue.statusPrev', 'issue.pickLane', 'issue.lanePrev', 'issue.laneNext', 'issue.logTime',
    ]);
    expect([cmd('u'), cmd('ctrl-r'), cmd('/'), cmd('escape'), cmd('w'), cmd('f'), cmd('s'), cmd('e'), cmd('q'), cmd('enter'), cmd('?'), cmd('S')]).toEqual([
      'history.undo', 'history.redo', 'view.search', 'view.clear', 'view.swimlanes', 'view.filter', 'file.save', 'issue.edit', 'app.quit', 'issue.detail', 'view.help', 'pane.standup',
    ]);
    expect(cmd('p', activeScopes('capacity', null))).toBe('capacity.period');
    expect(cmd('+', activeScopes('timeline', null))).toBe('timeline.zoomIn');
    expect(cmd('h', activeScopes('timeline', null))).toBe('nav.left');
  });

  it('puts pane keys in force only in their pane', () => {
    expect(match('w', activeScopes('timeline', null))).toBeUndefined();
    expect(match('p', activeScopes('kanban', null))).toBeUndefined();
  });

  it('gives an overlay its own keys, and leaves typed text to a prompt', () => {
    const prompt = activeScopes('kanban', 'prompt');
    expect(match('enter', prompt)?.command).toBe('prompt.submit');
    expect(match('x', prompt)).toBeUndefined();
    expect(match('q', prompt)).toBeUndefined();
    expect(match('t', activeScopes('kanban', 'conflict'))?.command).toBe('conflict.theirs');
  });

  it('normalises Ink key events to the table’s names', () => {
    expect(keyOf('', { upArrow: true })).toBe('up');
    expect(keyOf('r', { ctrl: true })).toBe('ctrl-r');
    expect(keyOf(' ', {})).toBe('space');
    expect(keyOf('', { tab: true, shift: true })).toBe('shift-tab');
    expect(keyOf('', { escape: true, meta: true })).toBe('escape');
    expect(keyOf('G', { shift: true })).toBe('G');
  });

  it('lists for the footer and help only bindings in force, each key once', () => {
    const list = bindingsInForce(activeScopes('timeline', null));
    const keys = list.flatMap((b) => b.keys);
    expect(new Set(keys).size).toBe(keys.length);
    expect(list.find((b) => b.keys.includes('h'))?.description).toBe('scroll earlier');
  });
});

describe('generated key table', () => {
  it('docs/keys.md is current (run node scripts/gen-keys.mjs)', () => {
    expect(readFileSync(new URL('docs/keys.md', root), 'utf8')).toBe(keysDoc());
  });

  it('the README key table between the markers is current', () => {
    const text = readFileSync(new URL('README.md', root), 'utf8');
    // Without its markers the table could go stale unseen: losing them is a failure too.
    expect(text.includes(KEYS_START) && text.includes(KEYS_END), `README.md must keep the ${KEYS_START} and ${KEYS_END} markers`).toBe(true);
    expect(text).toBe(spliceKeys(text));
  });
});
