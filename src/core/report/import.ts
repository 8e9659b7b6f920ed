// `planboard import`: a roadmap (Markdown, reStructuredText) or our own JSON export → plan YAML.
// The format is read from the content, not the file name.
import { Document } from 'yaml';
import { detectFormat } from './import-lines.js';
import { importRoadmap, type Unplaced } from './import-roadmap.js';
import { planFromExport } from './import-json.js';

export type ImportFormat = 'markdown' | 'rst' | 'json';

export interface ImportResult {
  format: ImportFormat;
  /** The plan as YAML text, ready to write. */
  yaml: string;
  data: Record<string, unknown>;
  unplaced: Unplaced[];
}

export class ImportError extends Error {}

export function detectImportFormat(text: string): ImportFormat {
  const t = text.replace(/^\uFEFF/, '').trimStart();
  if (t.startsWith('{')) return 'json';
  return detectFormat(text);
}

export function importText(text: string, source: string): ImportResult {
  if (!text.trim()) throw new ImportError(`${source}: the file is empty: nothing to import`);
  if (text.includes('\u0000')) throw new ImportError(`${source}: binary file: expected Markdown, reStructuredText or a planboard JSON export`);
  const format = detectImportFormat(text);
  if (format === 'json') {
    let data: Record<string, unknown>;
    try {
      data = planFromExport(text, source);
    } catch (e) {
      throw new ImportError((e as Error).message);
    }
    return { format, data, yaml: toYaml(data, `Imported by planboard from the JSON export ${basename(source)}.`), unplaced: [] };
  }
  const { data, unplaced } = importRoadmap(text, format);
  const header =
    `Imported by planboard from ${basename(source)} (${format === 'rst' ? 'reStructuredText' : 'Markdown'}).` +
    (unplaced.length ? `\n${unplaced.length} line(s) it could not place are kept under \`notes\` at the end.` : '');
  return { format, data, yaml: toYaml(data, header), unplaced };
}

const basename = (p: string) => p.split(/[\\/]/).pop() ?? p;

export function toYaml(data: Record<string, unknown>, comment?: string): string {
  const doc = new Document(data);
  if (comment) doc.commentBefore = comment.split('\n').map((l) => ` ${l}`).join('\n');
  return doc.toString({ lineWidth: 0 });
}
