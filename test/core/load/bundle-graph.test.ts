// The bundle's import graph (esbuild's metafile, built with scripts/build.mjs's own options):
// what a reading command loads before it runs holds no YAML parser and no zod (js-yaml comes with
// the fast read on a cache miss, yaml and zod with the precise read, each behind a dynamic
// import), and the dead weight stays out of the bundle.
// lazy-precise.slow.test.ts checks the same on real runs of the built binary.
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOptions } from '../../../scripts/build.mjs';

let meta: Metafile;

beforeAll(async () => {
  const r = await build({ ...buildOptions, outdir: 'dist-graph-test', write: false, metafile: true, logLevel: 'silent' });
  meta = r.metafile!;
}, 60_000);

/** Every source module the given command's handler loads statically, with the CLI's entry. */
function staticClosure(handler: string): Set<string> {
  const outputs = meta.outputs;
  const entryOf = (src: string) => Object.keys(outputs).find((o) => outputs[o].entryPoint === src);
  const chunks = new Set<string>();
  const visit = (o: string) => {
    if (chunks.has(o)) return;
    chunks.add(o);
    for (const i of outputs[o].imports) if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  for (const src of ['src/cli/main.ts', handler]) {
    const o = entryOf(src);
    if (!o) throw new Error(`no output chunk for ${src}`);
    visit(o);
  }
  return new Set([...chunks].flatMap((o) => Object.keys(outputs[o].inputs)));
}

const lib = (name: string) => (input: string) => input.includes(`node_modules/${name}/`);

describe('the bundle', () => {
  it.each(['schedule', 'validate', 'capacity', 'standup', 'hours', 'report', 'export'])('`%s` loads neither zod nor yaml before it reads', (cmd) => {
    const inputs = [...staticClosure(`src/cli/${cmd}.ts`)];
    expect(inputs).toContain('src/core/plan/loaded-plan.ts');
    expect(inputs.filter(lib('zod'))).toEqual([]);
    expect(inputs.filter(lib('yaml'))).toEqual([]);
    // A plan from the cache of parsed plans loads no parser at all: js-yaml comes on a miss.
    expect(inputs.filter(lib('js-yaml'))).toEqual([]);
  });

  it('a static picture (`render`, a piped board) loads neither zod nor yaml: it draws from the board as it opens, without the edit machinery', () => {
    for (const src of ['src/cli/render.ts', 'src/store/view-state.ts', 'src/ui/static-text.ts']) {
      const inputs = [...staticClosure(src)];
      expect(inputs.filter((i) => lib('zod')(i) || lib('yaml')(i)), src).toEqual([]);
    }
    // The board itself, which edits, does bring them: the check above is not vacuous.
    expect([...staticClosure('src/ui/run-board.tsx')].some(lib('zod'))).toBe(true);
  });

  it('the fast read brings js-yaml and no more, when it is loaded', () => {
    const inputs = [...staticClosure('src/core/plan/load-fast.ts')];
    expect(inputs.some(lib('js-yaml'))).toBe(true);
    expect(inputs.filter((i) => lib('zod')(i) || lib('yaml')(i))).toEqual([]);
  });

  it('the precise read brings both, when it is loaded', () => {
    const inputs = [...staticClosure('src/core/plan/load.ts')];
    expect(inputs.some(lib('zod'))).toBe(true);
    expect(inputs.some(lib('yaml'))).toBe(true);
  });

  it("ships only zod's English messages and no devtools bridge", () => {
    const all = Object.keys(meta.inputs);
    expect(all.filter((i) => i.includes('zod/v4/locales/'))).toEqual(['node_modules/zod/v4/locales/en.js']);
    expect(all.filter((i) => i.includes('ink/build/devtools') || lib('ws')(i))).toEqual([]);
    expect(all.some(lib('zod'))).toBe(true); // the filters above see the real paths
  });
});
