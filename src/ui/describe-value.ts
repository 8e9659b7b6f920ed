// A field value in a conflict, short and on one line.
import { sanitize, truncate } from './text.js';

export function describeValue(v: unknown): string {
  if (v === undefined) return '(unset)';
  if (typeof v === 'string') return truncate(JSON.stringify(sanitize(v)), 40);
  return truncate(sanitize(JSON.stringify(v)), 40);
}
