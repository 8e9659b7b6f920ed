// Each of the ten public roadmaps, imported through the CLI, validates and shows on the board
// (`planboard render`). Slow: it renders ten boards.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPlanText } from '../../src/core/plan/load.js';
import { cli, tempDir } from './helpers.js';
import { DIR, SPECS } from './roadmap-specs.js';

describe('import of ten public roadmaps, end to end', () => {
  it.each(SPECS)('$file: the imported plan validates and shows on the board', async (spec) => {
    const dir = tempDir();
    const src = join(dir, spec.file);
    writeFileSync(src, readFileSync(join(DIR, spec.file)));
    const out = join(dir, 'plan.yaml');
    const imported = await cli(['import', src, '-o', out]);
    expect(imported.code, imported.err).toBe(0);
    const validated = await cli(['validate', out]);
    expect(validated.code, validated.out + validated.err).toBe(0);
    const board = await cli(['render', out, '--view', 'kanban', '--width', '120', '--height', '30', '--today', '2026-01-05']);
    expect(board.code, board.err).toBe(0);
    const plan = loadPlanText(readFileSync(out, 'utf8'), out);
    if (!plan.ok) throw new Error('does not load');
    // The board shows the first issue's title (cut to its column's width).
    const first = plan.plan.model.issues[0].title.slice(0, 8);
    expect(board.out).toContain(first);
  });
});
