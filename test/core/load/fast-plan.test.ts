// The hand checks of the fast read (fast-plan.ts, fast-issue.ts) stand in for zod on clean plans,
// so that reading one never loads zod. They must say exactly what zod says: the same keys in the
// same order for every object of the schema, and for any input either zod's very output or a
// refusal (which sends the text to the precise read). Never accepting what zod refuses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as schema from '../../../src/core/plan/schema.js';
import { fastConvert } from '../../../src/core/plan/fast-convert.js';
import { ISSUE_FIELDS } from '../../../src/core/plan/fast-issue.js';
import { fastPlan, SHAPES } from '../../../src/core/plan/fast-plan.js';
import { samples } from './fast-path-fuzz.js';

describe('the fast read checks the plan by hand exactly as zod does', () => {
  it.each([...Object.keys(SHAPES), 'Issue'])('%s: the same keys in the same order as schema.ts', (name) => {
    const zodShape = (schema as unknown as Record<string, { shape: Record<string, unknown> }>)[name].shape;
    const mine = name === 'Issue' ? ISSUE_FIELDS : SHAPES[name];
    expect(Object.keys(mine)).toEqual(Object.keys(zodShape));
  });

  // Real plans, their data then damaged at random places with values of every kind.
  const bases = samples()
    .filter((s) => s.text.length < 60_000) // the generated 1,000 issues add time, not shapes
    .map((s) => fastConvert(s.text))
    .filter((raw): raw is Record<string, unknown> => typeof raw === 'object' && raw !== null && !Array.isArray(raw))
    // Issues have their own test (fast-path.test.ts); a few keep their place in the plan.
    .map((raw) => (Array.isArray(raw.issues) ? { ...raw, issues: raw.issues.slice(0, 3) } : raw));
  const keys = [...new Set(Object.values(SHAPES).flatMap((shape) => Object.keys(shape))), 'nope'];

  /** Every path to a value in `v`, objects and arrays included. */
  const pathsOf = (v: unknown, at: (string | number)[] = [], out: (string | number)[][] = []) => {
    out.push(at);
    if (Array.isArray(v)) v.forEach((x, i) => pathsOf(x, [...at, i], out));
    else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) pathsOf(x, [...at, k], out);
    return out;
  };
  const SCALARS: unknown[] = ['', 'A-1', '1.10', '2h', '3-5d', '8h/w', '6h/d', ' 40 ', 'x', '2026-01-05', '2026-13-01', 'done', 'mon', 'person', 'gate', 'epic', 0, -0, 1, 1.5, 24, 25, -2, Infinity, NaN, true, false, null]; // no undefined: YAML has none
  const scalar = fc.constantFrom(...SCALARS);
  const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    v: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('v'), { maxLength: 2 }), fc.dictionary(fc.constantFrom('id', 'title', 'from', 'to', 'name', 'x', '__proto__'), tie('v'), { maxKeys: 2, noNullPrototype: true })),
  })).v;
  const edit = fc.record({ at: fc.nat(), kind: fc.constantFrom('set', 'delete', 'add'), value, key: fc.constantFrom(...keys) });

  const mutate = (base: unknown, edits: { at: number; kind: string; value: unknown; key: string }[]) => {
    const data = structuredClone(base) as Record<string, unknown>;
    for (const e of edits) {
      const paths = pathsOf(data);
      if (!paths.length) break;
      const path = paths[e.at % paths.length];
      if (path.length === 0) {
        if (e.kind === 'add') data[e.key] = e.value;
        continue;
      }
      let parent: any = data;
      for (const seg of path.slice(0, -1)) parent = parent[seg];
      const last = path[path.length - 1];
      if (e.kind === 'set') parent[last] = e.value;
      else if (e.kind === 'delete') Array.isArray(parent) ? parent.splice(last as number, 1) : delete parent[last];
      else if (typeof parent[last] === 'object' && parent[last] !== null && !Array.isArray(parent[last])) parent[last][e.key] = e.value;
    }
    return data;
  };

  it('gives zod\'s very output or steps aside, on real plans damaged at random', () => {
    expect(bases.length).toBeGreaterThan(10);
    let agreed = 0;
    let refusedByBoth = 0;
    fc.assert(
      fc.property(fc.nat(bases.length - 1), fc.array(edit, { maxLength: 3 }), (b, edits) => {
        const raw = mutate(bases[b], edits);
        const mine = fastPlan(raw);
        const theirs = schema.Plan.safeParse(raw);
        if (!theirs.success) {
          expect(mine).toBeUndefined();
          refusedByBoth++;
          return;
        }
        if (mine === undefined) return; // deferring to zod is always allowed
        agreed++;
        // Same values, same key order (JSON text), fresh objects.
        expect(JSON.stringify(mine)).toBe(JSON.stringify(theirs.data));
        expect(mine).toEqual(theirs.data);
      }),
      { numRuns: 1000 },
    );
    expect(agreed).toBeGreaterThan(200);
    expect(refusedByBoth).toBeGreaterThan(200);
  });

  // Each field of each object, alone, with a value of any kind: the smallest plan that holds it.
  const D = '2026-01-05';
  const PLACES: Record<string, { at: (o: Record<string, unknown>) => Record<string, unknown>; base: Record<string, unknown> }> = {
    Plan: { at: (o) => o, base: { planboard: 1, title: 'T' } },
    Settings: { at: (o) => ({ settings: o }), base: {} },
    Calendar: { at: (o) => ({ calendar: o }), base: {} },
    DateRange: { at: (o) => ({ calendar: { holidays: [o] } }), base: { from: D, to: D } },
    Freeze: { at: (o) => ({ calendar: { freezes: [o] } }), base: { from: D, to: D } },
    Sprints: { at: (o) => ({ calendar: { sprints: o } }), base: { length: '2w', start: D } },
    Sprint: { at: (o) => ({ calendar: { sprints: { length: '2w', start: D, list: [o] } } }), base: { name: 'S1' } },
    CapacityChange: { at: (o) => ({ lanes: [{ id: 'a', changes: [o] }] }), base: { from: D, capacity: '8h/w' } },
    Lane: { at: (o) => ({ lanes: [o] }), base: { id: 'a' } },
    Milestone: { at: (o) => ({ milestones: [o] }), base: { id: 'm' } },
    Group: { at: (o) => ({ groups: [o] }), base: { id: 'g' } },
    Risk: { at: (o) => ({ risks: [o] }), base: { title: 'r' } },
    Scenario: { at: (o) => ({ scenarios: [o] }), base: { id: 's', assign: {} } },
  };
  it('covers every object of the schema', () => expect(Object.keys(PLACES).sort()).toEqual(Object.keys(SHAPES).sort()));

  /** zod's output or a refusal where zod refuses; stepping aside on a clean one-field plan is a failure too. */
  const sameAsZod = (raw: Record<string, unknown>): 'agreed' | 'refused' | 'aside' => {
    const mine = fastPlan(raw);
    const theirs = schema.Plan.safeParse(raw);
    if (!theirs.success) {
      expect(mine, JSON.stringify(raw)).toBeUndefined();
      return 'refused';
    }
    // One field of plain data: no reason to step aside, but for a `__proto__` key (refused on purpose).
    if (mine === undefined && JSON.stringify(raw).includes('"__proto__"')) return 'aside';
    expect(mine, JSON.stringify(raw)).toBeDefined();
    expect(JSON.stringify(mine)).toBe(JSON.stringify(theirs.data));
    expect(mine).toEqual(theirs.data);
    return 'agreed';
  };
  const planWith = (shape: string, key: string, v: unknown, drop = false) => {
    const place = PLACES[shape];
    const obj: Record<string, unknown> = { ...place.base, [key]: v };
    if (drop) delete obj[key];
    return shape === 'Plan' ? obj : { planboard: 1, title: 'T', ...place.at(obj) };
  };

  it('gives zod\'s very output or refuses, for every scalar (and list of one) in every field', () => {
    const seen = { agreed: 0, refused: 0, aside: 0 };
    for (const shape of Object.keys(PLACES))
      for (const key of [...Object.keys(SHAPES[shape]), 'nope'])
        for (const v of [...SCALARS, ...SCALARS.map((x) => [x])]) seen[sameAsZod(planWith(shape, key, v))]++;
    expect(seen.agreed).toBeGreaterThan(500);
    expect(seen.refused).toBeGreaterThan(500);
  });

  it('gives zod\'s very output or steps aside, for any value in any field', () => {
    const field = fc.constantFrom(...Object.keys(PLACES)).chain((shape) => fc.tuple(fc.constant(shape), fc.constantFrom(...Object.keys(SHAPES[shape]), 'nope')));
    const anyValue = fc.oneof(scalar, scalar.map((x) => [x]), value, fc.dictionary(fc.constantFrom('a', 'b', '1', '__proto__'), fc.array(scalar, { maxLength: 2 }), { maxKeys: 2, noNullPrototype: true }));
    let agreed = 0;
    let refusedByBoth = 0;
    fc.assert(
      fc.property(field, anyValue, fc.boolean(), ([shape, key], v, drop) => {
        const r = sameAsZod(planWith(shape, key, v, drop));
        if (r === 'agreed') agreed++;
        if (r === 'refused') refusedByBoth++;
      }),
      { numRuns: 2000 },
    );
    expect(agreed).toBeGreaterThan(200);
    expect(refusedByBoth).toBeGreaterThan(200);
  });

  it('accepts every bundled and fixture plan zod accepts, untouched', () => {
    for (const raw of bases) {
      const theirs = schema.Plan.safeParse(raw);
      if (theirs.success) expect(JSON.stringify(fastPlan(raw))).toBe(JSON.stringify(theirs.data));
      else expect(fastPlan(raw)).toBeUndefined();
    }
  });
});
