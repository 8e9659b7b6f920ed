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
    contents: "export * from './src/core/plan/schema.ts'; export { z } from 'zod';",
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
const { z, Plan, Duration, Capacity, DURATION_RE, CAPACITY_RE } = mod;

// Patterns the refinements check, so editors flag a bad duration or capacity while typing.
const patterns = new Map([
  [Duration, DURATION_RE.source],
  [Capacity, `^\\s*\\d+(\\.\\d+)?\\s*$|${CAPACITY_RE.source}`],
]);

const schema = z.toJSONSchema(Plan, {
  io: 'input',
  target: 'draft-2020-12',
  override(ctx) {
    const pattern = patterns.get(ctx.zodSchema);
    if (!pattern) return;
    for (const branch of ctx.jsonSchema.anyOf ?? []) if (branch.type === 'string') branch.pattern = pattern;
  },
});
schema.$id = 'https://planboard.dev/schema/plan.schema.json';
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
