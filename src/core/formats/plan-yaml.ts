// Plan data → the YAML text `import` writes: the schema modeline first, so editors check the
// file, then a comment saying where it came from.
import { Document } from 'yaml';

/** Where the JSON Schema is, relative to a plan in the package's own `plans/` (and tests' fixtures). */
export const DEFAULT_SCHEMA = '../schema/plan.schema.json';

export function planYaml(data: Record<string, unknown>, comment: string, schema = DEFAULT_SCHEMA): string {
  const doc = new Document(data);
  doc.commentBefore = comment.split('\n').map((l) => ` ${l}`).join('\n');
  return `# yaml-language-server: $schema=${schema}\n${doc.toString({ lineWidth: 0 })}`;
}
