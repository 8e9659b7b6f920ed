import { describe, expect, it } from 'vitest';
import { cli, PLANS, snapshot, TEAM_PLAN, writeTemp } from './helpers.js';

const TODAY = '2026-03-10';

describe('planboard hours', () => {
  it('--week: logged against available per lane, and where the hours went', async () => {
    const r = await cli(['hours', writeTemp('team.yaml', TEAM_PLAN), '--today', TODAY, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ version: 1, period: '2026-W11', start: '2026-03-09', end: '2026-03-15' });
    const ana = j.lanes.find((l: { lane: string }) => l.lane === 'ana');
    expect(ana).toMatchObject({ available_hours: 8, logged_hours: 2, issues: [{ id: 'A-2', hours: 2 }] });
    expect(ana.entries).toEqual([{ date: '2026-03-09', id: 'A-2', hours: 2, note: 'pairing' }]);
  });

  it('--month counts the real calendar: 8h/week over March 2026\'s 22 working days is 35.2h, not 32h', async () => {
    const r = await cli(['hours', writeTemp('team.yaml', TEAM_PLAN), '--today', TODAY, '--month', '--lane', 'ana', '--json']);
    const j = JSON.parse(r.out);
    expect(j.period).toBe('2026-03');
    expect(j.lanes).toHaveLength(1);
    expect(j.lanes[0].available_hours).toBeCloseTo(35.2, 5);
  });

  it('prints a readable summary', async () => {
    const r = await cli(['hours', writeTemp('team.yaml', TEAM_PLAN), '--today', TODAY, '--lane', 'ana']);
    expect(r.out).toContain('ana (Ana): 2h logged of 8h available (25%)');
    expect(r.out).toMatch(/2h\s+A-2\s+Started Friday/);
  });

  it.each(Object.values(PLANS))('runs on the seed plan %s', async (plan) => {
    const r = await cli(['hours', plan, '--today', '2026-01-06', '--month']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  it.each([
    ['--week with --month', ['--week', '--month'], /not both/],
    ['an unknown lane', ['--lane', 'nobody'], /unknown lane/],
    ['a bad --today', ['--today', '10/03/2026'], /--today: "10\/03\/2026" is not a date: expected YYYY-MM-DD/],
  ])('rejects %s, changing nothing', async (_w, extra, message) => {
    const file = writeTemp('team.yaml', TEAM_PLAN);
    const before = snapshot(file);
    const r = await cli(['hours', file, ...extra]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(message);
    expect(snapshot(file)).toEqual(before);
  });
});
