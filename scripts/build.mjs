// Bundles the CLI into dist/ so start-up never pays for the ESM loader walking node_modules.
// Code splitting keeps Ink and React out of the non-UI commands: they load only on dynamic import.
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { inkPatches } from './ink-patches.mjs';

const require = createRequire(import.meta.url);

/**
 * Dead weight left out (size only; none of it runs): zod's 40-odd locales (we use its English
 * messages, which zod loads on its own) and Ink's React devtools bridge, which Ink imports only
 * when DEV=true and which needs react-devtools-core, not a dependency.
 * Ink's development mode is off whatever DEV says: with DEV=true (a name many shells set for
 * their own reasons) Ink would try that bridge and read a package.json beside its build, which
 * the bundle does not have, and the board would die before its first frame.
 */
export function deadWeight() {
  const zodEn = require.resolve('zod/v4/locales/en.js');
  return {
    name: 'planboard-dead-weight',
    setup(b) {
      b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
        /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'planboard-stub' } : undefined,
      );
      b.onResolve({ filter: /^\.\/devtools\.js$/ }, (args) =>
        /[\\/]node_modules[\\/]ink[\\/]build[\\/]/.test(args.importer) ? { path: 'ink-devtools', namespace: 'planboard-stub' } : undefined,
      );
      b.onResolve({ filter: /^\.\/utils\.js$/ }, (args) =>
        /[\\/]node_modules[\\/]ink[\\/]build[\\/]/.test(args.importer) ? { path: 'ink-utils', namespace: 'planboard-stub' } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'planboard-stub' }, (args) => ({
        contents:
          args.path === 'zod-locales'
            ? `export { default as en } from ${JSON.stringify(zodEn)};`
            : args.path === 'ink-utils'
              ? 'export const isDev = () => false;'
              : "const e = new Error(\"Cannot find package 'react-devtools-core'\"); e.code = 'ERR_MODULE_NOT_FOUND'; throw e;",
        resolveDir: '.',
        loader: 'js',
      }));
    },
  };
}

/**
 * What the bundle is built from: a hash of every source file and the lockfile. Caches of computed
 * output key on it, so a build from changed code never serves what older code computed.
 */
export function buildId() {
  const root = new URL('../', import.meta.url);
  const hash = createHash('sha256');
  const files = readdirSync(new URL('src/', root), { recursive: true }).map(String).filter((f) => /\.(ts|tsx)$/.test(f)).sort();
  for (const f of files) hash.update(`${f}\0`).update(readFileSync(new URL(`src/${f}`, root))).update('\0');
  hash.update(readFileSync(new URL('package-lock.json', root)));
  return hash.digest('hex').slice(0, 32);
}

/** esbuild's options for dist/ (tests build with them too, e.g. to read the metafile). */
export const buildOptions = {
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
  define: { 'process.env.NODE_ENV': '"production"', __PLANBOARD_BUILD__: JSON.stringify(buildId()) },
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __pbCreateRequire } from 'node:module'; const require = __pbCreateRequire(import.meta.url);",
  },
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [inkPatches(), deadWeight()],
  logLevel: 'warning',
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
  await build(buildOptions);
}
