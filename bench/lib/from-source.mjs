// TypeScript modules of src/ for plain-JS scripts (benchmarks, the plan generator) on Node 20,
// which cannot import .ts: esbuild (already the build's tool) bundles the named exports into one
// module, which is imported from a temporary file. No build step, no second copy of the code.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('../..', import.meta.url).pathname;

/** `{ 'src/core/random.ts': ['rng'] }` → a module with those exports, from the source as it is. */
export async function fromSource(exports) {
  const contents = Object.entries(exports)
    .map(([file, names]) => `export { ${names.join(', ')} } from ${JSON.stringify(join(root, file))};`)
    .join('\n');
  const dir = mkdtempSync(join(tmpdir(), 'pb-from-source-'));
  try {
    const outfile = join(dir, 'module.mjs');
    await build({ stdin: { contents, loader: 'ts', resolveDir: root }, bundle: true, format: 'esm', platform: 'node', outfile, logLevel: 'warning' });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
