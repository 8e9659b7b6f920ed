// The Capacity pane in Ink with an injected store and fixed today; `p` and `c` through the board.
import { readFileSync } from 'node:fs';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { loadPlanText } from '../../src/core/plan/load.js';
import { createBoardStore } from '../../src/store/index.js';
import { Capacity } from '../../src/ui/panes/Capacity.js';
import { StoreProvider } from '../../src/ui/store-context.js';
import { textWidth } from '../../src/ui/text.js';
import { makeTheme, ThemeProvider } from '../../src/ui/theme.js';
import { memoryFile, renderBoard } from './helpers.js';

function store(file: string, today: string) {
  const text = readFileSync(file, 'utf8');
  const r = loadPlanText(text, file);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return createBoardStore({ file, text, data: r.plan.data, today, persistence: memoryFile(text).persistence });
}

describe('Capacity pane', () => {
  it('shows lanes by week and the milestone table within its box (STOA v4, solo lane at 8 h/week)', () => {
    const ui = render(
      <StoreProvider store={store('plans/stoa-2026-v4.yaml', '2026-01-05')}>
        <ThemeProvider value={makeTheme(false)}>
          <Capacity width={80} height={20} focused />
        </ThemeProvider>
      </StoreProvider>,
    );
    const lines = ui.lastFrame()!.split('\n');
    expect(lines.length).toBeLessThanOrEqual(20);
    for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(80);
    expect(lines[0]).toMatch(/^Capacity by week · plan as written/);
    expect(lines[1]).toMatch(/^lane\s+W02 01-05/);
    expect(lines.some((l) => /^\S.*\s\d+(\.\d)?\/8 /.test(l))).toBe(true); // a lane row: load of 8 h
    expect(lines.some((l) => /^Milestone\s+Due\s+Est\s+Left\s+Done\s+Expected\s+Optimist\s+Pessimist\s+Verdict/.test(l))).toBe(true);
    expect(lines.some((l) => /^Q3.*Jul 31.*(on-track|at-risk|late)/.test(l))).toBe(true);
    ui.unmount();
  });
});

describe('Capacity keys through the board', () => {
  it('p cycles week → month → quarter → sprint; sprints come from the plan\'s cadence', async () => {
    const b = await renderBoard({ store: store('plans/platform-delivery.yaml', '2025-10-22'), width: 96, height: 24 });
    await b.press('3');
    expect(b.frame()).toMatch(/Capacity by week/);
    await b.press('p');
    expect(b.frame()).toMatch(/Capacity by month[\s\S]*lane\s+2025-10/);
    await b.press('p');
    expect(b.frame()).toMatch(/Capacity by quarter[\s\S]*2025-Q4/);
    await b.press('p');
    expect(b.frame()).toMatch(/Capacity by sprint[\s\S]*lane\s+Sprint 1\s+Sprint 2/);
    b.unmount();
  });

  it('c switches scenario; every scenario\'s finish stays on screen (k3s-mono-pgsql)', async () => {
    const s = store('plans/k3s-mono-pgsql.yaml', '2026-02-10');
    const b = await renderBoard({ store: s, width: 120, height: 24 });
    await b.press('3');
    const first = b.frame();
    expect(first).toMatch(/finish: ▶plan /);
    await b.press('c');
    const id = s.getState().scenario!;
    const title = s.getState().data.scenarios!.find((x) => x.id === id)!.title ?? id;
    expect(b.frame()).toMatch(new RegExp(`Capacity by week · ${title.slice(0, 8)}`));
    expect(b.frame()).toContain(`▶${title.slice(0, 8)}`);
    expect(b.frame()).toMatch(/finish:  plan /);
    b.unmount();
  });
});
