// The one useInput of the app. Keys are matched against the table for the scopes in force;
// anything unmatched goes to `onText` (prompts type into it).
//
// Ink hands over a run of plain characters that arrived together as ONE input ("jjj" from a held
// key, "++" typed fast, keys batched over SSH, a paste). Each character is a key press here, and
// the scopes are read again before each one: `/` in "/abc" opens the search prompt, and "abc" is
// typed into it.
import { useInput, type Key } from 'ink';
import { useCallback } from 'react';
import type { Command, Scope } from './bindings.js';
import { keyOf, match } from './match.js';

export interface KeymapHandlers {
  /** The scopes in force right now. */
  scopes(): Scope[];
  onCommand(command: Command, key: string): void;
  onText?(input: string, key: Key): void;
}

const BLANK: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false,
  home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false,
  backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false,
};

/** One character of a run as Ink would have reported it alone. */
export function charKey(ch: string): { input: string; key: Key } {
  const code = ch.codePointAt(0) ?? 0;
  if (ch === '\r' || ch === '\n') return { input: '\r', key: { ...BLANK, return: true } };
  if (ch === '\t') return { input: '\t', key: { ...BLANK, tab: true } };
  if (ch === '\u007f' || ch === '\b') return { input: '', key: { ...BLANK, backspace: true } };
  if (code >= 1 && code <= 26) return { input: String.fromCharCode(code + 96), key: { ...BLANK, ctrl: true } };
  return { input: ch, key: { ...BLANK, shift: ch !== ch.toLowerCase() } };
}

/** Splits a run of plain characters; anything with an escape sequence or modifiers stays whole. */
export function splitInput(input: string, key: Key): { input: string; key: Key }[] {
  if ([...input].length <= 1 || input.includes('\u001b') || key.meta) return [{ input, key }];
  return [...input].map(charKey);
}

export function useKeymap({ scopes, onCommand, onText }: KeymapHandlers): void {
  const handler = useCallback(
    (input: string, key: Key) => {
      for (const one of splitInput(input, key)) {
        const k = keyOf(one.input, one.key);
        const b = match(k, scopes());
        if (b) onCommand(b.command, k);
        else onText?.(one.input, one.key);
      }
    },
    [scopes, onCommand, onText],
  );
  useInput(handler);
}
