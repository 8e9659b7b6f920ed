// The JSON Schema for editors is generated from the zod Plan and kept in step with it; the
// `full` fixture and the format documentation cover every key it has.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlanText } from '../../../src/core/plan/load.js';
import * as formats from '../../../src/core/plan/schema.js';
import { PATTERN_MESSAGES, SCHEMA_DOCS } from '../../../src/core/plan/schema-docs.js';

type JsonSchema = { properties?: Record<string, JsonSchema>; items?: JsonSchema; anyOf?: JsonSchema[]; additionalProperties?: JsonSchema | boolean };
const schema = JSON.parse(readFileSync('schema/plan.schema.json', 'utf8')) as JsonSchema;

/** Every key path the schema allows, lists written as `[]`, records as `*`. */
function schemaPaths(s: JsonSchema, prefix = '', out = new Set<string>()): Set<string> {
  for (const [k, v] of Object.entries(s.properties ?? {})) {
    out.add(prefix + k);
    schemaPaths(v, `${prefix}${k}.`, out);
  }
  if (s.items) schemaPaths(s.items, prefix.replace(/\.$/, '') + '[].', out);
  for (const b of s.anyOf ?? []) schemaPaths(b, prefix, out);
  if (typeof s.additionalProperties === 'object') schemaPaths(s.additionalProperties, prefix + '*.', out);
  return out;
}

function dataPaths(v: unknown, prefix = '', out = new Set<string>(), inRecord = false): Set<string> {
  if (Array.isArray(v)) v.forEach((x) => dataPaths(x, prefix.replace(/\.$/, '') + '[].', out));
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      const key = inRecord ? '*' : k;
      if (!inRecord) out.add(prefix + key);
      dataPaths(x, `${prefix}${key}.`, out, k === 'assign' && !inRecord);
    }
  }
  return out;
}

describe('schema/plan.schema.json', () => {
  const gen = (...args: string[]) => spawnSync(process.execPath, ['scripts/gen-schema.mjs', ...args], { encoding: 'utf8' });

  it('matches what scripts/gen-schema.mjs generates from the zod Plan (run it after changing schema.ts)', () => {
    const r = gen('--check');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('the check fails on a stale copy', () => {
    const dir = mkdtempSync(join(tmpdir(), 'planboard-schema-'));
    try {
      const stale = join(dir, 'plan.schema.json');
      writeFileSync(stale, JSON.stringify({ ...schema, properties: { ...schema.properties, gone: {} } }, null, 2) + '\n');
      const r = gen('--check', '--out', stale);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('is stale');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses unknown keys and gives patterns for dates and durations, as the validator does', () => {
    const issue = schema.properties!.issues.items!;
    expect((issue as { additionalProperties?: boolean }).additionalProperties).toBe(false);
    const doneOn = issue.properties!.done_on as { pattern?: string; patternErrorMessage?: string };
    for (const good of ['2026-01-31', '2026-04-30', '2028-02-29']) expect(new RegExp(doneOn.pattern!).test(good)).toBe(true);
    for (const bad of ['2026-13-01', '2026-04-31', '2026-02-30', '26-01-01']) expect(new RegExp(doneOn.pattern!).test(bad)).toBe(false);
    expect(doneOn.patternErrorMessage).toBe(PATTERN_MESSAGES.date);
    const estimate = issue.properties!.estimate.anyOf!.find((b) => (b as { type?: string }).type === 'string') as { pattern?: string };
    expect(new RegExp(estimate.pattern!).test('3-5d')).toBe(true);
    expect(new RegExp(estimate.pattern!).test('two days')).toBe(false);
    const hours = (issue.properties!.log.items!.properties!.hours) as { maximum?: number };
    expect(hours.maximum).toBe(24);
  });

  it('describes every key, for hover and completion in editors', () => {
    const undescribed: string[] = [];
    const walk = (s: JsonSchema, at: string) => {
      for (const [k, v] of Object.entries(s.properties ?? {})) {
        if (!(v as { description?: string }).description) undescribed.push(at + k);
        walk(v, `${at}${k}.`);
      }
      if (s.items) walk(s.items, at.replace(/\.$/, '') + '[].');
      for (const b of s.anyOf ?? []) walk(b, at);
      if (typeof s.additionalProperties === 'object') walk(s.additionalProperties, at + '*.');
    };
    walk(schema, '');
    expect(undescribed).toEqual([]);
  });

  it('describes no key the format lacks', () => {
    const shapes: Record<string, { shape: Record<string, unknown> }> = {
      ...(formats as unknown as Record<string, { shape: Record<string, unknown> }>),
      DependencyWithLag: (formats.Dependency as unknown as { options: Array<{ shape: Record<string, unknown> }> }).options[1],
      SubtaskItem: (formats.Subtask as unknown as { options: Array<{ shape: Record<string, unknown> }> }).options[1],
    };
    const stray = Object.entries(SCHEMA_DOCS).flatMap(([name, keys]) =>
      Object.keys(keys).filter((k) => !(k in (shapes[name]?.shape ?? {}))).map((k) => `${name}.${k}`),
    );
    expect(stray).toEqual([]);
  });
});

describe('test/fixtures/valid/full.yaml', () => {
  const text = readFileSync('test/fixtures/valid/full.yaml', 'utf8');

  it('is valid and uses every key of the format', () => {
    const r = loadPlanText(text, 'full.yaml');
    expect(r.ok).toBe(true);
    const used = dataPaths(r.ok ? r.plan.data : {});
    const all = [...schemaPaths(schema)];
    expect(all.length).toBeGreaterThan(100); // the walk really sees the nested keys
    const missing = all.filter((p) => !used.has(p));
    expect(missing).toEqual([]);
  });

  it('starts with the yaml-language-server schema line', () => {
    for (const f of ['full', 'minimal']) {
      expect(readFileSync(`test/fixtures/valid/${f}.yaml`, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../../../schema/plan.schema.json');
    }
  });
});

describe('docs/plan-format.md', () => {
  it('holds a complete example plan that validates', () => {
    const doc = readFileSync('docs/plan-format.md', 'utf8');
    const example = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]).find((b) => b.includes('planboard: 1'));
    expect(example).toBeDefined();
    const r = loadPlanText(example!, 'example.yaml');
    expect(r.ok ? r.plan.model.issues.map((i) => i.id) : r.problems).toEqual(['WEB-1', 'WEB-2', '#44', 'WEB-3']);
  });

  it('documents every key of the format', () => {
    const doc = readFileSync('docs/plan-format.md', 'utf8');
    const keys = new Set([...schemaPaths(schema)].map((p) => p.split('.').pop()!.replace('[]', '')).filter((k) => k !== '*'));
    const undocumented = [...keys].filter((k) => !doc.includes(`\`${k}\``) && !doc.includes(`${k}:`));
    expect(undocumented).toEqual([]);
  });
});
