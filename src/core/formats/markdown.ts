// Markdown roadmaps, todo lists and changelogs. The parser (micromark + GFM, about 200 kB)
// is loaded here on demand, so only `planboard import` pays for it.
import { detectFormat } from './roadmap/lines.js';
import { importRoadmap } from './roadmap/engine.js';
import { jsonOf } from './json-source.js';
import { firstTooDeep, MAX_NESTING } from './roadmap/nesting.js';
import { ImportError, type FormatOption, type Importer, type OptionValues } from './types.js';

/** The options of both roadmap formats. */
export const ROADMAP_OPTIONS: Record<string, FormatOption> = {
  'id-prefix': { type: 'string', description: 'ids for items that have none: PREFIX-1, PREFIX-2, … (default: the plan\'s own pattern)' },
};

export function idPrefix(options: OptionValues): string | undefined {
  const p = options['id-prefix'];
  if (p === undefined) return undefined;
  if (typeof p !== 'string' || !/^[A-Za-z][\w.-]*$/.test(p)) throw new ImportError(`--id-prefix: expected letters, digits, "-", "_" or ".", starting with a letter, got "${String(p)}"`, true);
  return p;
}

export const markdown: Importer = {
  name: 'markdown',
  description: 'a Markdown roadmap, todo list or changelog: task lists, plan bullets, headings as groups and milestones, tables',
  options: ROADMAP_OPTIONS,
  patterns: ['*.md', '*.markdown', '*.txt'],
  // A CSV file that no tracker claims is not prose.
  detect: (s) => (s.files || jsonOf(s) !== undefined || /\.csv$/i.test(s.name) ? 0 : detectFormat(s.text) === 'markdown' ? 2 : 1),
  async read(source, options) {
    const deep = firstTooDeep(source.text);
    if (deep) throw new ImportError(`${source.name}:${deep.line}:${deep.col}: lists or block quotes nested more than ${MAX_NESTING} deep; planboard reads up to ${MAX_NESTING} levels`);
    const { markdownLines } = await import('./roadmap/markdown-lines.js');
    const { data, unplaced } = importRoadmap(markdownLines(source.text), source.text, { idPrefix: idPrefix(options) });
    return { data, unplaced, origin: `${baseName(source.name)} (Markdown)` };
  },
};

export const baseName = (p: string) => p.split(/[\\/]/).filter(Boolean).pop() ?? p;
