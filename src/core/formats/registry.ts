// Every import and export format, in one list each. A new format is one module and one line here.
import { backlogMd } from './backlog-md.js';
import { githubIssues, githubProject } from './github.js';
import { jiraCsv } from './jira-csv.js';
import { linearCsv } from './linear-csv.js';
import { markdown } from './markdown.js';
import { planboardJson } from './planboard-json.js';
import { rst } from './rst.js';
import { taskwarrior } from './taskwarrior.js';
import type { FormatOption, Importer, Source } from './types.js';

// Exporters have their own list, so `export` loads no importer.
export { EXPORTERS, exporterNamed } from './exporters.js';

export const IMPORTERS: readonly Importer[] = [markdown, rst, planboardJson, githubIssues, githubProject, jiraCsv, linearCsv, backlogMd, taskwarrior];

export const importerNamed = (name: string): Importer | undefined => IMPORTERS.find((f) => f.name === name);

/** Every importer option, for the command line: name → the formats that take it. */
export function importerOptions(): Map<string, { option: FormatOption; formats: string[] }> {
  const all = new Map<string, { option: FormatOption; formats: string[] }>();
  for (const f of IMPORTERS)
    for (const [name, option] of Object.entries(f.options ?? {})) {
      const seen = all.get(name);
      if (seen) seen.formats.push(f.name);
      else all.set(name, { option, formats: [f.name] });
    }
  return all;
}

/** The importer most sure it reads this source; ties go to the one listed first. */
export function pickImporter(source: Source): Importer | undefined {
  let best: Importer | undefined;
  let score = 0;
  for (const f of IMPORTERS) {
    const s = f.detect(source);
    if (s > score) [best, score] = [f, s];
  }
  return best;
}
