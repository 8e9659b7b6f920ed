// The one duration parser: what each way of writing a duration means, for plans and for logs.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { estimateText, parseDurationText, parseLogEntry, parseLoggedHours, PLAN_DURATION_RE } from '../../../src/core/text/duration.js';
import { DURATION_RE } from '../../../src/core/plan/schema.js';
import { parseDuration } from '../../../src/core/plan/duration.js';

const est = (t: string, hoursPerDay = 8) => parseDurationText(t, { hoursPerDay, bare: 'd' });

describe('parseDurationText', () => {
  it.each([
    ['30m', 0.5],
    ['90 min', 1.5],
    ['1.5h', 1.5],
    ['2 hours', 2],
    ['0.5d', 4],
    ['1w', 40],
    ['2', 16], // a plan's bare number is days
    ['.5h', 0.5],
  ])('%s is %s hours (8-hour days)', (t, h) => {
    expect(est(t)).toEqual({ min: h, expected: h, max: h });
  });

  it('reads ranges with one unit or a unit per end', () => {
    expect(est('3-5d')).toEqual({ min: 24, expected: 32, max: 40 });
    expect(est('30m-2h')).toEqual({ min: 0.5, expected: 1.25, max: 2 });
    expect(est('1 - 2 w')).toEqual({ min: 40, expected: 60, max: 80 });
  });

  it.each(['', 'abc', '2x', '5-3d', '1..2h', '-1h', 'h'])('refuses "%s" with a message naming it', (t) => {
    expect(() => est(t)).toThrow(new RegExp(`"${t.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`));
  });

  it('is what the plan format uses: parseDuration is this parser with bare days', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 500, noNaN: true }), fc.constantFrom('', 'h', 'd', 'w'), fc.integer({ min: 1, max: 24 }), (n, unit, hpd) => {
        const t = `${Math.round(n * 100) / 100}${unit}`;
        expect(parseDuration(t, hpd)).toEqual(parseDurationText(t, { hoursPerDay: hpd, bare: 'd' }));
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseLoggedHours (the log prompt and planboard log)', () => {
  it('a bare number is hours', () => expect(parseLoggedHours('1.5', 8)).toBe(1.5));
  it('minutes, hours and days', () => {
    expect(parseLoggedHours('30m', 8)).toBe(0.5);
    expect(parseLoggedHours('90m', 8)).toBe(1.5);
    expect(parseLoggedHours('0.5d', 6)).toBe(3);
  });
  it('at most a day (24 h) in one entry, more than zero, one amount', () => {
    expect(parseLoggedHours('24h', 8)).toBe(24);
    expect(() => parseLoggedHours('24.5h', 8)).toThrow(/more than a day \(24h\)/);
    expect(() => parseLoggedHours('0', 8)).toThrow(/more than zero/);
    expect(() => parseLoggedHours('1-2h', 8)).toThrow(/one amount, not a range/);
  });
  it('never accepts what the plan would refuse at save: every accepted entry is in (0, 24]', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.constantFrom('', 'm', 'h', 'd', 'w'), (n, unit) => {
        let h: number | undefined;
        try {
          h = parseLoggedHours(`${n}${unit}`, 8);
        } catch {
          return;
        }
        expect(h).toBeGreaterThan(0);
        expect(h).toBeLessThanOrEqual(24);
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseLogEntry (the t prompt)', () => {
  it('an amount, then a note', () => {
    expect(parseLogEntry('1.5h review', 8)).toEqual({ hours: 1.5, note: 'review' });
    expect(parseLogEntry('30 min', 8)).toEqual({ hours: 0.5 });
    expect(parseLogEntry('30 min pairing', 8)).toEqual({ hours: 0.5, note: 'pairing' });
    expect(parseLogEntry('2 design review', 8)).toEqual({ hours: 2, note: 'design review' });
  });
  it('30 min is half an hour, not 240 hours noted "min"', () => {
    expect(parseLogEntry('30 min', 8).hours).toBe(0.5);
  });
});

describe('estimateText (the board\'s prompts and add/edit --estimate)', () => {
  it('keeps what the plan format writes, and writes anything else the parser reads in hours', () => {
    expect(estimateText('3-5d', 8)).toBe('3-5d');
    expect(estimateText(' 2 d ', 8)).toBe('2d');
    expect(estimateText('30m', 8)).toBe('0.5h');
    expect(estimateText('2 hours', 8)).toBe('2h');
    expect(estimateText('30m-2h', 8)).toBe('0.5-2h');
    expect(() => estimateText('5-3d', 8)).toThrow(/bad range/);
    expect(() => estimateText('soon', 8)).toThrow(/not a duration/);
  });
  it('the plan form is the schema\'s own', () => {
    expect(PLAN_DURATION_RE.source).toBe(DURATION_RE.source);
  });
});
