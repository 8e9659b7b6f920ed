// The one useInput of the app. Keys are matched against the table for the scopes in force;
// anything unmatched goes to `onText` (prompts type into it).
import { useInput, type Key } from 'ink';
import { useCallback } from 'react';
import type { Command, Scope } from './bindings.js';
import { keyOf, match } from './match.js';

export interface KeymapHandlers {
  scopes: Scope[];
  onCommand(command: Command, key: string): void;
  onText?(input: string, key: Key): void;
}

export function useKeymap({ scopes, onCommand, onText }: KeymapHandlers): void {
  const handler = useCallback(
    (input: string, key: Key) => {
      const k = keyOf(input, key);
      const b = match(k, scopes);
      if (b) onCommand(b.command, k);
      else onText?.(input, key);
    },
    [scopes, onCommand, onText],
  );
  useInput(handler);
}
