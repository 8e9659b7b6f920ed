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
import { memoryFile, PLAN, renderBoard } from './helpers.js';

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
    expect(lines[1]).toMatch(/^\? 3 open issues have no estimate: 3 sized from their sprint/);
    expect(lines[2]).toMatch(/^lane\s+W02 01-05/);
    expect(lines.some((l) => /^\S.*\s\d+(\.\d)?\/8 /.test(l))).toBe(true); // a lane row: load of 8 h
    // At 80 columns the Monte Carlo odds and P85 take the place of the optimistic and pessimistic dates.
    expect(lines.some((l) => /^Milestone\s+Due\s+Est\s+Left\s+Done\s+Expected\s+Verdict\s+Odds\s+P85/.test(l))).toBe(true);
    expect(lines.some((l) => /^Q3.*Jul 31.*(on-track|at-risk|late)\s+\d+%\s+Jun \d\d/.test(l))).toBe(true);
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
    expect(b.frame()).toMatch(/finish: {2}plan /);
    b.unmount();
  });
});

describe('Capacity scrolling across periods', () => {
  const fixture = () => {
    const r = loadPlanText(PLAN, 'plan.yaml');
    if (!r.ok) throw new Error('fixture does not load');
    return createBoardStore({ file: 'plan.yaml', text: PLAN, data: r.plan.data, today: '2026-03-02', persistence: memoryFile(PLAN).persistence });
  };
  const header = (frame: string) => frame.split('\n').find((l) => /^(‹\d+ )?lane /.test(l)) ?? '';

  it('h goes back to the earliest work on record (a done date, a log entry), l forward; the ends say so', async () => {
    const s = fixture();
    const b = await renderBoard({ store: s, width: 96, height: 24 });
    await b.press('3');
    expect(header(b.frame())).toMatch(/^‹2 lane\s+W10 03-02\s+W11 03-09/);
    await b.press('h');
    expect(header(b.frame())).toMatch(/^‹1 lane\s+W09 02-23\s+W10 03-02/);
    await b.press('h'); // A-1 was done on 2026-02-20: week 8 is on record
    expect(header(b.frame())).toMatch(/^lane\s+W08 02-16\s+W09 02-23/);
    await b.press('h');
    expect(s.getState().capacityScroll).toBe(-2);
    expect(b.frame()).toContain('no earlier periods');
    await b.press('l', 'l', 'l');
    expect(s.getState().capacityScroll).toBe(1);
    expect(header(b.frame())).toMatch(/^‹3 lane\s+W11 03-09/);
    for (let i = 0; i < 20; i++) await b.press('l');
    expect(b.frame()).toContain('no later periods');
    expect(header(b.frame())).not.toMatch(/\+\d+›/);
    b.unmount();
  });

  it('changing the period or the scenario starts again at the current period', async () => {
    const s = fixture();
    const b = await renderBoard({ store: s, width: 96, height: 24 });
    await b.press('3', 'h');
    expect(s.getState().capacityScroll).toBe(-1);
    await b.press('p');
    expect(s.getState().capacityScroll).toBe(0);
    expect(header(b.frame())).toMatch(/^‹1 lane\s+2026-03/);
    await b.press('h');
    expect(header(b.frame())).toMatch(/^lane\s+2026-02\s+2026-03/);
    b.unmount();
    // A scenario that moves A-3 to Ann: the same plan otherwise.
    const text = PLAN + 'scenarios:\n  - id: ann-only\n    assign:\n      ann: [A-3]\n';
    const r = loadPlanText(text, 'plan.yaml');
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    const t = createBoardStore({ file: 'plan.yaml', text, data: r.plan.data, today: '2026-03-02', persistence: memoryFile(text).persistence });
    const c = await renderBoard({ store: t, width: 96, height: 24 });
    await c.press('3', 'h');
    expect(t.getState().capacityScroll).toBe(-1);
    await c.press('c');
    expect(t.getState().scenario).toBe('ann-only');
    expect(t.getState().capacityScroll).toBe(0);
    c.unmount();
  });
});
