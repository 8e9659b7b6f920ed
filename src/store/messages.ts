// Footer messages built from errors: one prefix, never two ("not saved: not saved: …").
export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** `not saved: <why>`, unless the reason already says so. */
export function notSaved(e: unknown): string {
  const why = errorText(e);
  return /^not saved\b/i.test(why) ? why : `not saved: ${why}`;
}
