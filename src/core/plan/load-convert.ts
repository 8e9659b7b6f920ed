// YAML nodes → plain data, written by hand instead of `doc.toJS()` for three reasons:
// ids keep the text the user wrote (`1.10` stays "1.10", not 1.1), aliases are measured before
// they are trusted (an alias bomb is refused in linear time, never expanded), and nesting depth
// is bounded so later walks cannot overflow the stack.
import { isAlias, isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { ID_KEYS, ID_MAP_KEYS, MAX_DEPTH, type Mode } from './convert-keys.js';

/** How far aliases may grow the data, in nodes. A plan needs a few hundred; a bomb needs billions. */
export const MAX_ALIAS_EXPANSION = 100_000;

export class ConvertError extends Error {
  constructor(
    message: string,
    readonly node: Node | null,
  ) {
    super(message);
  }
}


export interface Converted {
  value: unknown;
  /** Alias node → the anchored node it stands for, for mapping problem paths back to text. */
  aliasTarget: Map<Node, Node>;
}

/** Converts a parsed document. Throws ConvertError naming the node at fault. */
export function convertDocument(doc: Document): Converted {
  const anchors = new Map<string, { node: Node; size: number; byMode: Partial<Record<Mode, unknown>> }>();
  const aliasTarget = new Map<Node, Node>();
  let expanded = 0;

  // Returns [value, size in nodes including what aliases stand for].
  const convert = (node: unknown, mode: Mode, depth: number): [unknown, number] => {
    if (node == null) return [null, 1];
    if (depth > MAX_DEPTH) throw new ConvertError(`nested deeper than ${MAX_DEPTH} levels: this is not a plan`, node as Node);
    let out: [unknown, number];
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (!target) throw new ConvertError(`unknown alias *${node.source}: define the anchor &${node.source} before using it`, node);
      aliasTarget.set(node, target.node);
      expanded += target.size;
      if (expanded > MAX_ALIAS_EXPANSION) {
        throw new ConvertError(
          `aliases expand to more than ${MAX_ALIAS_EXPANSION} values: refusing a possible alias bomb ("billion laughs")`,
          node,
        );
      }
      // The anchored value is shared, not copied; it is read again only when this place reads
      // scalars differently (an anchored number used as an id). The expansion limit bounds both.
      if (!(mode in target.byMode)) target.byMode[mode] = convert(target.node, mode, depth)[0];
      return [target.byMode[mode], target.size];
    }
    if (isScalar(node)) {
      const v = node.value;
      const asWritten = typeof node.source === 'string' ? node.source : String(v);
      if (mode !== 'plain' && (typeof v === 'number' || typeof v === 'bigint')) out = [asWritten, 1];
      else if (v instanceof Date) out = [asWritten, 1];
      else if (typeof v === 'bigint') out = [Number(v), 1];
      else out = [v, 1];
    } else if (isMap(node)) {
      const obj: Record<string, unknown> = {};
      let size = 1;
      for (const pair of node.items) {
        const key = keyText(pair.key);
        const childMode: Mode = mode === 'idmap' ? 'id' : ID_KEYS.has(key) ? 'id' : ID_MAP_KEYS.has(key) ? 'idmap' : 'plain';
        const [v, n] = convert(pair.value, childMode, depth + 1);
        // defineProperty: a key named `__proto__` must stay a key, not reach the prototype.
        Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });
        size += n + 1;
      }
      out = [obj, size];
    } else if (isSeq(node)) {
      const arr: unknown[] = [];
      let size = 1;
      for (const item of node.items) {
        const [v, n] = convert(item, mode === 'id' ? 'id' : 'plain', depth + 1);
        arr.push(v);
        size += n;
      }
      out = [arr, size];
    } else {
      throw new ConvertError('unsupported YAML node', node as Node);
    }
    const n = node as Node;
    if (n.anchor) {
      const known = anchors.get(n.anchor);
      if (known?.node === n) known.byMode[mode] = out[0];
      else anchors.set(n.anchor, { node: n, size: out[1], byMode: { [mode]: out[0] } });
    }
    return out;
  };

  const keyText = (key: unknown): string => {
    if (key == null) return '';
    if (isAlias(key)) {
      const target = anchors.get(key.source);
      if (!target) throw new ConvertError(`unknown alias *${key.source}: define the anchor &${key.source} before using it`, key);
      aliasTarget.set(key, target.node);
      return keyText(target.node);
    }
    if (isScalar(key)) {
      if (key.anchor) anchors.set(key.anchor, { node: key, size: 1, byMode: { plain: key.value } });
      // Keys are text as written: `1.10:` is the key "1.10".
      return typeof key.source === 'string' ? key.source : String(key.value);
    }
    throw new ConvertError('a key must be plain text, not a list or mapping', key as Node);
  };

  const [value] = convert(doc.contents, 'plain', 0);
  return { value, aliasTarget };
}
