// Markdown roadmaps, todo lists and changelogs. The parser (micromark + GFM, about 200 kB)
// is loaded here on demand, so only `planboard import` pays for it.
import { detectFormat } from './roadmap/lines.js';
import { importRoadmap } from './roadmap/engine.js';
import { jsonOf } from './json-source.js';
import type { Importer } from './types.js';

export const markdown: Importer = {
  name: 'markdown',
  description: 'a Markdown roadmap, todo list or changelog: task lists, plan bullets, headings as groups and milestones, tables',
  patterns: ['*.md', '*.markdown', '*.txt'],
  detect: (s) => (s.files || jsonOf(s) !== undefined ? 0 : detectFormat(s.text) === 'markdown' ? 2 : 1),
  async read(source) {
    const { markdownLines } = await import('./roadmap/markdown-lines.js');
    const { data, unplaced } = importRoadmap(markdownLines(source.text), source.text);
    return { data, unplaced, origin: `${baseName(source.name)} (Markdown)` };
  },
};

export const baseName = (p: string) => p.split(/[\\/]/).filter(Boolean).pop() ?? p;
