// Mouse reports out of the terminal's input, before Ink reads it: SGR (ESC[<b;x;yM / m) become
// events, and no byte of a report ever reaches the key handler (an `M`, `;` or digit would be a
// key there). Pure: the stream wrapper (mouse-stdin.ts) feeds it chunks as they are read.
//
// A report can arrive split across reads (SSH, tmux), so an unfinished one is held back:
// `ESC[<` + parameters until its final byte, bounded (a hostile endless run of digits is dropped,
// never stored). A bare `ESC` or `ESC[…` at the end of a read may be the start of a report or a
// key; it is held only until `flush()` (called after a short pause), then passed on as it was;
// should the rest of a report follow after all, that rest is still taken as a report.
// Legacy reports (X10 `ESC[M` + 3 bytes, urxvt `ESC[b;x;yM`) are dropped whole: we never ask for
// them, but a terminal that ignores 1006 sends them.

export type MouseKind = 'press' | 'release' | 'drag' | 'wheel';

export interface MouseEvent {
  kind: MouseKind;
  /** 0 left, 1 middle, 2 right (press/release/drag); for wheel see `wheel`. */
  button: number;
  wheel?: 'up' | 'down' | 'left' | 'right';
  /** 0-based cell: column and row. */
  x: number;
  y: number;
  shift: boolean;
  meta: boolean;
  ctrl: boolean;
}

const ESC = '\u001b';
/** Longest parameter run a real report has (three numbers up to 5 digits each, two `;`). */
const MAX_PARAMS = 24;
const WHEEL = ['up', 'down', 'left', 'right'] as const;

/** One SGR report's parameters and final byte → event; null for nonsense (dropped all the same). */
export function decodeSgr(params: string, final: 'M' | 'm'): MouseEvent | null {
  const m = /^(\d{1,5});(\d{1,5});(\d{1,5})$/.exec(params);
  if (!m) return null;
  const b = Number(m[1]);
  const x = Number(m[2]);
  const y = Number(m[3]);
  if (x < 1 || y < 1 || b > 255) return null;
  const mods = { shift: (b & 4) !== 0, meta: (b & 8) !== 0, ctrl: (b & 16) !== 0 };
  const low = b & 3;
  const at = { x: x - 1, y: y - 1, ...mods };
  if (b & 64) {
    if (b & 128) return null; // buttons 8-11 (back/forward): nothing of ours
    return final === 'M' ? { kind: 'wheel', button: 64 + low, wheel: WHEEL[low], ...at } : null;
  }
  if (b & 128) return null;
  if (b & 32) return low === 3 ? null : { kind: 'drag', button: low, ...at }; // 35: motion, no button
  if (low === 3) return null;
  return { kind: final === 'M' ? 'press' : 'release', button: low, ...at };
}

export interface MouseFilter {
  /** Text for the key handler and the mouse events found in `chunk` (plus what was held). */
  push(chunk: string): { text: string; events: MouseEvent[] };
  /** Whether a bare ESC, CSI or X10 start is held back (call `flush` after a short pause). */
  pendingKey(): boolean;
  /** The held key bytes, given up waiting for the rest of a report. Never a report's bytes. */
  flush(): string;
}

export function createMouseFilter(): MouseFilter {
  let held = '';
  /** Inside an over-long `ESC[<…` run: drop [0-9;] until its end (and its final M/m). */
  let skipping = false;
  /** What the last flush gave up as keys: the next read may be the rest of a report after it. */
  let released = '';

  const push = (chunk: string) => {
    // A slow link split a report after its ESC and the ESC went on as a key: the rest is no key.
    const late = released !== '' && (released + chunk).startsWith(`${ESC}[<`);
    let s = late ? released + chunk : held + chunk;
    released = '';
    held = '';
    let text = '';
    const events: MouseEvent[] = [];
    let i = 0;
    if (skipping) {
      while (i < s.length && /[0-9;]/.test(s[i])) i++;
      if (i === s.length) return { text, events };
      skipping = false;
      if (s[i] === 'M' || s[i] === 'm') i++;
      s = s.slice(i);
      i = 0;
    }
    while (i < s.length) {
      const e = s.indexOf(ESC, i);
      if (e < 0) {
        text += s.slice(i);
        break;
      }
      text += s.slice(i, e);
      const r = scan(s, e);
      if (r.kind === 'hold') {
        held = s.slice(e);
        break;
      }
      if (r.kind === 'skip') {
        skipping = true;
        break;
      }
      if (r.kind === 'mouse') {
        if (r.event) events.push(r.event);
      } else if (r.kind === 'pass') text += s.slice(e, r.end);
      i = r.end;
    }
    return { text, events };
  };

  return {
    push,
    pendingKey: () => held !== '' && !held.startsWith(`${ESC}[<`),
    flush: () => {
      // An unfinished report is never released as keys; a bare ESC or CSI start is. An X10 start
      // (which an SCO console's F1 looks like) is dropped, not kept to eat the keys that follow.
      if (held.startsWith(`${ESC}[<`)) return '';
      if (held.startsWith(`${ESC}[M`)) {
        held = '';
        return '';
      }
      const out = held;
      held = '';
      released = out;
      return out;
    },
  };
}

type Scan =
  | { kind: 'hold' }
  | { kind: 'skip' }
  | { kind: 'mouse'; event: MouseEvent | null; end: number }
  | { kind: 'pass'; end: number };

/** What starts at the ESC at `e`: a whole report, the start of one, or bytes for Ink. */
function scan(s: string, e: number): Scan {
  if (e + 1 >= s.length) return { kind: 'hold' };
  if (s[e + 1] !== '[') return { kind: 'pass', end: e + 1 };
  if (e + 2 >= s.length) return { kind: 'hold' };
  const third = s[e + 2];
  if (third === '<') {
    let j = e + 3;
    while (j < s.length && j - (e + 3) <= MAX_PARAMS && /[0-9;]/.test(s[j])) j++;
    if (j - (e + 3) > MAX_PARAMS) return { kind: 'skip' };
    if (j >= s.length) return { kind: 'hold' };
    const final = s[j];
    if (final === 'M' || final === 'm') return { kind: 'mouse', event: decodeSgr(s.slice(e + 3, j), final), end: j + 1 };
    // Not a report after all: drop what claimed to be one (and a CSI final byte ending it).
    const code = final.charCodeAt(0);
    return { kind: 'mouse', event: null, end: code >= 0x40 && code <= 0x7e ? j + 1 : j };
  }
  if (third === 'M') {
    // X10: ESC [ M then three bytes (button, column, row), any values.
    if ([...s.slice(e + 3)].length < 3) return { kind: 'hold' };
    let j = e + 3;
    for (let n = 0; n < 3; n++) j += (s.codePointAt(j) ?? 0) > 0xffff ? 2 : 1;
    return { kind: 'mouse', event: null, end: j };
  }
  // Some other CSI (arrow keys, ESC[1;5A, ESC[2~): find its end; an unfinished one is held.
  let j = e + 2;
  while (j < s.length && j - e < 32 && /[0-9;:?>=]/.test(s[j])) j++;
  if (j >= s.length) return j - e < 32 ? { kind: 'hold' } : { kind: 'pass', end: j };
  // urxvt (1015) reports: ESC [ b ; x ; y M.
  if (s[j] === 'M' && /^\d+;\d+;\d+$/.test(s.slice(e + 2, j))) return { kind: 'mouse', event: null, end: j + 1 };
  return { kind: 'pass', end: e + 1 };
}
