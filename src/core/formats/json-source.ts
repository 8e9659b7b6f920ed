// JSON sources are told apart by their shape. A source is parsed once, however many
// importers look at it.
import type { Source } from './types.js';

const parsed = new WeakMap<Source, unknown>();

export function jsonOf(source: Source): unknown {
  if (source.files) return undefined;
  if (parsed.has(source)) return parsed.get(source);
  const t = source.text.replace(/^\uFEFF/, '').trimStart();
  let value: unknown;
  if (t.startsWith('{') || t.startsWith('[')) {
    try {
      value = JSON.parse(t);
    } catch {
      value = undefined;
    }
  }
  parsed.set(source, value);
  return value;
}

export const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
export const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : typeof x === 'number' ? String(x) : undefined);
