// Where the plan format's JSON Schema lives, so a plan anywhere on disk can name it in its
// yaml-language-server modeline. The schema ships in the package beside dist/ (package.json
// `files`), so the path is found from this module's own location at run time.
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The installed plan.schema.json: `<package>/schema/plan.schema.json`. */
export function schemaPath(from: string = fileURLToPath(import.meta.url)): string {
  // dist/planboard.js (bundled) or src/core/plan/schema-location.ts (tests): walk up to the package.
  let dir = dirname(from);
  for (;;) {
    const candidate = join(dir, 'schema', 'plan.schema.json');
    if (existsSync(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir) return resolve(dirname(from), '..', 'schema', 'plan.schema.json');
    dir = up;
  }
}

/**
 * The modeline for a plan written at `planFile`: a path relative to the plan when both live in
 * one tree (this repository's plans/), else the absolute path of the installed schema, which
 * stays valid wherever the plan is copied on this machine.
 */
export function schemaModeline(planFile: string, schema: string = schemaPath()): string {
  const planDir = dirname(resolve(planFile));
  const packageRoot = dirname(dirname(schema));
  const inside = relative(packageRoot, planDir);
  const sameTree = inside === '' || (!inside.startsWith('..') && !isAbsolute(inside));
  const target = sameTree ? relative(planDir, schema).split(sep).join('/') : schema;
  return `# yaml-language-server: $schema=${target}`;
}
