// The standup pane (S): per lane, done since the last working day, in progress with age, next
// up, blocked with blockers, and this week's load, from core/report/standup.ts.
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { loadPlanText } from '../../src/core/plan/load.js';
import { standup } from '../../src/core/report/standup.js';
import { schedulePlan } from '../../src/core/schedule/index.js';
import { createBoardStore } from '../../src/store/index.js';
import { Standup } from '../../src/ui/panes/Standup.js';
import { StoreProvider } from '../../src/ui/store-context.js';
import { textWidth } from '../../src/ui/text.js';
import { makeTheme, ThemeProvider } from '../../src/ui/theme.js';
import { lineText } from '../../src/ui/layout/segments.js';
import { standupFrame, standupLines } from '../../src/ui/layout/standup.js';
import { memoryFile, renderBoard } from './helpers.js';

const TODAY = '2026-03-04'; // a Wednesday: done since Tuesday

const PLAN = `planboard: 1
title: Standup plan
lanes:
  - { id: ann, name: Ann, capacity: 8h/w }
  - { id: bob, capacity: 40h/w }
issues:
  - { id: D1, title: Shipped, lane: ann, status: done, done_on: 2026-03-03, estimate: 1d }
  - { id: D0, title: Long ago, lane: ann, status: done, done_on: 2026-02-02, estimate: 1d }
  - id: P1
    title: "Parser \\u001b[31mred"
    lane: ann
    status: in-progress
    started: 2026-03-01
    estimate: 3d
    log: [{ date: 2026-03-02, hours: 6 }, { date: 2026-03-03, hours: 5 }]
  - { id: N1, title: Next thing, lane: bob, estimate: 1d }
  - { id: B1, title: Waits on P1, lane: bob, status: todo, estimate: 1d, depends_on: [P1] }
`;

function load(text = PLAN) {
  const r = loadPlanText(text, 'plan.yaml');
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.plan;
}

function store(text = PLAN) {
  return createBoardStore({ file: 'plan.yaml', text, data: load(text).data, today: TODAY, persistence: memoryFile(text).persistence });
}

describe('standup lines', () => {
  const model = load().model;
  const st = standup(model, schedulePlan(model, { today: TODAY }), { today: TODAY });
  const lines = standupLines(st, 80).lines.map(lineText);

  it('gives each lane a block with this week\'s load, over capacity marked', () => {
    expect(lines[0]).toBe('Standup 2026-03-04 · done since 2026-03-03 · Standup plan');
    expect(lines.find((l) => l.startsWith('▾ ann Ann'))).toMatch(/this week .* of 8h ▲ over capacity by/);
    expect(lines.find((l) => l.startsWith('▾ bob'))).not.toMatch(/over/);
  });
  it('lists done since the last working day, in progress with age, next up and blocked with blockers', () => {
    const text = lines.join('\n');
    expect(text).toMatch(/ {2}done {9}✓ D1 Shipped \(Mar 03\)/);
    expect(text).not.toContain('D0');
    expect(text).toMatch(/ {2}in progress {2}P1 Parser \^\[\[31mred · 3d old · [\d.]+h left/);
    expect(text).toMatch(/ {2}next {9}(◆ )?N1 Next thing/);
    expect(text).toMatch(/ {2}blocked {6}⊘ B1 Waits on P1 ← P1/);
  });
  it('starts at the selected issue\'s lane when all lanes do not fit', () => {
    const layout = standupLines(st, 80);
    const frame = standupFrame(layout, 4, 'bob').map(lineText);
    expect(frame).toHaveLength(4);
    expect(frame[0]).toMatch(/^Standup/);
    expect(frame[1]).toMatch(/^▾ bob/);
    expect(standupFrame(layout, 100, 'bob')).toBe(layout.lines);
  });
});

describe('Standup pane', () => {
  it('renders within its box, and opens with S on the board', async () => {
    const ui = render(
      <StoreProvider store={store()}>
        <ThemeProvider value={makeTheme(false)}>
          <Standup width={60} height={10} focused />
        </ThemeProvider>
      </StoreProvider>,
    );
    const lines = ui.lastFrame()!.split('\n');
    expect(lines.length).toBeLessThanOrEqual(10);
    for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(60);
    expect(lines[0]).toMatch(/^Standup 2026-03-04/);
    ui.unmount();

    const b = await renderBoard({ store: store(), width: 96, height: 24 });
    await b.press('S');
    expect(b.frame()).toMatch(/Standup 2026-03-04 · done since 2026-03-03/);
    expect(b.frame()).toMatch(/▶ ann Ann · logged /); // the walk starts with the first person
    expect(b.frame()).toMatch(/· 1\/2 ann 0:0\d \(n next, p previous\)/);
    await b.press('n');
    expect(b.frame()).toMatch(/· 2\/2 bob 0:0\d/);
    expect(b.frame()).toMatch(/▶ bob/);
    expect(b.frame()).toMatch(/▾ ann Ann/);
    await b.press('n'); // round again
    expect(b.frame()).toMatch(/· 1\/2 ann/);
    await b.press('p');
    expect(b.frame()).toMatch(/· 2\/2 bob/);
    b.unmount();
  });
});
