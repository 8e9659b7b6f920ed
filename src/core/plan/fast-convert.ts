// The fast read path: js-yaml's event parser (about 20× faster than building yaml's Document) →
// the same plain data convertDocument produces, or `undefined` when the text uses anything this
// path cannot vouch for. Then load.ts runs the precise path, which also finds every position.
// It refuses (returns undefined) on: anchors, aliases, tags, several documents or directives, a
// BOM, a CR outside CRLF, non-text or duplicate keys, keys that read as numbers/booleans/null, deep nesting, and any
// js-yaml error; and where the two parsers read YAML apart (fast-guards.ts): tabs in indentation,
// indented document markers, block scalar indentation indicators, a key out of its map's column,
// and the like. Plain scalars resolve exactly as yaml's core schema does (yaml/dist/schema/core).
import { getScalarValue, parseEvents, type Event, type ScalarEvent } from 'js-yaml';
import { blockScalarIndicator, columnOf, commentAbovePlainValue, escapedLineBreak, hasOddLineStart, mayHaveEscapedLineBreak, textAfterDocumentEnd } from './fast-guards.js';
import { ID_KEYS, ID_MAP_KEYS, MAX_DEPTH, type Mode } from './convert-keys.js';

const DOCUMENT = 1;
const SEQUENCE = 2;
const MAPPING = 3;
const SCALAR = 4;
const POP = 6;
const PLAIN = 1;
const BLOCK_LITERAL = 4;

const NULL_RE = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL_RE = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const OCT_RE = /^0o[0-7]+$/;
const INT_RE = /^[-+]?[0-9]+$/;
const HEX_RE = /^0x[0-9a-fA-F]+$/;
const NAN_RE = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const EXP_RE = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT_RE = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** Plain scalars that may resolve to something other than a string start with one of these. */
const NON_STRING_START = /^[-+.0-9~nNtTfF]|^$/;
/** Every number form above at once: most scalars starting with a digit are dates or durations. */
const ANY_NUMBER = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

/** A plain scalar's value under the YAML 1.2 core schema, tested in yaml's own order. */
export function resolvePlain(s: string): unknown {
  if (!NON_STRING_START.test(s)) return s;
  if (NULL_RE.test(s)) return null;
  if (BOOL_RE.test(s)) return s[0] === 't' || s[0] === 'T';
  if (!ANY_NUMBER.test(s)) return s;
  if (OCT_RE.test(s)) return parseInt(s.substring(2), 8);
  if (INT_RE.test(s)) return parseInt(s, 10);
  if (HEX_RE.test(s)) return parseInt(s.substring(2), 16);
  if (NAN_RE.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity;
  if (EXP_RE.test(s) || FLOAT_RE.test(s)) return parseFloat(s);
  return s;
}

interface Frame {
  value: Record<string, unknown> | unknown[];
  isMap: boolean;
  mode: Mode;
  /** In a map: the key waiting for its value. */
  key: string | undefined;
  /** How the next value (a list item, or the pending key's value) reads scalars. */
  childMode: Mode;
  /** A block map's column, where each of its keys must start; -1 for any other collection. */
  col: number;
}

const BLOCK = 1;
const DOUBLE_QUOTED = 3;
const SINGLE_QUOTED = 2;

function scalarText(text: string, e: ScalarEvent): string {
  if (e.valueStart < 0) return '';
  if (e.style === PLAIN) return (e as { fast?: boolean }).fast ? text.slice(e.valueStart, e.valueEnd) : getScalarValue(text, e);
  // Most quoted scalars hold no escape, quote or line break: their text is their value.
  if (e.style === DOUBLE_QUOTED || e.style === SINGLE_QUOTED) {
    const raw = text.slice(e.valueStart, e.valueEnd);
    if (raw.indexOf('\n') < 0 && raw.indexOf(e.style === DOUBLE_QUOTED ? '\\' : "'") < 0) return raw;
  }
  return getScalarValue(text, e);
}

/** Plain data as convertDocument would make it, or undefined when this path cannot be sure. */
export function fastConvert(text: string): unknown {
  if (text.charCodeAt(0) === 0xfeff) return undefined;
  // A lone CR: yaml reads it as part of a scalar, js-yaml as a line break.
  if (text.includes('\r') && /\r(?!\n)/.test(text)) return undefined;
  if (hasOddLineStart(text) || textAfterDocumentEnd(text)) return undefined;
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: MAX_DEPTH + 1 });
  } catch {
    return undefined;
  }
  if (events.length < 2 || events[0].type !== DOCUMENT || events[0].directives.length) return undefined;

  const escapedBreaks = mayHaveEscapedLineBreak(text);
  const stack: Frame[] = [];
  let root: unknown;
  let done = false;
  // Puts a finished value where it belongs: the root, a list, or a map under its pending key.
  const place = (v: unknown): boolean => {
    const top = stack[stack.length - 1];
    if (!top) {
      root = v;
      done = true;
      return true;
    }
    if (!top.isMap) {
      (top.value as unknown[]).push(v);
      return true;
    }
    const key = top.key!;
    // defineProperty: a key named `__proto__` must stay a key, not reach the prototype.
    if (key === '__proto__') Object.defineProperty(top.value, key, { value: v, enumerable: true, writable: true, configurable: true });
    else (top.value as Record<string, unknown>)[key] = v;
    top.key = undefined;
    return true;
  };
  const childMode = (): Mode => {
    const top = stack[stack.length - 1];
    return top ? top.childMode : 'plain';
  };

  for (let i = 1; i < events.length; i++) {
    const e = events[i];
    if (done) {
      // Only the closing of the one document may follow.
      if (e.type === POP && i === events.length - 1) return root;
      return undefined;
    }
    const top = stack[stack.length - 1];
    const atKey = top?.isMap && top.key === undefined;
    switch (e.type) {
      case SCALAR: {
        // A lone scalar is no plan, and its indentation rules at the root are the parsers' least alike.
        if (top === undefined || e.anchorStart >= 0 || e.tagStart >= 0) return undefined;
        if (e.style >= BLOCK_LITERAL && blockScalarIndicator(text, e.valueStart)) return undefined;
        if (escapedBreaks && e.style === DOUBLE_QUOTED && escapedLineBreak(text, e.valueStart, e.valueEnd)) return undefined;
        const s = scalarText(text, e);
        if (atKey) {
          if (e.valueStart < 0 || e.style >= BLOCK_LITERAL) return undefined;
          // A key out of its map's column: js-yaml has read text that yaml refuses into this map.
          if (top.col >= 0 && columnOf(text, e.style === PLAIN ? e.valueStart : e.valueStart - 1) !== top.col) return undefined;
          if (e.style === PLAIN && typeof resolvePlain(s) !== 'string') return undefined;
          // A duplicate: its first value is in place already (values come before the next key).
          if (Object.hasOwn(top.value, s)) return undefined;
          top.key = s;
          top.childMode = top.mode === 'idmap' ? 'id' : ID_KEYS.has(s) ? 'id' : ID_MAP_KEYS.has(s) ? 'idmap' : 'plain';
          break;
        }
        if (e.style !== PLAIN) {
          place(s);
          break;
        }
        if (commentAbovePlainValue(text, e.valueStart)) return undefined;
        const v = resolvePlain(s);
        place(typeof v === 'number' && childMode() !== 'plain' ? s : v);
        break;
      }
      case MAPPING:
      case SEQUENCE: {
        if (atKey || e.anchorStart >= 0 || e.tagStart >= 0 || stack.length >= MAX_DEPTH) return undefined;
        const isMap = e.type === MAPPING;
        const mode = childMode();
        const col = isMap && e.style === BLOCK ? columnOf(text, e.start) : -1;
        stack.push({ value: isMap ? {} : [], isMap, mode, key: undefined, childMode: isMap ? 'plain' : mode === 'id' ? 'id' : 'plain', col });
        break;
      }
      case POP: {
        const frame = stack.pop();
        if (!frame || frame.key !== undefined) return undefined;
        place(frame.value);
        break;
      }
      default:
        // Aliases (and anything unforeseen): the precise path measures and follows them.
        return undefined;
    }
  }
  return undefined;
}
