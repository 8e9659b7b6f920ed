// Lossless YAML edits: realise a change of plain data (old → new) on the parsed document as text
// splices at the changed leaves. Every byte outside a splice stays as it was: comments, key order,
// quoting, blank lines, flow/block style, line endings, a missing final newline.
// The caller re-parses the result and compares it with the intended data (ops.ts), so a layout
// this module does not foresee fails loudly instead of damaging the file.
import { isAlias, isMap, isScalar, isSeq, parse, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { isDeepStrictEqual } from 'node:util';

/** Replace text[at, end) with `text`. Inserts have at === end; `order` sorts inserts at one spot. */
export interface Splice {
  at: number;
  end: number;
  text: string;
  order: number;
}

/** The document has a layout these edits cannot change without touching other bytes. */
export class EditLayoutError extends Error {}

/** How new nodes are written where the file gives no example to copy. */
export interface EditHints {
  /** Spaces between a key and the `-` of its block sequence (`issues:\n  - id`). */
  seqIndent: string;
  // Paths name a place by its keys from the root, list positions left out: `.issues.log`.
  /** Whether map items of a new list at this path are written as block maps or one-line flow maps. */
  itemStyle(path: string): 'block' | 'flow';
  /** Preferred key order in maps at this path, for placing a new key near its neighbours. */
  keyOrder(path: string): readonly string[] | undefined;
  /** Lists matched by item id rather than by position (issues: removed and appended ones). */
  byId(path: string): boolean;
}

export function applySplices(text: string, splices: Splice[]): string {
  const sorted = [...splices].sort((a, b) => a.at - b.at || a.end - b.end || a.order - b.order);
  const out: string[] = [];
  let pos = 0;
  for (const s of sorted) {
    if (s.at < pos) throw new EditLayoutError(`overlapping edits at offset ${s.at}`);
    out.push(text.slice(pos, s.at), s.text);
    pos = s.end;
  }
  out.push(text.slice(pos));
  return out.join('');
}

// --- text positions --------------------------------------------------------------------------

const lineStart = (text: string, pos: number) => text.lastIndexOf('\n', pos - 1) + 1;

/** Position just past the line holding pos (or pos itself when it already starts a line). */
function afterLine(text: string, pos: number): number {
  if (pos > 0 && text[pos - 1] === '\n') return pos;
  const nl = text.indexOf('\n', pos);
  return nl < 0 ? text.length : nl + 1;
}

/** The line ending used near pos, so inserted lines match their neighbours. */
function eolNear(text: string, pos: number): string {
  let nl = text.indexOf('\n', pos);
  if (nl < 0) nl = text.lastIndexOf('\n', pos);
  if (nl < 0) return '\n';
  return text[nl - 1] === '\r' ? '\r\n' : '\n';
}

/** The whitespace from the start of pos's line up to pos (a BOM or `- ` counts as spaces). */
function columnOf(text: string, pos: number): string {
  return ' '.repeat(text.slice(lineStart(text, pos), pos).replace(/^\uFEFF/, '').length);
}

const rangeOf = (n: unknown): [number, number, number] => {
  const r = (n as Node | null)?.range;
  if (!r) throw new EditLayoutError('node without a source position');
  return r;
};
const pairEnd = (p: Pair) => rangeOf(p.value ?? p.key)[1];
const keyOf = (p: Pair): string => {
  const k = p.key;
  if (isScalar(k)) return typeof k.source === 'string' ? k.source : String(k.value);
  throw new EditLayoutError('a map key that is not plain text');
};

// --- rendering new values --------------------------------------------------------------------

type ScalarStyle = Scalar['type'];

/** Whether s can be written unquoted and reads back as the same string. */
export function plainOk(s: string, inFlow: boolean): boolean {
  if (s === '' || s !== s.trim() || /[\n\r\t\x00-\x1f\x7f\u0085\u2028\u2029\ufeff]/.test(s)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(s) || s.includes(': ') || s.includes(' #') || s.endsWith(':')) return false;
  if (inFlow && /[,[\]{}]/.test(s)) return false;
  try {
    return parse(s) === s;
  } catch {
    return false;
  }
}

function renderString(s: string, style: ScalarStyle | undefined, inFlow: boolean): string {
  if (style === 'QUOTE_SINGLE' && !/[\n\r\x00-\x1f\x7f]/.test(s)) return `'${s.replace(/'/g, "''")}'`;
  if (style !== 'QUOTE_DOUBLE' && style !== 'QUOTE_SINGLE' && plainOk(s, inFlow)) return s;
  // A JSON string is a valid YAML double-quoted scalar.
  return JSON.stringify(s);
}

export function renderScalar(v: unknown, style: ScalarStyle | undefined, inFlow: boolean): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new EditLayoutError(`cannot write the number ${v}`);
    return String(v);
  }
  if (typeof v === 'string') return renderString(v, style, inFlow);
  throw new EditLayoutError(`cannot write a ${typeof v} as a scalar`);
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCollection = (v: unknown) => typeof v === 'object' && v !== null;

/** One-line flow rendering: `{ a: 1, b: [x, y] }`. */
export function renderFlow(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(renderFlow).join(', ')}]`;
  if (isObj(v)) {
    const parts = Object.entries(v).map(([k, x]) => `${renderString(k, 'PLAIN', true)}: ${renderFlow(x)}`);
    return parts.length ? `{ ${parts.join(', ')} }` : '{}';
  }
  return renderScalar(v, 'PLAIN', true);
}

/** Lines of `key: value` in a block map at `indent`; `path` is the value's path (`.issues.log`). */
function renderBlockPair(key: string, v: unknown, indent: string, hints: EditHints, path: string): string[] {
  const k = renderString(key, 'PLAIN', false);
  if (Array.isArray(v) && v.some(isCollection)) {
    const dash = indent + hints.seqIndent;
    return [`${indent}${k}:`, ...v.flatMap((item) => renderSeqItem(item, dash, hints.itemStyle(path), path, hints))];
  }
  if (isCollection(v)) return [`${indent}${k}: ${renderFlow(v)}`];
  return [`${indent}${k}: ${renderScalar(v, 'PLAIN', false)}`];
}

/** Lines of one `- item` of a block sequence whose dash sits at `dash`. */
function renderSeqItem(item: unknown, dash: string, style: 'block' | 'flow', path: string, hints: EditHints): string[] {
  if (style === 'block' && isObj(item) && Object.keys(item).length) {
    const inner = dash + '  ';
    const lines = Object.entries(item).flatMap(([k, x]) => renderBlockPair(k, x, inner, hints, `${path}.${k}`));
    lines[0] = dash + '- ' + lines[0].slice(inner.length);
    return lines;
  }
  return [`${dash}- ${isCollection(item) ? renderFlow(item) : renderScalar(item, 'PLAIN', false)}`];
}

/** A block scalar (`|`, `|-`, `|+`) holding s, or null when s needs a quoted form. */
function renderBlockScalar(s: string, folded: boolean, indent: string, eol: string, endsLine: boolean): string | null {
  if (/^[ \n]/.test(s) || /[\r\x00-\x08\x0b-\x1f\x7f]/.test(s)) return null;
  const chomp = s.endsWith('\n\n') ? '+' : s.endsWith('\n') ? '' : '-';
  const body = chomp === '-' ? s : s.slice(0, -1);
  const lines = body.split('\n');
  // A folded scalar of one line reads back unchanged; several lines keep their breaks only as literal.
  const header = (folded && lines.length === 1 ? '>' : '|') + chomp;
  const text = header + eol + lines.map((l) => (l === '' ? '' : indent + l)).join(eol);
  return endsLine ? text + eol : text;
}

// --- the edit context ------------------------------------------------------------------------

export class TextEditor {
  readonly splices: Splice[] = [];
  private order = 0;

  constructor(
    readonly text: string,
    readonly hints: EditHints,
  ) {}

  private splice(at: number, end: number, text: string) {
    this.splices.push({ at, end, text, order: this.order++ });
  }

  /** Insert whole lines at a line boundary p, keeping a missing final newline missing. */
  private insertLines(p: number, lines: string[]) {
    if (!lines.length) return;
    const eol = eolNear(this.text, Math.max(0, p - 1));
    if (p === this.text.length && p > 0 && !this.text.endsWith('\n')) this.splice(p, p, eol + lines.join(eol));
    else this.splice(p, p, lines.join(eol) + eol);
  }

  /** Remove whole lines [from, to) where `to` is a line boundary or the end of the text. */
  private removeLines(from: number, to: number) {
    const t = this.text;
    if (to === t.length && !t.endsWith('\n') && from > 0) {
      // The last line goes: take the line break before it instead, so the file still ends bare.
      from = from - (t[from - 2] === '\r' ? 2 : 1);
    }
    this.splice(from, to, '');
  }

  /** Make `node` (which reads as oldVal) read as newVal, touching only what differs. */
  edit(node: unknown, oldVal: unknown, newVal: unknown, path: string, inFlow: boolean): void {
    if (oldVal === newVal || isDeepStrictEqual(oldVal, newVal)) return;
    if (isMap(node) && isObj(oldVal) && isObj(newVal)) return this.editMap(node, oldVal, newVal, path, inFlow || !!node.flow);
    if (isSeq(node) && Array.isArray(oldVal) && Array.isArray(newVal) && newVal.length > 0) {
      return this.editSeq(node, oldVal, newVal, path, inFlow || !!node.flow);
    }
    if (isScalar(node) && !isCollection(newVal)) return this.replaceScalar(node, newVal, inFlow);
    this.replaceNode(node, newVal);
  }

  private replaceScalar(node: Scalar, v: unknown, inFlow: boolean) {
    const [a, b] = rangeOf(node);
    const t = this.text;
    if ((node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') && typeof v === 'string') {
      const content = /\n( +)\S/.exec(t.slice(a, b));
      const indent = content ? content[1] : columnOf(t, a) + '  ';
      const block = renderBlockScalar(v, node.type === 'BLOCK_FOLDED', indent, eolNear(t, a), t[b - 1] === '\n');
      if (block !== null) return this.splice(a, b, block);
      // Falls through to a double-quoted line, which must end its line like the block did.
      return this.splice(a, b, JSON.stringify(v) + (t[b - 1] === '\n' ? eolNear(t, a) : ''));
    }
    const text = renderScalar(v, node.type, inFlow);
    this.splice(a, b, a === b && a > 0 && !/\s/.test(t[a - 1]) ? ' ' + text : text);
  }

  /** Replace a whole node with a one-line flow rendering (type changes, aliases, emptied lists). */
  private replaceNode(node: unknown, v: unknown) {
    const [a, b] = rangeOf(node);
    const t = this.text;
    const text = isCollection(v) ? renderFlow(v) : renderScalar(v, 'PLAIN', true);
    const isBlock = (isMap(node) || isSeq(node)) && !node.flow;
    if (isBlock) {
      // `key:\n  - a\n  - b` → `key: []`: start right after the colon when only space lies between.
      const before = t.slice(0, lineStart(t, a)).replace(/[ \r\n]+$/, '');
      if (before.endsWith(':') && /^[ ]*$/.test(t.slice(lineStart(t, a), a))) {
        const end = t[b - 1] === '\n' ? b - (t[b - 2] === '\r' ? 2 : 1) : b;
        return this.splice(before.length, end, ' ' + text);
      }
      throw new EditLayoutError('cannot replace a block collection in this layout');
    }
    this.splice(a, b, a === b && a > 0 && !/\s/.test(t[a - 1]) ? ' ' + text : text);
  }

  private editMap(map: YAMLMap, oldObj: Record<string, unknown>, newObj: Record<string, unknown>, path: string, inFlow: boolean) {
    const pairs = new Map<string, Pair>();
    for (const p of map.items) pairs.set(keyOf(p as Pair), p as Pair);
    const removed = new Set<Pair>();
    const added: string[] = [];
    for (const k of Object.keys(oldObj)) {
      const pair = pairs.get(k);
      if (!(k in newObj)) {
        if (!pair) throw new EditLayoutError(`cannot remove "${k}": it is not written in this map (merge key?)`);
        removed.add(pair);
      }
    }
    for (const [k, v] of Object.entries(newObj)) {
      const pair = pairs.get(k);
      if (!pair) added.push(k);
      else if (k in oldObj) this.edit(pair.value, oldObj[k], v, `${path}.${k}`, inFlow);
      else added.push(k); // written but read as absent: cannot happen with plain data
    }
    if (removed.size) this.removePairs(map, removed, inFlow);
    if (added.length) this.insertPairs(map, removed, added, newObj, path, inFlow);
  }

  private removePairs(map: YAMLMap, removed: Set<Pair>, inFlow: boolean) {
    const items = map.items as Pair[];
    const t = this.text;
    const keyStart = (p: Pair) => rangeOf(p.key)[0];
    // Cut maximal runs of removed pairs in one splice each.
    for (let a = 0; a < items.length; a++) {
      if (!removed.has(items[a])) continue;
      let b = a;
      while (b + 1 < items.length && removed.has(items[b + 1])) b++;
      const next = items[b + 1];
      const ks = keyStart(items[a]);
      const ls = lineStart(t, ks);
      if (!inFlow && /^[ ]*$/.test(t.slice(ls, ks))) {
        // A key on its own line: its lines go, including a comment at their end.
        this.removeLines(ls, afterLine(t, pairEnd(items[b])));
      } else if (next) {
        // `key: v, ` up to the next key; in block maps the first key of a `- key: v` line.
        this.splice(ks, keyStart(next), '');
      } else if (inFlow && a > 0) {
        this.splice(pairEnd(items[a - 1]), pairEnd(items[b]), '');
      } else {
        throw new EditLayoutError('cannot remove every key of this map');
      }
      a = b;
    }
  }

  private insertPairs(map: YAMLMap, removed: Set<Pair>, added: string[], newObj: Record<string, unknown>, path: string, inFlow: boolean) {
    const kept = (map.items as Pair[]).filter((p) => !removed.has(p));
    if (!kept.length) throw new EditLayoutError('cannot add keys to an emptied map');
    const order = this.hints.keyOrder(path) ?? [];
    const rank = (k: string) => {
      const i = order.indexOf(k);
      return i < 0 ? order.length : i;
    };
    // Each new key goes after the kept key that precedes it in the preferred order, else last.
    const anchorFor = (k: string): Pair => {
      let best: Pair | undefined;
      for (const p of kept) if (rank(keyOf(p)) < rank(k) && (!best || rank(keyOf(p)) >= rank(keyOf(best)))) best = p;
      return best ?? kept[kept.length - 1];
    };
    const groups = new Map<Pair, string[]>();
    for (const k of [...added].sort((a, b) => rank(a) - rank(b))) {
      const anchor = anchorFor(k);
      groups.set(anchor, [...(groups.get(anchor) ?? []), k]);
    }
    const t = this.text;
    for (const [anchor, keys] of groups) {
      if (inFlow) {
        const text = keys.map((k) => `, ${renderString(k, 'PLAIN', true)}: ${renderFlow(newObj[k])}`).join('');
        this.splice(pairEnd(anchor), pairEnd(anchor), text);
      } else {
        const indent = columnOf(t, rangeOf(anchor.key)[0]);
        const lines = keys.flatMap((k) => renderBlockPair(k, newObj[k], indent, this.hints, `${path}.${k}`));
        this.insertLines(afterLine(t, pairEnd(anchor)), lines);
      }
    }
  }

  /**
   * Edit the items of a block sequence (old items → new ones) even when none remain: for a run of
   * items parsed on its own (fast-edit.ts), where the sequence itself is not being replaced.
   */
  editItems(seq: YAMLSeq, oldArr: unknown[], newArr: unknown[], path: string): void {
    this.editSeq(seq, oldArr, newArr, path, false);
  }

  private editSeq(seq: YAMLSeq, oldArr: unknown[], newArr: unknown[], path: string, inFlow: boolean) {
    const items = seq.items as unknown[];
    if (items.length !== oldArr.length) throw new EditLayoutError('a list whose items do not match its data');
    const removed = new Set<number>();
    let appended: unknown[];
    if (this.hints.byId(path)) {
      // Items keep their order: each old item is kept (maybe changed) or removed; new ones are appended.
      const idOf = (x: unknown) => (isObj(x) ? x.id : undefined);
      let j = 0;
      oldArr.forEach((old, i) => {
        const nw = newArr[j];
        if (j < newArr.length && (nw === old || (idOf(old) !== undefined && idOf(nw) === idOf(old)))) {
          this.edit(items[i], old, nw, path, inFlow);
          j++;
        } else removed.add(i);
      });
      appended = newArr.slice(j);
    } else {
      const n = Math.min(oldArr.length, newArr.length);
      for (let i = 0; i < n; i++) this.edit(items[i], oldArr[i], newArr[i], path, inFlow);
      for (let i = n; i < oldArr.length; i++) removed.add(i);
      appended = newArr.slice(n);
    }
    if (removed.size === items.length && appended.length) {
      // Nothing left to hang new items on: write the whole list anew.
      return this.replaceNode(seq, newArr);
    }
    if (removed.size) this.removeItems(seq, removed, inFlow);
    if (appended.length) this.appendItems(seq, removed, appended, path, inFlow);
  }

  /** Offset of the `-` that starts block-sequence item i (it may sit lines above, before an anchor). */
  private dashOf(seq: YAMLSeq, i: number): number {
    const tok = seq.srcToken as { type?: string; items?: { start: { type: string; offset: number }[] }[] } | undefined;
    const ind = tok?.type === 'block-seq' && tok.items?.length === seq.items.length ? tok.items[i].start.find((t) => t.type === 'seq-item-ind') : undefined;
    const t = this.text;
    if (ind && t[ind.offset] === '-' && /^[ ]*$/.test(t.slice(lineStart(t, ind.offset), ind.offset).replace(/^\uFEFF/, ''))) return ind.offset;
    throw new EditLayoutError('a list item whose dash cannot be found');
  }

  private removeItems(seq: YAMLSeq, removed: Set<number>, inFlow: boolean) {
    const items = seq.items as unknown[];
    const t = this.text;
    // Cut maximal runs of removed items in one splice each.
    for (let a = 0; a < items.length; a++) {
      if (!removed.has(a)) continue;
      let b = a;
      while (removed.has(b + 1)) b++;
      if (inFlow) {
        if (b + 1 < items.length) this.splice(rangeOf(items[a])[0], rangeOf(items[b + 1])[0], '');
        else this.splice(rangeOf(items[a - 1])[1], rangeOf(items[b])[1], '');
      } else {
        this.removeLines(lineStart(t, this.dashOf(seq, a)), afterLine(t, rangeOf(items[b])[1]));
      }
      a = b;
    }
  }

  private appendItems(seq: YAMLSeq, removed: Set<number>, appended: unknown[], path: string, inFlow: boolean) {
    const items = seq.items as unknown[];
    const lastKept = [...items.keys()].reverse().find((i) => !removed.has(i));
    if (lastKept === undefined) return this.replaceNode(seq, appended);
    const last = items[lastKept];
    const t = this.text;
    if (inFlow) {
      const end = rangeOf(last)[1];
      return this.splice(end, end, appended.map((x) => ', ' + renderFlow(x)).join(''));
    }
    const dash = columnOf(t, this.dashOf(seq, lastKept));
    // New items copy the last item's style: a block map stays a block map, a flow map a flow map.
    const style = isMap(last) && !last.flow ? 'block' : isMap(last) ? 'flow' : this.hints.itemStyle(path);
    const lines = appended.flatMap((x) => renderSeqItem(x, dash, style, path, this.hints));
    this.insertLines(afterLine(t, rangeOf(last)[1]), lines);
  }
}

/** Text edits that turn `text` (parsed as `root`, reading as oldData) into newData. */
export function editDocumentText(text: string, root: unknown, oldData: unknown, newData: unknown, hints: EditHints): string {
  if (isAlias(root)) throw new EditLayoutError('the whole plan is an alias');
  const editor = new TextEditor(text, hints);
  editor.edit(root, oldData, newData, '', false);
  return applySplices(text, editor.splices);
}
