// Writes schema/plan.schema.json from the zod `Plan` in src/core/plan/schema.ts, the same
// definition the validator uses. `--check` exits 1 when the committed file is stale.
// Run: node scripts/gen-schema.mjs [--check] [--out FILE]
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outArg = process.argv.indexOf('--out');
const out = outArg > 0 ? process.argv[outArg + 1] : `${root}schema/plan.schema.json`;

// schema.ts is TypeScript: bundle it (with zod, so one zod instance builds and converts it).
const bundled = await build({
  stdin: {
    contents:
      "export * from './src/core/plan/schema.ts'; export { CAPACITY_RE } from './src/core/plan/format.ts'; export * from './src/core/plan/schema-docs.ts'; export { z } from 'zod';",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  logLevel: 'error',
});
const mod = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);
const { z, Plan, Duration, Capacity, DateStr, DURATION_RE, CAPACITY_RE, SCHEMA_DOCS, PATTERN_MESSAGES } = mod;

// Patterns the refinements check, so editors flag a bad date, duration or capacity while typing.
// The date pattern knows month lengths (Feb 29 is let through; the validator checks leap years).
const CALENDAR_DATE =
  '^\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2\\d))$';
const patterns = new Map([
  [Duration, [DURATION_RE.source, PATTERN_MESSAGES.duration]],
  [Capacity, [`^\\s*\\d+(\\.\\d+)?\\s*$|${CAPACITY_RE.source}`, PATTERN_MESSAGES.capacity]],
  [DateStr, [CALENDAR_DATE, PATTERN_MESSAGES.date]],
]);

// Every object of the format, by the name SCHEMA_DOCS uses; two live inside unions.
const objects = new Map(Object.keys(SCHEMA_DOCS).map((name) => [mod[name], name]));
objects.set(mod.Dependency.options[1], 'DependencyWithLag');
objects.set(mod.Subtask.options[1], 'SubtaskItem');
objects.delete(undefined);
// What the validator checks in code and an editor can check too.
const limits = { TimeEntry: { hours: { maximum: 24 } } };

const schema = z.toJSONSchema(Plan, {
  io: 'input',
  target: 'draft-2020-12',
  override(ctx) {
    const name = objects.get(ctx.zodSchema);
    if (name) {
      for (const [key, prop] of Object.entries(ctx.jsonSchema.properties ?? {})) {
        const description = SCHEMA_DOCS[name][key];
        if (description) prop.description = description;
        Object.assign(prop, limits[name]?.[key]);
      }
    }
    const pattern = patterns.get(ctx.zodSchema);
    if (!pattern) return;
    const [source, message] = pattern;
    const branches = ctx.jsonSchema.type === 'string' ? [ctx.jsonSchema] : (ctx.jsonSchema.anyOf ?? []);
    for (const branch of branches) {
      if (branch.type !== 'string') continue;
      branch.pattern = source;
      branch.patternErrorMessage = message;
    }
  },
});
schema.$id = 'https://planboard.dev/schema/plan.schema.json'; // stable name; the file itself: planboard schema --path
schema.title = 'planboard plan, format version 1';
schema.description = 'A plan for planboard. Format reference: docs/plan-format.md';
const text = JSON.stringify(schema, null, 2) + '\n';

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(out, 'utf8');
  } catch {}
  if (committed !== text) {
    console.error(`${out} is stale: run node scripts/gen-schema.mjs`);
    process.exit(1);
  }
  console.log(`${out} is up to date`);
} else {
  writeFileSync(out, text);
  console.log(`wrote ${out}`);
}
