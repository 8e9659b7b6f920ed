// Plan data → the YAML text `import` writes: the schema modeline first, so editors check the
// file, then a comment saying where it came from.
import { Document } from 'yaml';
import { schemaPath } from '../plan/schema-location.js';

/** `modeline` is where the new plan will find the schema (schemaModeline); by default the installed schema's path. */
export function planYaml(data: Record<string, unknown>, comment: string, modeline = `# yaml-language-server: $schema=${schemaPath()}`): string {
  const doc = new Document(data);
  doc.commentBefore = comment.split('\n').map((l) => ` ${l}`).join('\n');
  return `${modeline}\n${doc.toString({ lineWidth: 0 })}`;
}
