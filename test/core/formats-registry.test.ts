// The one list of formats: every importer and exporter named once, each source claimed by the
// importer written for it, and each registered exporter writing what its report module writes.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXPORTERS, IMPORTERS, exporterNamed, importerNamed, importerOptions, pickImporter } from '../../src/core/formats/registry.js';
import { exportCsv } from '../../src/core/formats/export-csv.js';
import { exportJson } from '../../src/core/formats/export-json.js';
import { exportMermaid } from '../../src/core/formats/export-mermaid.js';
import { exportTjp } from '../../src/core/formats/export-tjp.js';
import { loadPlanText } from '../../src/core/plan/load.js';
import { schedulePlan } from '../../src/core/schedule/scheduler.js';
import { COMMANDS } from '../../src/cli/commands.js';

const fixture = (p: string) => ({ name: p, text: readFileSync(resolve(__dirname, '../fixtures', p), 'utf8') });

describe('the format registry', () => {
  it('names each format once, with a description and the files it reads or writes', () => {
    for (const list of [IMPORTERS, EXPORTERS]) {
      expect(new Set(list.map((f) => f.name)).size).toBe(list.length);
      for (const f of list) expect([f.description.length > 10, f.patterns.length > 0]).toEqual([true, true]);
    }
    expect(importerNamed('jira-csv')?.name).toBe('jira-csv');
    expect(exporterNamed('nope')).toBeUndefined();
  });

  it('gathers each format option once, with the formats that take it', () => {
    expect([...importerOptions()].map(([name, o]) => [name, o.formats])).toEqual([['id-prefix', ['markdown', 'rst']]]);
  });

  it.each([
    ['trackers/gh-issue-list.json', 'github-issues'],
    ['trackers/gh-project-item-list.json', 'github-project'],
    ['trackers/jira-export.csv', 'jira-csv'],
    ['trackers/linear-export.csv', 'linear-csv'],
    ['trackers/taskwarrior-export.json', 'taskwarrior'],
    ['roadmaps/mu-ROADMAP.rst', 'rst'],
    ['roadmaps/proj-flow-ROADMAP.md', 'markdown'],
  ])('%s is read by %s', (file, name) => {
    expect(pickImporter(fixture(file))?.name).toBe(name);
  });

  it('each exporter writes exactly what its report module writes', () => {
    const loaded = loadPlanText(readFileSync(resolve(__dirname, '../../plans/k3s-mono-pgsql.yaml'), 'utf8'), 'k3s.yaml');
    if (!loaded.ok) throw new Error('the bundled plan does not load');
    const schedule = schedulePlan(loaded.plan.model, { today: '2026-02-16' });
    const direct = { json: exportJson, csv: exportCsv, mermaid: exportMermaid, tjp: exportTjp } as const;
    expect(EXPORTERS.map((e) => e.name)).toEqual(Object.keys(direct));
    for (const e of EXPORTERS) expect(e.write(loaded.plan.model, schedule)).toBe(direct[e.name as keyof typeof direct](loaded.plan.model, schedule));
  });

  it("offers exactly the registered exporters as `export --format` choices", () => {
    const format = COMMANDS.find((c) => c.name === 'export')?.options?.find((o) => o.name === 'format');
    expect(format?.choices).toEqual(EXPORTERS.map((e) => e.name));
  });
});
