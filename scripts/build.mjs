// Bundles the CLI into dist/ so start-up never pays for the ESM loader walking node_modules.
// Code splitting keeps Ink and React out of the non-UI commands: they load only on dynamic import.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { inkPatches } from './ink-patches.mjs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { planboard: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  jsx: 'automatic',
  minify: false,
  legalComments: 'none',
  // Ink imports react-devtools-core only when DEV=true; it is not a dependency.
  external: ['react-devtools-core'],
  define: { 'process.env.NODE_ENV': '"production"' },
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __pbCreateRequire } from 'node:module'; const require = __pbCreateRequire(import.meta.url);",
  },
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [inkPatches()],
  logLevel: 'warning',
});
