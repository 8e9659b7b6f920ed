// `planboard import`: any registered source → plan YAML. The format is read from the content
// (or named with --from), never guessed from the file name alone.
import { importerNamed, pickImporter, IMPORTERS } from './registry.js';
import { planYaml } from './plan-yaml.js';
import { ImportError, type OptionValues, type Source, type Unplaced } from './types.js';

export { ImportError };

export interface ImportResult {
  /** The importer's registered name. */
  format: string;
  /** The plan as YAML text, ready to write, schema modeline first. */
  yaml: string;
  data: Record<string, unknown>;
  unplaced: Unplaced[];
}

export async function importSource(source: Source, opts: { from?: string; modeline?: string; options?: OptionValues } = {}): Promise<ImportResult> {
  if (!source.files) {
    if (!source.text.trim()) throw new ImportError(`${source.name}: the file is empty: nothing to import`);
    if (source.text.includes('\u0000')) throw new ImportError(`${source.name}: binary file: expected Markdown, reStructuredText, CSV or JSON`);
  }
  if (!source.files && !opts.from) badJson(source);
  const importer = opts.from ? importerNamed(opts.from) : pickImporter(source);
  if (!importer) {
    throw new ImportError(
      source.files
        ? `${source.name}: a folder planboard cannot import: expected a Backlog.md backlog/ folder with task files`
        : /\.csv$/i.test(source.name)
          ? `${source.name}:1:1: a CSV file that is neither a Jira export (Issue key, Summary) nor a Linear export (ID, Title, Team)`
          : `${source.name}: not a format planboard can import (${IMPORTERS.map((f) => f.name).join(', ')})`,
    );
  }
  if (Boolean(importer.folder) !== Boolean(source.files))
    throw new ImportError(`${source.name}: the ${importer.name} format reads ${importer.folder ? 'a folder' : 'a file'}, and this is ${source.files ? 'a folder' : 'a file'}`);
  const options = opts.options ?? {};
  for (const [name, value] of Object.entries(options))
    if (value !== undefined && !importer.options?.[name]) throw new ImportError(`--${name} is not an option of the ${importer.name} format`, true);
  const { data, unplaced, origin } = await importer.read(source, options);
  const header =
    `Imported by planboard from ${origin}.` + (unplaced.length ? `\n${unplaced.length} line(s) it could not place are kept under \`notes\` at the end.` : '');
  return { format: importer.name, data, yaml: planYaml(data, header, opts.modeline), unplaced };
}

/** A file that starts as JSON must be JSON: say where it breaks rather than read it as prose. */
function badJson(source: Source): void {
  const t = source.text.replace(/^\uFEFF/, '');
  if (!/^\s*[[{]/.test(t)) return;
  try {
    JSON.parse(t);
  } catch (e) {
    const msg = (e as Error).message;
    const at = /position (\d+)/.exec(msg);
    const pos = at ? +at[1] : t.length;
    const before = t.slice(0, pos).split('\n');
    throw new ImportError(`${source.name}:${before.length}:${before[before.length - 1].length + 1}: not valid JSON: ${msg.replace(/ in JSON at position \d+.*$/, '')}`);
  }
}

/** One file's text, as `planboard import FILE` reads it. */
export const importText = (text: string, name: string, opts?: { from?: string; modeline?: string; options?: OptionValues }) => importSource({ name, text }, opts);
