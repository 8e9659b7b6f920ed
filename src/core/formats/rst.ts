// reStructuredText roadmaps: over- and underlined titles, bullets, list-tables.
import { detectFormat, rstLines } from './roadmap/lines.js';
import { importRoadmap } from './roadmap/engine.js';
import { baseName, idPrefix, ROADMAP_OPTIONS } from './markdown.js';
import type { Importer } from './types.js';

export const rst: Importer = {
  name: 'rst',
  description: 'a reStructuredText roadmap: section titles as groups and milestones, bullets, list-tables',
  options: ROADMAP_OPTIONS,
  patterns: ['*.rst'],
  detect: (s) => (!s.files && detectFormat(s.text) === 'rst' ? 3 : 0),
  read(source, options) {
    const { data, unplaced } = importRoadmap(rstLines(source.text), source.text, { idPrefix: idPrefix(options) });
    return { data, unplaced, origin: `${baseName(source.name)} (reStructuredText)` };
  },
};
