import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadPlanText } from '../../src/core/plan/load.js';
import { csvField } from '../../src/core/formats/export-csv.js';
import { cli, PLANS, REPO, snapshot, tempDir, TEAM_PLAN, writeTemp } from './helpers.js';

const TODAY = '2026-01-05';
const load = (path: string) => {
  const r = loadPlanText(readFileSync(resolve(REPO, path), 'utf8'), path);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.plan;
};

/** RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  return rows;
}

describe('export --format json', () => {
  it.each(Object.values(PLANS))('%s: version 1, the whole model and schedule, and it imports back losslessly', async (plan) => {
    const r = await cli(['export', plan, '--format', 'json', '--today', TODAY]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    const loaded = load(plan);
    expect(j.version).toBe(1);
    expect(j.model.issues).toHaveLength(loaded.model.issues.length);
    expect(j.schedule.issues).toHaveLength(loaded.model.issues.length);
    expect(j.schedule.today).toBe(TODAY);
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.json'), r.out);
    const back = await cli(['import', join(dir, 'plan.json'), '-o', join(dir, 'back.yaml')]);
    expect(back.code).toBe(0);
    expect(load(join(dir, 'back.yaml')).data).toEqual(loaded.data);
  });

  it('rejects an export from another version', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x.json'), JSON.stringify({ version: 2, plan: { planboard: 1, title: 'x' } }));
    const r = await cli(['import', join(dir, 'x.json'), '-o', join(dir, 'y.yaml')]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/export version 2 is not supported/);
  });
});

describe('export --format csv', () => {
  it('quotes per RFC 4180: commas, quotes and line breaks, every line break CRLF', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\r\nlines"');
    expect(csvField('two\r\nlines\rthree')).toBe('"two\r\nlines\r\nthree"');
  });

  it('neutralises cells a spreadsheet would evaluate (OWASP): a leading quote, and the cell quoted', () => {
    expect(csvField("=cmd|' /C calc'!A0")).toBe(`"'=cmd|' /C calc'!A0"`);
    expect(csvField('+1')).toBe(`"'+1"`);
    expect(csvField('-1+2')).toBe(`"'-1+2"`);
    expect(csvField('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvField('  =1')).toBe(`"'  =1"`);
    expect(csvField('\t=1')).toBe(`"' =1"`);
    expect(csvField('\r=1')).toBe(`"'\r\n=1"`);
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField(-3)).toBe('-3'); // our own numbers stay numbers
    expect(csvField('evil\u001b[2J')).toBe('evil^[[2J');
  });

  it('one row per issue, readable back field for field', async () => {
    const plan = TEAM_PLAN.replace("title: Bo's work", 'title: "Bo\'s work, \\"quoted\\"\\nand a second line"');
    const r = await cli(['export', writeTemp('team.yaml', plan), '--format', 'csv', '--today', '2026-03-10', '-o', join(tempDir(), 'x.csv')]);
    expect(r.code).toBe(0);
    const out = await cli(['export', writeTemp('team.yaml', plan), '--format', 'csv', '--today', '2026-03-10']);
    expect(out.out.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // CRLF throughout, to the last byte
    const rows = parseCsv(out.out);
    expect(rows[0].slice(0, 3)).toEqual(['id', 'title', 'status']);
    expect(rows.slice(1).map((x) => x[0])).toEqual(['A-0', 'A-1', 'A-2', 'A-3', 'A-4', 'B-1']);
    const b1 = rows.find((x) => x[0] === 'B-1')!;
    expect(b1[1]).toBe('Bo\'s work, "quoted"\r\nand a second line');
    const head = rows[0];
    const a4 = rows.find((x) => x[0] === 'A-4')!;
    expect(a4[head.indexOf('depends_on')]).toBe('A-3');
    expect(a4[head.indexOf('estimate_hours')]).toBe('4');
  });
});

describe('export --format mermaid', () => {
  it('a gantt with scheduled dates (end made exclusive), sections per group, crit and done tags', async () => {
    const r = await cli(['export', PLANS.platform, '--format', 'mermaid', '--today', '2025-10-27']);
    expect(r.code).toBe(0);
    const plan = load(PLANS.platform);
    const sched = JSON.parse((await cli(['schedule', PLANS.platform, '--today', '2025-10-27', '--json'])).out);
    expect(r.out.startsWith('gantt\n')).toBe(true);
    for (const g of plan.model.groups.filter((g) => plan.model.issues.some((i) => i.group === g.id)))
      expect(r.out, g.id).toContain(`section ${(g.title ?? g.id).replace(/[:;#]/g, ' ').replace(/\s+/g, ' ').trim()}`);
    const first = sched.issues.find((i: { start: string | null }) => i.start);
    const line = r.out.split('\n').find((l) => l.includes(`, ${first.start}, `) && l.includes(first.id.replace(/[:;#]/g, ' ')))!;
    expect(line).toBeDefined();
    const end = new Date(`${first.end}T00:00:00Z`);
    end.setUTCDate(end.getUTCDate() + 1);
    expect(line.endsWith(end.toISOString().slice(0, 10))).toBe(true);
    expect(line.includes('crit')).toBe(first.critical);
  });

  it('marks done issues that have dates as done', async () => {
    const plan = TEAM_PLAN.replace('    done_on: 2026-03-09\n', '    done_on: 2026-03-09\n    started: 2026-03-05\n');
    const r = await cli(['export', writeTemp('t.yaml', plan), '--format', 'mermaid', '--today', '2026-03-10']);
    expect(r.out).toMatch(/A-1 Done yesterday :(crit, )?done, t_A_1, 2026-03-05, 2026-03-10/);
    expect(r.out).toMatch(/A-2 Started Friday :(crit, )?active, t_A_2, 2026-03-10, /);
  });
});

describe('export --format tjp', () => {
  it('sanitises ids to TaskJuggler identifiers and keeps lanes, limits, effort and dependencies', async () => {
    const r = await cli(['export', writeTemp('team.yaml', TEAM_PLAN), '--format', 'tjp', '--today', '2026-03-10']);
    expect(r.code).toBe(0);
    // 8h/w is 1.6h of each 8-hour day: 4h of work is 20h (1200 min) of Ana's allocated time.
    expect(r.out).toMatch(/resource r_ana "Ana" \{\n\}/);
    expect(r.out).toMatch(/task A_4 "A-4: Waits on A-3" \{\n {2}effort 1200min\n {2}allocate r_ana\n {2}depends A_3\n/);
    expect(r.out).toMatch(/task A_2 "A-2: Started Friday" \{\n {2}effort 1200min/);
    expect(r.out).toMatch(/task A_1 "A-1: Done yesterday" \{\n {2}milestone\n {2}complete 100/);
  });

  it('carries holidays, freezes and personal time off as leaves', async () => {
    const plan = TEAM_PLAN.replace('lanes:\n', 'calendar:\n  holidays: [2020-01-01, 2026-04-06, 2040-01-01]\n  freezes:\n    - { name: Freeze, from: 2026-12-21, to: 2027-01-01 }\nlanes:\n').replace(
      '    capacity: 8h/w\n',
      '    capacity: 8h/w\n    time_off:\n      - { from: 2026-03-16, to: 2026-03-20 }\n',
    );
    const r = await cli(['export', writeTemp('team.yaml', plan), '--format', 'tjp', '--today', '2026-03-10']);
    expect(r.out).toContain('leaves holiday "Holiday" 2026-04-06 +1d');
    expect(r.out).toContain('leaves holiday "Freeze" 2026-12-21 +12d');
    expect(r.out).toContain('  leaves annual 2026-03-16 +5d');
    // Outside the project (and, for 2040, outside what TaskJuggler can read): left out.
    expect(r.out).not.toMatch(/2020-01-01|2040-01-01/);
  });
});

describe('export: bad input', () => {
  it.each([
    ['an unknown format', ['--format', 'xml'], /--format: expected one of json, csv, mermaid, tjp, got "xml"/],
    ['no format', [], /--format json\|csv\|mermaid\|tjp is required/],
    ['a bad --today', ['--format', 'csv', '--today', 'someday'], /--today: "someday" is not a date/],
  ])('rejects %s, changing nothing', async (_w, extra, message) => {
    const file = writeTemp('team.yaml', TEAM_PLAN);
    const before = snapshot(file);
    const r = await cli(['export', file, ...extra]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(snapshot(file)).toEqual(before);
  });

  it('a missing or invalid plan is a clear error', async () => {
    const r = await cli(['export', 'plans/missing.yaml', '--format', 'json']);
    expect(r.code).not.toBe(0);
    expect(r.err).not.toMatch(/internal error/);
    const bad = await cli(['export', writeTemp('bad.yaml', 'planboard: 1\ntitle: [\n'), '--format', 'json']);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toMatch(/bad\.yaml:\d+:\d+/);
  });
});
