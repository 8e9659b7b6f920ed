// The Timeline pane in Ink, with an injected store and a fixed today; keys go through the
// board's App and keymap (scope 'timeline').
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { loadPlanText } from '../../src/core/plan/load.js';
import { createBoardStore } from '../../src/store/index.js';
import { Timeline } from '../../src/ui/panes/Timeline.js';
import { StoreProvider } from '../../src/ui/store-context.js';
import { textWidth } from '../../src/ui/text.js';
import { makeTheme, ThemeProvider } from '../../src/ui/theme.js';
import { memoryFile, PLAN, renderBoard, renderWithStore } from './helpers.js';

const TODAY = '2026-03-02'; // a Monday

function store(text = PLAN, today = TODAY) {
  const r = loadPlanText(text, 'plan.yaml');
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return createBoardStore({ file: 'plan.yaml', text, data: r.plan.data, today, persistence: memoryFile(text).persistence });
}

function paneNode(s: ReturnType<typeof store>, width = 80, height = 20) {
  return (
    <StoreProvider store={s}>
      <ThemeProvider value={makeTheme(false)}>
        <Timeline width={width} height={height} focused />
      </ThemeProvider>
    </StoreProvider>
  );
}

const pane = (s: ReturnType<typeof store>) => render(paneNode(s));

describe('Timeline pane', () => {
  it('draws the plan on the calendar within its box', () => {
    const s = store();
    s.getState().select('A-2');
    const ui = pane(s);
    const lines = ui.lastFrame()!.split('\n');
    expect(lines.length).toBeLessThanOrEqual(20);
    for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(80);
    expect(lines[0]).toMatch(/^week 2026\s+│Feb 23 Mar 02/);
    expect(lines.some((l) => /^▶.. A-2 Write the parser/.test(l))).toBe(true);
    expect(lines.some((l) => /^ ✓ {2}A-1 Set up/.test(l))).toBe(true);
    expect(lines.find((l) => l.includes('A-2 Write the parser'))).toMatch(/█/);
    expect(lines.at(-2)).toMatch(/^needs: A-1 ✓ · blocks: A-3/);
    ui.unmount();
  });

  it('follows the selection and the view settings in the store', async () => {
    const s = store();
    const ui = await renderWithStore(s, paneNode(s));
    s.getState().select('A-3');
    s.getState().zoomTimeline(1); // week → day
    await ui.settled();
    const frame = ui.lastFrame()!;
    expect(frame.split('\n')[0]).toMatch(/^day 2026\s+│02 03 04/);
    expect(frame).toMatch(/▶.. A-3 Render the board/);
    ui.unmount();
  });
});

describe('Timeline keys through the board', () => {
  it('zooms with + and -, scrolls with l and h, groups by lane with b', async () => {
    const s = store();
    const b = await renderBoard({ store: s, width: 96, height: 24 });
    await b.press('2');
    expect(b.frame()).toMatch(/week 2026\s+│Feb 23 Mar 02/);
    await b.press('+');
    expect(b.frame()).toMatch(/day 2026\s+│02 03 04/);
    await b.press('-', '-');
    expect(b.frame()).toMatch(/month 2026/);
    await b.press('+', 'l');
    expect(b.frame()).toMatch(/week 2026\s+│Mar 02 Mar 09/);
    await b.press('h');
    expect(b.frame()).toMatch(/│Feb 23 Mar 02/);
    await b.press('b');
    expect(b.frame()).toMatch(/▾ ann Ann/);
    b.unmount();
  });
});

describe('Timeline scrolling back in time', () => {
  it('h goes before the opening view: the month view reaches last month, the week view earlier weeks', async () => {
    const s = store();
    const b = await renderBoard({ store: s, width: 96, height: 24 });
    await b.press('2', '-');
    expect(b.frame()).toMatch(/month 2026\S*\s+│Mar /);
    await b.press('h');
    expect(s.getState().timeline.scroll).toBe(-1);
    expect(b.frame()).toMatch(/month 2026\S*\s+│Feb Mar /);
    await b.press('+', 'h', 'h', 'h');
    expect(s.getState().timeline.scroll).toBe(-3);
    expect(b.frame()).toMatch(/week 2026\s+│Feb 02 Feb 09 Feb 16 Feb 23 Mar 02/);
    await b.press('l', 'l', 'l', 'l');
    expect(b.frame()).toMatch(/week 2026\s+│Mar 02 Mar 09/);
    b.unmount();
  });
});
