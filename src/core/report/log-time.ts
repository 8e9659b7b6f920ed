// Durations a person logs: `1.5h`, `90m`, `0.5d`. Unlike estimates, a log needs a unit and a
// single positive value: `1.5` alone or `1-2h` is refused rather than guessed.
import { parseDuration } from '../plan/duration.js';

export function parseLoggedHours(text: string, hoursPerDay: number): number {
  const t = text.trim();
  const min = /^(\d+(?:\.\d+)?)\s*(?:m|min|mins|minutes?)$/i.exec(t);
  let hours: number;
  if (min) hours = Number(min[1]) / 60;
  else if (/^\d+(?:\.\d+)?\s*[hdw]$/i.test(t)) hours = parseDuration(t.toLowerCase(), hoursPerDay).expected;
  else throw new Error(`bad duration "${text}": expected hours like 1.5h, minutes like 90m, or days like 0.5d`);
  if (!(hours > 0)) throw new Error(`bad duration "${text}": must be more than zero`);
  if (hours > 24 * 7) throw new Error(`bad duration "${text}": more than a week in one entry`);
  return Math.round(hours * 1000) / 1000;
}
