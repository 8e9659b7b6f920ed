// The tjp export's shape where tj3 and we must agree (the dates themselves are checked against
// tj3 in tj3-oracle.slow.test.ts), and plan text written inert.
import { describe, expect, it } from 'vitest';
import { exportTjp, tjString } from '../../../src/core/formats/export-tjp.js';
import { schedulePlan } from '../../../src/core/schedule/index.js';
import { model } from './helpers.js';

const TODAY = '2026-03-02';
const tjp = (plan: Record<string, unknown>) => {
  const m = model(plan);
  return exportTjp(m, schedulePlan(m, { today: TODAY }));
};

describe('tjp export', () => {
  it('writes a capacity change as a dated daily limit on the allocated time', () => {
    const out = tjp({
      lanes: [{ id: 'a', capacity: '8h/d', changes: [{ from: '2026-03-04', capacity: '4h/d' }] }],
      issues: [{ id: 'A', title: 'A', estimate: '24h', lane: 'a' }],
    });
    expect(out).toMatch(/resource r_a "a" \{\n {2}limits \{ dailymax 240min \{ start 2026-03-04 \} \}\n\}/);
    expect(out).not.toMatch(/weeklymax/);
  });

  it('holds only the dependents on an external lead time', () => {
    const out = tjp({
      lanes: [{ id: 'a' }],
      issues: [
        { id: 'A', title: 'A', estimate: '1d', lane: 'a', external: [{ title: 'vendor', lead: '3d' }] },
        { id: 'B', title: 'B', estimate: '1d', lane: 'a', depends_on: ['A'] },
      ],
    });
    expect(out).toMatch(/task A_wait1 "vendor \(external lead time\)" \{\n {2}length 1440min\n {2}priority 1000\n\}/);
    expect(out).toMatch(/task A "A: A" \{\n {2}effort 480min\n {2}allocate r_a\n {2}priority \d+\n\}/);
    expect(out).toMatch(/task B "B: B" \{\n {2}effort 480min\n {2}allocate r_a\n {2}depends A, A_wait1\n/);
  });

  it('puts an epic after its group, carries deadlines as maxend and defines a csv report', () => {
    const out = tjp({
      lanes: [{ id: 'a' }],
      milestones: [{ id: 'm', deadline: '2026-03-31' }],
      groups: [{ id: 'g', title: 'G', epic: 'E' }],
      issues: [
        { id: 'E', title: 'Epic', group: 'g' },
        { id: 'X', title: 'X', estimate: '1d', lane: 'a', group: 'g', milestone: 'm' },
      ],
    });
    expect(out).toMatch(/task E "E: Epic" \{\n {4}milestone\n {4}depends g_g\.X\n/);
    expect(out).toMatch(/maxend 2026-04-01/);
    expect(out).toMatch(/taskreport planboard_dates "planboard" \{\n {2}formats csv\n {2}timeformat "%Y-%m-%d"\n {2}columns id, start, end/);
  });

  it('writes efforts to the 5-minute slot along the lane, not rounded to quarter hours', () => {
    const out = tjp({
      lanes: [{ id: 'a' }],
      issues: [
        { id: 'A', title: 'A', estimate: '1.6h', lane: 'a' },
        { id: 'B', title: 'B', estimate: '1.6h', lane: 'a' },
        { id: 'C', title: 'C', estimate: '1.6h', lane: 'a' },
      ],
    });
    // 96, 192 and 288 minutes in all: slots end at 95, 190 and 290.
    expect([...out.matchAll(/effort (\d+)min/g)].map((m) => Number(m[1]))).toEqual([95, 95, 100]);
  });

  it('gives tj3 priorities that fall along each lane and each dependency, and lags in minutes of the working day', () => {
    const out = tjp({
      lanes: [{ id: 'a' }, { id: 'b' }],
      issues: [
        { id: 'T', title: 'T', estimate: '2h', lane: 'a', depends_on: [{ id: 'P', lag: '2h' }] },
        { id: 'B1', title: 'B1', estimate: '4h', lane: 'b', priority: 'high' },
        { id: 'P', title: 'P', estimate: '2h', lane: 'b' },
        { id: 'O', title: 'O', estimate: '8h', lane: 'a', priority: 'low' },
      ],
    });
    const prio = (id: string) => Number(new RegExp(`task ${id} [\\s\\S]*?priority (\\d+)`).exec(out)?.[1]);
    // Lane b does B1 then P; T waits for P, so lane a does O first. B1 and O begin their lanes and
    // are independent (they may share a priority); P follows B1; T follows P and O.
    expect([prio('B1'), prio('O'), prio('P'), prio('T')]).toEqual([1000, 1000, 999, 998]);
    expect(out).toMatch(/depends P \{ gaplength 120min \}/);
  });

  it('makes the working day a length at which each lower daily limit is whole 5-minute slots', () => {
    // 24h/w is 4.8h a day, 288 minutes of an 8-hour day: tj3 would book 285. Over 8h20 it is 300.
    const out = tjp({
      lanes: [{ id: 'a', capacity: '24h/w', changes: [{ from: '2026-06-01', capacity: '40h/w' }] }],
      issues: [{ id: 'A', title: 'A', estimate: '24h', lane: 'a' }],
    });
    expect(out).toMatch(/workinghours mon, tue, wed, thu, fri 8:00 - 16:20/);
    expect(out).toMatch(/limits \{ dailymax 300min \{ end 2026-06-01 \} \}/);
    expect(out).toMatch(/effort 1500min/);
  });

  it('stops the tasks of a frozen track with a shift that has no working time', () => {
    const out = tjp({
      calendar: { freezes: [{ from: '2026-03-03', to: '2026-03-04', tracks: ['infra'] }, { from: '2026-03-05', to: '2026-03-06', labels: ['ops'] }] },
      lanes: [{ id: 'a' }],
      issues: [
        { id: 'I', title: 'I', estimate: '2d', lane: 'a', track: 'infra', labels: ['ops'] },
        { id: 'S', title: 'S', estimate: '1d', lane: 'a' },
      ],
    });
    expect(out).toMatch(/shift planboard_frozen "[^"]*" \{\n {2}workinghours mon, tue, wed, thu, fri, sat, sun off\n\}/);
    // Touching windows are one (tj3 refuses overlapping shift intervals).
    expect(out).toMatch(/task I "I: I" \{[^}]*shifts planboard_frozen 2026-03-03 \+4d\n/);
    expect(/task S "S: S" \{[^}]*shifts/.test(out)).toBe(false);
  });

  it('writes plan text inert: quotes and backslashes escaped, controls, ESC, C1 and bidi dropped', () => {
    const evil = 'a"b\\c\u001b[31mred\u0007\u009b2J\u202eevil\u2066x\u0000y\nz';
    const s = tjString(evil);
    expect(s).toBe('"a\\"b\\\\c [31mred 2J evil x y z"');
    // eslint-disable-next-line no-control-regex
    expect(s).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    const out = tjp({ title: evil, lanes: [{ id: 'a', name: evil }], issues: [{ id: 'A', title: evil, estimate: '1h', lane: 'a' }] });
    // eslint-disable-next-line no-control-regex
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });
});
