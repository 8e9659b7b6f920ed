// zod issues → messages a person writing YAML understands, each with the data path it is about.
import type { z } from 'zod';
import { didYouMean } from './suggest.js';
import type { PathProblem } from './validate.js';

type Path = (string | number)[];
type ZIssue = z.core.$ZodIssue;

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  object: 'a mapping (key: value)',
  array: 'a list',
  null: 'nothing',
};

/** How a value looks to the person who wrote it. */
export function describe(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return JSON.stringify(v);
  return String(v);
}

// YAML never yields undefined (an empty value is null), so undefined means the key is absent.
const hasInput = (i: ZIssue): boolean => i.input !== undefined;

/** Collects what the branches of a failed union expected, when none matched the value's type. */
function unionExpected(errors: ZIssue[][]): string[] | undefined {
  const out: string[] = [];
  for (const branch of errors) {
    for (const e of branch) {
      if (e.path.length > 0) return undefined;
      if (e.code === 'invalid_type') out.push(e.expected);
      else if (e.code === 'invalid_union') {
        const inner = unionExpected(e.errors);
        if (!inner) return undefined;
        out.push(...inner);
      } else return undefined;
    }
  }
  return [...new Set(out)];
}

/** Picks the branch that got furthest: the one whose errors are not all "wrong type here". */
function bestBranch(errors: ZIssue[][]): ZIssue[] | undefined {
  const rootTypeOnly = (b: ZIssue[]) => b.every((e) => e.path.length === 0 && (e.code === 'invalid_type' || e.code === 'invalid_union'));
  const candidates = errors.filter((b) => !rootTypeOnly(b));
  if (candidates.length === 0) return undefined;
  return candidates.reduce((a, b) => (b.length < a.length ? b : a));
}

function expectedText(types: string[]): string {
  const t = new Set(types);
  if (t.size === 2 && t.has('string') && t.has('number')) return 'text or a number';
  return [...t].map((x) => TYPE_NAMES[x] ?? x).join(' or ');
}

export interface ZodContext {
  /** The allowed keys of the object at `path`, for "did you mean". */
  keysAt(path: Path): string[];
  /** The value's text as written in the file, when there is one. */
  sourceAt(path: Path): string | undefined;
}

function lastKey(path: Path): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return undefined;
}

function typeMessage(path: Path, expected: string[], input: unknown, present: boolean, ctx: ZodContext): string {
  const key = path[path.length - 1];
  if (!present && typeof key === 'string') return `missing required key "${key}"`;
  if (input === null && typeof key === 'string') return `"${key}" has no value: expected ${expectedText(expected)}`;
  let msg = `expected ${expectedText(expected)}, got ${describe(input)}`;
  if (expected.includes('string') && (typeof input === 'number' || typeof input === 'boolean')) {
    msg += ` (quote it: "${ctx.sourceAt(path) ?? String(input)}")`;
  }
  return msg;
}

/** Turns zod issues into problems, one per thing the user must fix. */
export function zodProblems(issues: readonly ZIssue[], ctx: ZodContext, prefix: Path = []): PathProblem[] {
  const out: PathProblem[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...(issue.path as Path)];
    switch (issue.code) {
      case 'unrecognized_keys': {
        const allowed = ctx.keysAt(path);
        for (const k of issue.keys) {
          // The record `planboard merge` leaves: say what it is and what to do.
          const merge = path.length === 0 && k === 'conflicts';
          const message = merge
            ? 'unresolved merge conflicts recorded by planboard merge: set each value as you want it, then delete this `conflicts:` block'
            : `unknown key "${k}"${didYouMean(k, allowed)}`;
          out.push({ path: [...path, k], at: 'key', message });
        }
        break;
      }
      case 'invalid_union': {
        const best = bestBranch(issue.errors);
        if (best) {
          out.push(...zodProblems(best, ctx, path));
          break;
        }
        const expected = unionExpected(issue.errors) ?? [];
        out.push({ path, message: typeMessage(path, expected, issue.input, hasInput(issue), ctx) });
        break;
      }
      case 'invalid_type':
        out.push({ path, message: typeMessage(path, [issue.expected], issue.input, hasInput(issue), ctx) });
        break;
      case 'invalid_value': {
        if (!hasInput(issue) && typeof path[path.length - 1] === 'string') {
          out.push({ path, message: `missing required key "${path[path.length - 1]}"` });
          break;
        }
        const values = issue.values.map((v) => String(v));
        const got = describe(issue.input);
        if (values.length === 1) out.push({ path, message: `expected ${JSON.stringify(issue.values[0])}, got ${got}` });
        else {
          const hint = typeof issue.input === 'string' ? didYouMean(issue.input, values) : '';
          out.push({ path, message: `expected one of ${values.join(', ')}, got ${got}${hint}` });
        }
        break;
      }
      case 'too_small': {
        const name = typeof path[path.length - 1] === 'string' ? `"${path[path.length - 1]}" ` : '';
        if (issue.origin === 'array') out.push({ path, message: `${name}must not be an empty list` });
        else if (issue.origin === 'string') out.push({ path, message: `${name}must not be empty` });
        else out.push({ path, message: `${name}must be ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}, got ${describe(issue.input)}` });
        break;
      }
      case 'too_big': {
        const name = typeof path[path.length - 1] === 'string' ? `"${path[path.length - 1]}" ` : '';
        out.push({ path, message: `${name}must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}, got ${describe(issue.input)}` });
        break;
      }
      case 'invalid_format':
      case 'custom': {
        // The schema's own messages: "expected a date YYYY-MM-DD", "expected a duration such as …".
        const what = /^expected a (date|duration|capacity)/.exec(issue.message)?.[1];
        const label = what === 'duration' ? (lastKey(path) ?? 'duration') : what;
        const shown = JSON.stringify(ctx.sourceAt(path) ?? String(issue.input));
        out.push({ path, message: label ? `bad ${label} ${shown}: ${issue.message}` : issue.message });
        break;
      }
      default:
        out.push({ path, message: issue.message });
    }
  }
  return out;
}
