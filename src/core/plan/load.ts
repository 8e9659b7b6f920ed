// Text → checked plan, or a list of problems each naming file:line:col. The fast read of a clean
// plan is load-fast.ts; this is the precise read, and the synchronous entry to both.
// Steps, each stopping at its first failure: YAML syntax → plain data (ids as written, aliases
// bounded) → the zod schema → semantic checks (validate.ts) → the normalised model.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { convertDocument, ConvertError } from './load-convert.js';
import { zodProblems } from './load-zod.js';
import { emptyFile, formatProblem, setDocumentParser, type LoadResult, type Problem } from './loaded-plan.js';
import { fromMemo, loadPlanTextFast } from './load-fast.js';
import { buildModel } from './model.js';
import { Plan } from './schema.js';
import { validatePlan, type Path, type PathProblem } from './validate.js';
import { sanitize } from '../text/sanitize.js';

export { formatProblem, isFastLoaded, rememberPlanText, type LoadedPlan, type LoadResult, type Problem } from './loaded-plan.js';
export { loadPlanTextFast } from './load-fast.js';

/** Options for parseDocument: positions kept for edits, duplicate keys refused. */
export const PARSE_OPTIONS = { keepSourceTokens: true, prettyErrors: false, uniqueKeys: true } as const;

const MAX_YAML_ERRORS = 20;

const byPosition = (a: Problem, b: Problem) => a.line - b.line || a.col - b.col;

/** YAML's own messages, reworded where a shorter one says more. */
function yamlMessage(code: string, message: string, text: string, offset: number): string {
  if (code === 'DUPLICATE_KEY') {
    const key = /^[^:\n]*/.exec(text.slice(offset))?.[0].trim().replace(/^["']|["']$/g, '');
    return key ? `duplicate key "${key}"` : 'duplicate key';
  }
  if (code === 'MULTIPLE_DOCS') return 'more than one YAML document in the file: a plan is one document';
  if (/call stack/i.test(message)) return 'nested too deeply to read: this is not a plan';
  return `YAML syntax error: ${message.split('\n')[0].replace(/\.$/, '')}`;
}

// Plans read the fast way get their Document from here, when an edit asks for it.
setDocumentParser((text) => parseDocument(text, PARSE_OPTIONS));

export function loadPlanText(text: string, file: string): LoadResult {
  return emptyFile(text, file) ?? fromMemo(text, file) ?? loadPlanTextFast(text, file) ?? loadPlanTextPrecise(text, file);
}

/** The precise read: yaml's Document, every problem with its line and column. */
export function loadPlanTextPrecise(text: string, file: string): LoadResult {
  // Messages quote the plan (keys, values, YAML's own excerpts): inert from the start.
  const at = (line: number, col: number, message: string): Problem => ({ file, line, col, message: sanitize(message) });
  if (text.replace(/^\uFEFF/, '').trim() === '') return { ok: false, problems: [at(1, 1, 'file is empty')] };

  const lc = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { ...PARSE_OPTIONS, lineCounter: lc });
  } catch (e) {
    // Only pathological input gets here (nesting deep enough to exhaust the parser's stack).
    return { ok: false, problems: [at(1, 1, `cannot parse the file: ${e instanceof RangeError ? 'nested too deeply' : String(e)}`)] };
  }
  const pos = (offset: number) => lc.linePos(Math.max(0, Math.min(offset, text.length)));
  const atOffset = (offset: number, message: string): Problem => {
    const { line, col } = pos(offset);
    return at(line, col, message);
  };

  if (doc.errors.length) {
    // Nesting that exhausts the parser's stack is the one problem worth naming; how far the parser
    // got first, and what else it then reported, depends on the engine's state (JIT, stack size).
    const deep = doc.errors.find((e) => /call stack/i.test(e.message));
    if (deep) return { ok: false, problems: [atOffset(deep.pos[0], yamlMessage(deep.code, deep.message, text, deep.pos[0]))] };
    // One broken bracket can cascade into thousands of errors: keep distinct ones, and few.
    const seen = new Set<string>();
    const problems: Problem[] = [];
    for (const e of doc.errors) {
      const p = atOffset(e.pos[0], yamlMessage(e.code, e.message, text, e.pos[0]));
      const key = formatProblem(p);
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push(p);
    }
    problems.sort(byPosition);
    if (problems.length > MAX_YAML_ERRORS) {
      const more = problems.length - MAX_YAML_ERRORS;
      problems.length = MAX_YAML_ERRORS;
      problems.push(atOffset(doc.errors[doc.errors.length - 1].pos[0], `and ${more} more YAML syntax errors`));
    }
    return { ok: false, problems };
  }
  const yamlWarnings = doc.warnings.map((w) => atOffset(w.pos[0], `YAML: ${w.message.split('\n')[0]}`));

  let converted;
  try {
    converted = convertDocument(doc);
  } catch (e) {
    if (!(e instanceof ConvertError)) throw e;
    return { ok: false, problems: [atOffset(e.node?.range?.[0] ?? 0, e.message)] };
  }
  const raw = converted.value;
  if (raw === null) return { ok: false, problems: [at(1, 1, 'the file holds only comments: no plan in it')] };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      ok: false,
      problems: [atOffset(doc.contents?.range?.[0] ?? 0, 'a plan is a mapping of keys (planboard: 1, title: …, issues: …), not a single value or a list')],
    };
  }

  const locate = locator(doc, converted.aliasTarget);
  const toProblem = (p: PathProblem): Problem => {
    const { line, col } = pos(locate(p.path, p.at ?? 'value'));
    let message = p.message;
    if (p.firstAt) message += ` (first at line ${pos(locate(p.firstAt, 'value')).line})`;
    return at(line, col, message);
  };

  const parsed = Plan.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    const ctx = {
      keysAt: (path: Path) => keysAt(Plan, path),
      sourceAt: (path: Path) => sourceText(locate.node(path)),
    };
    return { ok: false, problems: zodProblems(parsed.error.issues, ctx).map(toProblem).sort(byPosition) };
  }
  const data = parsed.data;
  const { errors, warnings } = validatePlan(data);
  if (errors.length) return { ok: false, problems: errors.map(toProblem).sort(byPosition) };

  return {
    ok: true,
    plan: { file, text, doc, data, model: buildModel(data) },
    warnings: [...yamlWarnings, ...warnings.map(toProblem)].sort(byPosition),
  };
}

function sourceText(node: Node | undefined): string | undefined {
  if (!isScalar(node)) return undefined;
  return typeof node.source === 'string' ? node.source : undefined;
}

interface Locator {
  (path: Path, at: 'key' | 'value'): number;
  node(path: Path): Node | undefined;
}

/** Maps a data path to a text offset, following aliases to what they stand for. */
function locator(doc: Document, aliasTarget: Map<Node, Node>): Locator {
  const deref = (n: unknown): unknown => (isAlias(n) ? (aliasTarget.get(n) ?? n) : n);
  // Walks as far as the path goes; returns the deepest node reached and the last key node.
  const walk = (path: Path) => {
    let node = deref(doc.contents) as Node | null;
    let keyNode: Node | undefined;
    let deepest: Node | undefined = node ?? undefined;
    let complete = true;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      keyNode = undefined;
      let next: unknown;
      if (isMap(node)) {
        const pair = node.items.find((p) => {
          const k = deref(p.key);
          return (isScalar(k) ? (typeof k.source === 'string' ? k.source : String(k.value)) : '') === String(seg);
        });
        if (pair) {
          keyNode = pair.key as Node;
          next = pair.value;
          if (next == null) {
            deepest = keyNode;
            node = null;
            complete = i === path.length - 1;
            break;
          }
        }
      } else if (isSeq(node) && typeof seg === 'number') next = node.items[seg];
      if (next == null) {
        complete = false;
        break;
      }
      node = deref(next) as Node;
      deepest = node;
    }
    return { node: complete ? (node ?? undefined) : undefined, keyNode, deepest };
  };
  const fn = ((path: Path, at: 'key' | 'value') => {
    const w = walk(path);
    // An empty value (`title:`) has no text of its own: point at its key instead.
    const empty = isScalar(w.deepest) && w.deepest.value === null && !w.deepest.source;
    const target = at === 'key' || empty ? (w.keyNode ?? w.deepest) : w.deepest;
    return target?.range?.[0] ?? 0;
  }) as Locator;
  fn.node = (path: Path) => walk(path).node;
  return fn;
}

type AnySchema = z.core.$ZodType;

/** Keys allowed in the object(s) that the schema puts at `path`. */
function keysAt(schema: AnySchema, path: Path): string[] {
  let current: AnySchema[] = [schema];
  const expand = (list: AnySchema[]): AnySchema[] => {
    const out: AnySchema[] = [];
    const visit = (s: AnySchema) => {
      const def = s._zod.def as unknown as Record<string, unknown> & { type: string };
      if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') visit(def.innerType as AnySchema);
      else if (def.type === 'pipe') visit(def.in as AnySchema);
      else if (def.type === 'union') (def.options as AnySchema[]).forEach(visit);
      else out.push(s);
    };
    list.forEach(visit);
    return out;
  };
  for (const seg of path) {
    const next: AnySchema[] = [];
    for (const s of expand(current)) {
      const def = s._zod.def as unknown as Record<string, unknown> & { type: string };
      if (def.type === 'object' && typeof seg === 'string') {
        const child = (def.shape as Record<string, AnySchema>)[seg];
        if (child) next.push(child);
      } else if (def.type === 'array' && typeof seg === 'number') next.push(def.element as AnySchema);
      else if (def.type === 'record') next.push(def.valueType as AnySchema);
    }
    current = next;
  }
  const keys = new Set<string>();
  for (const s of expand(current)) {
    const def = s._zod.def as unknown as Record<string, unknown> & { type: string };
    if (def.type === 'object') Object.keys(def.shape as object).forEach((k) => keys.add(k));
  }
  return [...keys];
}
