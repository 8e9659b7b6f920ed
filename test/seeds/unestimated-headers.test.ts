// The board says, in the timeline and capacity headers, how many open issues have no estimate
// and what was assumed; a plan with estimates for everything shows no such line.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/command.js';
import { REPO } from './helpers.js';

async function render(plan: string, view: string, today: string) {
  let out = '';
  const io: Io = { out: (t) => void (out += t.endsWith('\n') ? t : t + '\n'), err: () => {}, cwd: REPO, isTTY: false };
  const code = await main(['render', plan, '--view', view, '--width', '100', '--height', '24', '--today', today], io);
  return { code, lines: out.split('\n') };
}

describe('headers say what was assumed for missing estimates', () => {
  it.each(['timeline', 'capacity'])('%s of platform-delivery: 41 sized from their sprint', async (view) => {
    const { code, lines } = await render('plans/platform-delivery.yaml', view, '2025-10-22');
    expect(code).toBe(0);
    const at = lines.findIndex((l) => /^\? 41 open issues have no estimate: 41 sized from their sprint/.test(l));
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(5); // in the header, above the rows
  });

  it.each(['timeline', 'capacity'])('%s of koprogo (every issue estimated): no such line', async (view) => {
    const { lines } = await render('plans/koprogo-roadmap.yaml', view, '2025-11-03');
    expect(lines.some((l) => /have no estimate/.test(l))).toBe(false);
  });
});
