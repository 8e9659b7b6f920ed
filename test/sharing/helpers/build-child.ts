// Bundles a child-process entry (TypeScript, our real sources) into a temp dir once per test file,
// so tests can run several real processes against one plan.
import { build } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export async function buildChild(entry: 'child-lock' | 'child-commit' | 'child-merge' | 'child-board'): Promise<string> {
  const outdir = mkdtempSync(join(tmpdir(), 'pb-child-'));
  const outfile = join(outdir, `${entry}.mjs`);
  await build({
    entryPoints: [fileURLToPath(new URL(`./${entry}.ts`, import.meta.url))],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return outfile;
}
