// One key style for every JSON output: snake_case, as the plan format itself writes its keys
// (done_on, depends_on, hours_per_day) and as schedule, capacity and log already printed.

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * A copy of `value` with camelCase object keys in snake_case. Keys under a name in `dataKeys`
 * are data (ids, dates), not field names, and are left as they are; so is the `plan` (the
 * plan's own text, already in the format's keys).
 */
export function snakeKeys(value: unknown, dataKeys: readonly string[] = []): unknown {
  if (Array.isArray(value)) return value.map((v) => snakeKeys(v, dataKeys));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (dataKeys.includes(k)) out[snake(k)] = Object.fromEntries(Object.entries(v as object).map(([dk, dv]) => [dk, snakeKeys(dv, dataKeys)]));
    else out[snake(k)] = snakeKeys(v, dataKeys);
  }
  return out;
}
