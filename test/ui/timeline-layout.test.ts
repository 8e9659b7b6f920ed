import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textWidth } from '../../src/ui/text.js';
import { baseShades, issueShades, planCalendar } from '../../src/ui/layout/calendar.js';
import { type TimelineInput, labelWidth, layoutTimeline } from '../../src/ui/layout/layout.js';
import { scrollWindow, timelineRows } from '../../src/ui/layout/rows.js';
import { buildScale } from '../../src/ui/layout/scale.js';
import { lineText } from '../../src/ui/layout/segments.js';
import { model, PLAN, SCHEDULE, sched, schedule, TODAY } from './timeline-fixtures.js';

const M = model(PLAN);

function input(over: Partial<TimelineInput> = {}): TimelineInput {
  return {
    model: M,
    schedule: SCHEDULE,
    issues: M.issues,
    selectedId: 'B',
    today: TODAY,
    zoom: 'week',
    scroll: 0,
    groupBy: 'group',
    width: 80,
    height: 20,
    offset: 0,
    ...over,
  };
}

function frame(over: Partial<TimelineInput> = {}): string[] {
  return layoutTimeline(input(over)).lines.map(lineText);
}

/** The grid part of a line (after the label column and its separator). */
const grid = (line: string, width = 80) => [...line].slice(labelWidth(width) + 1).join('');
const rowOf = (lines: string[], id: string) => lines.find((l) => new RegExp(`^... ${id} `).test(l))!;

// Week zoom at 80 columns: 54 day-cells from Mon Dec 29; Jan 5 is cell 7, today (Jan 7) cell 9.
describe('timeline bars (week zoom: one column per day)', () => {
  const lines = frame();
  it('names the zoom and the years shown above the labels', () => {
    expect(lines[0].startsWith('week 2025–2026 ')).toBe(true);
  });
  it('draws the expected span solid and the pessimistic tail light', () => {
    const b = grid(rowOf(lines, 'B'));
    expect(b.slice(9, 12)).toBe('███'); // Jan 7..9
    expect(b.slice(12, 17)).toBe('░░░░░'); // Jan 10..14
    expect(b[17]).not.toBe('░');
  });
  it('draws done issues with a distinct glyph and mark', () => {
    const a = rowOf(lines, 'A');
    expect(grid(a).slice(7, 9)).toBe('══');
    expect(a[1]).toBe('✓');
  });
  it('marks critical issues with ◆ as well as colour', () => {
    expect(rowOf(lines, 'B')[1]).toBe('◆');
    const seg = layoutTimeline(input()).lines.find((l) => lineText(l).includes(' B Model'))!;
    expect(seg.some((s) => s.style === 'crit' && s.text.includes('█'))).toBe(true);
  });
  it('marks issues waiting on open dependencies as blocked', () => {
    expect(rowOf(lines, 'C')[2]).toBe('⊘'); // its own column, beside any other mark
  });
  it('points the selected row out with ▶, not colour alone', () => {
    expect(rowOf(lines, 'B')[0]).toBe('▶');
    expect(rowOf(lines, 'A')[0]).toBe(' ');
  });
  it('shades weekends, holidays and freezes with their own glyphs, and marks today', () => {
    const a = grid(rowOf(lines, 'A'));
    expect(a.slice(5, 7)).toBe('··'); // Sat Jan 3, Sun Jan 4
    expect(a[9]).toBe('│'); // today
    expect(a[14]).toBe(':'); // holiday Jan 12
    expect(a.slice(21, 23)).toBe('//'); // freeze Jan 19..20
    expect(a[24]).toBe(' '); // the db-only freeze does not stop A
  });
  it('groups rows under phase headers with a summary span', () => {
    const headers = lines.filter((l) => l.startsWith('▾'));
    expect(headers.map((h) => h.slice(0, 12))).toEqual(['▾ p1 Design ', '▾ p2 Build  ']);
    expect(grid(headers[0]).slice(7, 17)).toBe('──────────');
  });
  it('groups by lane when asked', () => {
    const byLane = M.issues.slice().sort((x, y) => (x.lane ?? '').localeCompare(y.lane ?? ''));
    const headers = frame({ groupBy: 'lane', issues: byLane }).filter((l) => l.startsWith('▾'));
    expect(headers.map((h) => h.slice(0, labelWidth(80)).trimEnd())).toEqual(['▾ ann Ann', '▾ bob']);
  });
  it('shows sprints as a band with their name, and deadlines and today in the calendar row', () => {
    expect(grid(lines[1]).slice(7, 19)).toBe('├Sprint 1──┤'); // Jan 5..16
    const cal = grid(lines[2]);
    expect(cal[9]).toBe('▼');
    expect(cal[32]).toBe('◇'); // M1, Jan 30
    expect(cal[24]).toBe('/'); // the header shows every freeze, even track-limited ones
  });
  it('lists the selected issue\'s dates, dependencies and dependents beneath', () => {
    const footer = lines.slice(-3);
    expect(footer[0]).toMatch(/^B Model · Jan 07→Jan 09 · pessimistic Jan 14 · slack 0d · ◆ drives the finish/);
    expect(footer[1]).toMatch(/^needs: A ✓ · blocks: C/);
    expect(footer[2]).toMatch(/^█ expected ░ pessimistic ═ done ◆ critical/);
  });
  it('shows where off-screen bars are', () => {
    const later = frame({ scroll: -6 }); // Nov 17 .. Jan 9: C starts after
    expect(grid(rowOf(later, 'C')).at(-1)).toBe('›');
    const earlier = frame({ scroll: 4 }); // Jan 26 ..: A and B lie before
    expect(grid(rowOf(earlier, 'A'))[0]).toBe('‹');
  });
});

describe('other zooms', () => {
  it('day zoom draws three columns per day', () => {
    const b = grid(rowOf(frame({ zoom: 'day' }), 'B'));
    expect(b.slice(6, 15)).toBe('█████████'); // Jan 7..9 from Mon Jan 5
    expect(b.slice(15, 18)).toBe('░░░');
  });
  it('month zoom draws one column per week', () => {
    const c = grid(rowOf(frame({ zoom: 'month' }), 'C')); // cells: Dec 29, Jan 5, Jan 12, Jan 19, Jan 26
    expect(c.slice(2, 5)).toBe('█░░');
  });
});

describe('calendar shading', () => {
  it('applies a freeze limited to a track only to issues on that track', () => {
    const scale = buildScale(TODAY, 'week', 0, 54);
    const cal = planCalendar(M);
    const base = baseShades(scale, cal);
    expect(base[24]).toBe('work');
    expect(issueShades(base, scale, cal, M.byId.get('C')!)[24]).toBe('freeze');
    expect(issueShades(base, scale, cal, M.byId.get('B')!)).toBe(base);
  });
});

describe('rows and virtualisation', () => {
  it('inserts a header row where the phase changes, once per run', () => {
    const { rows, at } = timelineRows(M.issues, M, 'group');
    expect(rows.map((r) => (r.kind === 'group' ? `#${r.key}` : r.issue.id))).toEqual(['#p1', 'A', 'B', '#p2', 'C']);
    expect(at.get('C')).toBe(4);
    expect(timelineRows(M.issues, M, 'group')).toBe(timelineRows(M.issues, M, 'group'));
  });
  it('moves the window only as far as the selection needs, keeping its header in view', () => {
    expect(scrollWindow(0, 5, 100, 10)).toBe(0);
    expect(scrollWindow(0, 12, 100, 10)).toBe(3);
    expect(scrollWindow(20, 12, 100, 10)).toBe(12);
    expect(scrollWindow(20, 12, 100, 10, true)).toBe(11);
    expect(scrollWindow(95, 99, 100, 10)).toBe(90);
    expect(scrollWindow(50, -1, 20, 10)).toBe(10);
  });

  const big = (n: number) => {
    const issues = Array.from({ length: n }, (_, k) => `  - { id: I${k}, title: Task ${k}, group: g${Math.floor(k / 100)}, estimate: 1d }`);
    const groups = Array.from({ length: Math.ceil(n / 100) }, (_, g) => `  - { id: g${g}, title: Phase ${g} }`);
    return model(`planboard: 1\ntitle: Big\ngroups:\n${groups.join('\n')}\nissues:\n${issues.join('\n')}\n`);
  };
  const BIG = big(10_000);
  const bigSchedule = schedule(BIG.issues.map((i) => sched({ id: i.id, start: TODAY, end: TODAY })));

  it('renders only the rows that fit, around the selection, at 10,000 issues', () => {
    const f = layoutTimeline(input({ model: BIG, schedule: bigSchedule, issues: BIG.issues, selectedId: 'I9876', height: 24 }));
    const text = f.lines.map(lineText);
    expect(text).toHaveLength(24);
    expect(text.some((l) => l.startsWith('▶    I9876 Task 9876'.replace('    ', '   ')))).toBe(true);
    expect(f.offset).toBeGreaterThan(9000);
  });

  it('never draws a frame taller or wider than its box', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 60 }), fc.constantFrom('day', 'week', 'month'), fc.integer({ min: -30, max: 30 }), fc.integer({ min: 0, max: 60 }), (width, height, zoom, scroll, sel) => {
          const f = layoutTimeline(input({ model: BIG, schedule: bigSchedule, issues: BIG.issues.slice(0, 50), selectedId: `I${sel}`, width, height, zoom: zoom as TimelineInput['zoom'], scroll }));
          expect(f.lines.length).toBeLessThanOrEqual(height);
          for (const l of f.lines) expect(textWidth(lineText(l))).toBeLessThanOrEqual(width);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('without a schedule', () => {
  it('still lists the issues, and says why there are no bars', () => {
    const lines = frame({ schedule: null, scheduleError: 'dependency cycle: B -> C -> B' });
    expect(rowOf(lines, 'B')).not.toMatch(/█/);
    expect(lines.some((l) => l.startsWith('no schedule: dependency cycle: B -> C -> B'))).toBe(true);
  });
});

describe('untrusted plan text', () => {
  it('shows control characters in titles and sprint names inert', () => {
    const evil = model(`planboard: 1\ntitle: t\nissues:\n  - { id: X, title: "a\\u001b[2Jb" }\n`);
    const s = schedule([sched({ id: 'X', start: TODAY, end: TODAY })], { sprints: [{ name: 'S\u001b]0;pwn\u0007', start: '2026-01-05', end: '2026-01-16' }] });
    const text = layoutTimeline(input({ model: evil, schedule: s, issues: evil.issues, selectedId: 'X' })).lines.map(lineText).join('\n');
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(text).toContain('a^[[2Jb');
  });
});
