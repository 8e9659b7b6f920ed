import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyOps } from '../../src/core/plan/ops.js';
import { loadPlanText } from '../../src/core/plan/load.js';
import { parseLoggedHours } from '../../src/core/text/duration.js';
import { cli, planCopy, PLANS, snapshot, TEAM_PLAN, tempDir, writeTemp } from './helpers.js';

describe('parseLoggedHours', () => {
  it('reads hours, minutes and days (of the plan\'s hours per day)', () => {
    expect(parseLoggedHours('1.5h', 8)).toBe(1.5);
    expect(parseLoggedHours('90m', 8)).toBe(1.5);
    expect(parseLoggedHours('0.5d', 6)).toBe(3);
  });
  it('reads a bare number as hours, as the board\'s t prompt does', () => {
    expect(parseLoggedHours('1.5', 8)).toBe(1.5);
  });
  it.each(['1-2h', '0h', 'abc', '-2h', '25h', '200h', '1.5x'])('refuses "%s"', (s) => {
    expect(() => parseLoggedHours(s, 8)).toThrow(/bad duration|not a duration/);
  });
});

describe('planboard log', () => {
  it('appends a time entry with the board\'s log-time op, through commitOps, touching nothing else', async () => {
    const file = writeTemp('team.yaml', TEAM_PLAN);
    const r = await cli(['log', file, 'A-3', '1.5h', '--date', '2026-03-10', '--note', 'spike']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('logged 1.5h on A-3 (2026-03-10) "spike": 1.5h logged in all');
    const after = readFileSync(file, 'utf8');
    expect(after).toBe(applyOps(TEAM_PLAN, [{ kind: 'log-time', id: 'A-3', entry: { date: '2026-03-10', hours: 1.5, note: 'spike' } }]));
    const loaded = loadPlanText(after, file);
    expect(loaded.ok && loaded.plan.model.byId.get('A-3')!.log).toEqual([{ date: '2026-03-10', hours: 1.5, note: 'spike' }]);
  });

  it('adds to the hours already logged and defaults the date to --today', async () => {
    const file = writeTemp('team.yaml', TEAM_PLAN);
    const r = await cli(['log', file, 'A-2', '30m', '--today', '2026-03-11', '--json']);
    expect(JSON.parse(r.out)).toEqual({ version: 1, id: 'A-2', entry: { date: '2026-03-11', hours: 0.5 }, logged_hours: 2.5 });
  });

  it('works on a seed plan', async () => {
    const file = planCopy(PLANS.stoaV4);
    const r = await cli(['log', file, 'CAB-238', '2h', '--date', '2026-01-06']);
    expect(r.code).toBe(0);
    const loaded = loadPlanText(readFileSync(file, 'utf8'), file);
    expect(loaded.ok && loaded.plan.model.byId.get('CAB-238')!.loggedHours).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ['an unknown id', ['A-9', '1h'], /no issue "A-9".*did you mean/],
    ['more than a day in one entry', ['A-3', '30h'], /bad duration "30h": more than a day \(24h\) in one entry/],
    ['a range', ['A-3', '1-2h'], /bad duration/],
    ['a zero duration', ['A-3', '0h'], /more than zero/],
    ['a bad date', ['A-3', '1h', '--date', '2026-13-01'], /--date: "2026-13-01" is not a calendar date \(there is no month 13\)/],
    ['a missing duration', ['A-3'], /usage/],
  ])('rejects %s with a clear message and leaves the file byte-identical', async (_w, rest, message) => {
    const file = writeTemp('team.yaml', TEAM_PLAN);
    const before = snapshot(file);
    const r = await cli(['log', file, ...rest]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/internal error/);
    expect(snapshot(file)).toEqual(before);
  });

  it('a missing file or a directory is a clear error', async () => {
    const d = tempDir();
    mkdirSync(join(d, 'dir.yaml'));
    for (const p of [join(d, 'missing.yaml'), join(d, 'dir.yaml')]) {
      const r = await cli(['log', p, 'A-1', '1h']);
      expect(r.code).not.toBe(0);
      expect(r.err).not.toMatch(/internal error/);
    }
  });

  it('an invalid plan is reported with file:line:col and not written', async () => {
    const file = writeTemp('bad.yaml', TEAM_PLAN.replace('estimate: 4h\n    depends_on', 'estimate: lots\n    depends_on'));
    const before = snapshot(file);
    const r = await cli(['log', file, 'A-3', '1h']);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/bad\.yaml:\d+:\d+: /);
    expect(snapshot(file)).toEqual(before);
  });
});
