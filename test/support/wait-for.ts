// Waiting on a condition, never on the clock: polls `cond` until it holds and fails after
// `ms` with what it waited for (and, if given, what it saw last).

const turn = () => new Promise<void>((r) => setTimeout(r, 1));

/** Resolves once `cond()` holds; rejects after `ms` naming `what`. */
export async function waitFor(cond: () => boolean, what: string | (() => string), ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${typeof what === 'string' ? what : what()}`);
    await turn();
  }
}
