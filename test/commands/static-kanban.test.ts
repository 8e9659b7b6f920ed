// The kanban printed when stdout is not a terminal: every issue, as wide as COLUMNS asks, but
// never wider than WIDEST (COLUMNS=99999999 once built lines of 100 million characters).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { staticKanban } from '../../src/cli/render.js';
import { WIDEST } from '../../src/cli/spec.js';
import { loadPlanText } from '../../src/core/plan/load.js';

const file = 'plans/k3s-mono-pgsql.yaml';
const text = readFileSync(file, 'utf8');
const loaded = loadPlanText(text, file);
if (!loaded.ok) throw new Error(`${file} does not load`);
const widest = (s: string) => Math.max(...s.split('\n').map((l) => [...l].length));
const draw = (columns: string) => staticKanban(file, text, loaded.plan.data, '2026-03-02', columns);

describe('the piped kanban', () => {
  it('is COLUMNS wide when COLUMNS asks for more than the columns need', async () => {
    const out = await draw('300');
    expect(widest(out)).toBeLessThanOrEqual(300);
    expect(out).toMatch(/│done \(0\)/);
  });

  it(`counts a COLUMNS past ${WIDEST} as ${WIDEST}`, async () => {
    const huge = await draw('99999999');
    expect(widest(huge)).toBeLessThanOrEqual(WIDEST);
    expect(huge).toBe(await draw(String(WIDEST)));
  });
});
