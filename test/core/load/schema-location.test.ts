// Plans name the schema in their first line; the name must resolve wherever the plan is.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaModeline, schemaPath } from '../../../src/core/plan/schema-location.js';

describe('schemaPath', () => {
  it('finds the schema the package ships, from the source tree and from dist/', () => {
    expect(schemaPath()).toBe(resolve('schema/plan.schema.json'));
    expect(schemaPath(resolve('dist/planboard.js'))).toBe(resolve('schema/plan.schema.json'));
    expect(existsSync(schemaPath())).toBe(true);
  });
});

describe('schemaModeline', () => {
  const schema = '/opt/planboard/schema/plan.schema.json';
  it('is relative inside the same tree, as the bundled plans have it', () => {
    expect(schemaModeline('/opt/planboard/plans/x.yaml', schema)).toBe('# yaml-language-server: $schema=../schema/plan.schema.json');
    expect(schemaModeline('/opt/planboard/plan.yaml', schema)).toBe('# yaml-language-server: $schema=schema/plan.schema.json');
  });
  it('is absolute for a plan elsewhere, so a copied plan still finds it', () => {
    expect(schemaModeline('/home/alice/work/roadmap/plan.yaml', schema)).toBe(`# yaml-language-server: $schema=${schema}`);
    expect(schemaModeline(join('/tmp', 'plan.yaml'), schema)).toBe(`# yaml-language-server: $schema=${schema}`);
  });
  it('matches the first line of every bundled plan', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    for (const f of readdirSync('plans').filter((f) => f.endsWith('.yaml'))) {
      expect(readFileSync(join('plans', f), 'utf8').split('\n')[0]).toBe(schemaModeline(resolve('plans', f)));
    }
  });
});
