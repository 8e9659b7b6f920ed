// Reads back our own JSON export (export-json.ts): its `plan` member is the plan as written.
import { EXPORT_VERSION } from './export-json.js';
import { isObject, jsonOf } from './json-source.js';
import { baseName } from './markdown.js';
import { ImportError, type Importer } from './types.js';

export const planboardJson: Importer = {
  name: 'planboard-json',
  description: "planboard's own JSON export (planboard export --format json)",
  patterns: ['*.json'],
  // Any other JSON object lands here too, to be refused with a message that says why.
  detect: (s) => {
    const j = jsonOf(s);
    return isObject(j) ? (isObject(j.plan) ? 10 : 1) : !s.files && /^\s*\{/.test(s.text) ? 1 : 0;
  },
  read(source) {
    try {
      return { data: planFromExport(source.text, source.name), unplaced: [], origin: `the JSON export ${baseName(source.name)}` };
    } catch (e) {
      throw new ImportError((e as Error).message);
    }
  },
};

export function planFromExport(text: string, source: string): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new Error(`${source}: not valid JSON: ${(e as Error).message}`);
  }
  const o = doc as { version?: unknown; plan?: { planboard?: unknown } } | null;
  if (!o || typeof o !== 'object' || !o.plan || typeof o.plan !== 'object')
    throw new Error(`${source}: JSON without a "plan" member: only planboard's own export (planboard export --format json) can be imported`);
  if (o.version !== EXPORT_VERSION) throw new Error(`${source}: export version ${JSON.stringify(o.version)} is not supported (expected ${EXPORT_VERSION})`);
  if (o.plan.planboard !== 1) throw new Error(`${source}: the exported plan is not planboard format 1`);
  return o.plan as Record<string, unknown>;
}
