// Shared by the edit tests: the plans and fixtures to run over, issue spans, and a check that
// only chosen spans of a text changed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isSeq, parseDocument, type Pair } from 'yaml';
import { PARSE_OPTIONS } from '../../../src/core/plan/load.js';

const root = join(import.meta.dirname, '..', '..', '..');
export const FIXTURE_DIR = join(root, 'test', 'fixtures', 'roundtrip');
export const PLAN_DIR = join(root, 'plans');

export interface Sample {
  name: string;
  text: string;
}

const yamlIn = (dir: string): Sample[] => {
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.yaml'));
  } catch {
    return [];
  }
  return names.sort().map((n) => ({ name: join(dir === PLAN_DIR ? 'plans' : 'fixtures', n), text: readFileSync(join(dir, n), 'utf8') }));
};

export const fixtures = () => yamlIn(FIXTURE_DIR);
export const plans = () => yamlIn(PLAN_DIR);
/** Every fixture and plan, plus a CRLF twin of each LF one. */
export function samples(): Sample[] {
  const all = [...fixtures(), ...plans()];
  const twins = all.filter((s) => !s.text.includes('\r\n')).map((s) => ({ name: `${s.name} (CRLF)`, text: s.text.replace(/\n/g, '\r\n') }));
  return [...all, ...twins];
}

/** Each issue item's span in the text: from the start of its dash line to past its last line. */
export function issueSpans(text: string): { id: string; from: number; to: number }[] {
  const doc = parseDocument(text, PARSE_OPTIONS);
  const root = doc.contents;
  if (!isMap(root)) return [];
  const pair = (root.items as Pair[]).find((p) => String((p.key as { value?: unknown })?.value) === 'issues');
  if (!pair || !isSeq(pair.value)) return [];
  const tokens = (pair.value.srcToken as { items?: { start: { type: string; offset: number }[] }[] } | undefined)?.items;
  return pair.value.items.map((item, i) => {
    const node = item as { range: [number, number, number] };
    const [a, b] = node.range;
    // Start at the item's dash, which may sit lines above its first key (`- &anchor`).
    const dash = tokens?.[i]?.start.find((t) => t.type === 'seq-item-ind')?.offset ?? a;
    const from = text.lastIndexOf('\n', Math.min(a, dash) - 1) + 1;
    const nl = text[b - 1] === '\n' ? b - 1 : text.indexOf('\n', b);
    const to = nl < 0 ? text.length : nl + 1;
    const id = isMap(item) ? String(item.get('id', false)) : '?';
    // Ids that YAML reads as numbers are written as their source: look it up in the text.
    const src = isMap(item) ? (item.items as Pair[]).find((p) => String((p.key as { value?: unknown }).value) === 'id') : undefined;
    const source = (src?.value as { source?: string } | undefined)?.source;
    return { id: source ?? id, from, to };
  });
}

/**
 * Whether `after` equals `before` except inside the given spans of `before` (which may change
 * freely, grow or vanish), plus an insertion at `insertAt` when given.
 */
export function changedOnlyWithin(before: string, after: string, spans: { from: number; to: number }[], insertAt?: number): string | null {
  const cuts = [...spans].sort((x, y) => x.from - y.from);
  const segments: { text: string; fixed: boolean }[] = [];
  let pos = 0;
  const fixedUntil = (end: number) => {
    if (insertAt !== undefined && insertAt >= pos && insertAt <= end) {
      segments.push({ text: before.slice(pos, insertAt), fixed: true }, { text: '', fixed: false });
      segments.push({ text: before.slice(insertAt, end), fixed: true });
      insertAt = undefined;
    } else segments.push({ text: before.slice(pos, end), fixed: true });
  };
  for (const c of cuts) {
    fixedUntil(c.from);
    segments.push({ text: before.slice(c.from, c.to), fixed: false });
    pos = c.to;
  }
  fixedUntil(before.length);
  let at = 0;
  let loose = false;
  for (const s of segments) {
    if (!s.fixed) {
      loose = true;
      continue;
    }
    const idx = loose ? after.indexOf(s.text, at) : after.startsWith(s.text, at) ? at : -1;
    if (idx < 0) return `unchanged text not found after offset ${at}: ${JSON.stringify(s.text.slice(0, 80))}`;
    if (s.text.length) loose = false;
    at = idx + s.text.length;
  }
  if (!loose && at !== after.length) return `extra text at the end: ${JSON.stringify(after.slice(at, at + 80))}`;
  return null;
}
