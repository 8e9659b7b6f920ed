#!/usr/bin/env node
// Writes the key table generated from the keymap (src/keymap/key-table.ts) to docs/keys.md and
// between <!-- keys:start --> and <!-- keys:end --> in README.md.
//   node scripts/gen-keys.mjs          write both
//   node scripts/gen-keys.mjs --check  exit 1 if either is stale
import { build } from 'esbuild';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(tmpdir(), `planboard-keys-${process.pid}.mjs`);
await build({ entryPoints: [join(root, 'src/keymap/key-table.ts')], bundle: true, format: 'esm', platform: 'node', outfile: out, logLevel: 'error' });
const { keysDoc, spliceKeys } = await import(pathToFileURL(out).href);
rmSync(out, { force: true });

const check = process.argv.includes('--check');
const stale = [];
const update = (path, next) => {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
  if (next === null || current === next) return;
  stale.push(path.slice(root.length));
  if (!check) writeFileSync(path, next);
};
update(join(root, 'docs/keys.md'), keysDoc());
const readme = join(root, 'README.md');
if (existsSync(readme)) update(readme, spliceKeys(readFileSync(readme, 'utf8')));

if (check && stale.length) {
  console.error(`key table is stale in ${stale.join(', ')}: run node scripts/gen-keys.mjs`);
  process.exit(1);
}
if (!check) console.log(stale.length ? `wrote ${stale.join(', ')}` : 'key tables are current');
