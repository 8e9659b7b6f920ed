// JSON sources are told apart by their shape; each is parsed once per detection, which is
// cheap next to the import itself.
import type { Source } from './types.js';

export function jsonOf(source: Source): unknown {
  if (source.files) return undefined;
  const t = source.text.replace(/^\uFEFF/, '').trimStart();
  if (!t.startsWith('{') && !t.startsWith('[')) return undefined;
  try {
    return JSON.parse(t);
  } catch {
    return undefined;
  }
}

export const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
export const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : typeof x === 'number' ? String(x) : undefined);
