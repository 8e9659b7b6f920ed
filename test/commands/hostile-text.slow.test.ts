// Plan text is untrusted. The hostile plan (./hostile-text.ts) goes through every command and
// every export of the BUILT binary, and nothing that came from the plan reaches the terminal or
// an exported file raw: no ESC, no C1 control, no bidi control, no U+2028. Our commands print no
// escape of their own when stdout is not a terminal, so every one counted here came from the plan.
// The binary is dist/planboard.js (`node scripts/build.mjs`), or PLANBOARD_BIN.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO, tempDir } from './helpers.js';
import { countUnsafe, EVIL, FORMULA_TITLES, HOSTILE_BAD_PLAN, HOSTILE_PLAN, HOSTILE_SYNTAX, ID } from './hostile-text.js';
import { parseCsv } from './csv.js';

const BIN = process.env.PLANBOARD_BIN ?? resolve(REPO, 'dist/planboard.js');
const TODAY = ['--today', '2026-03-03'];

let dir: string;
let plan: string;
const fresh = () => {
  const p = join(tempDir('pb-hostile-'), 'plan.yaml');
  writeFileSync(p, HOSTILE_PLAN);
  return p;
};
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr, all: r.stdout + r.stderr };
};

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: build it with node scripts/build.mjs`);
  dir = tempDir('pb-hostile-');
  plan = join(dir, 'plan.yaml');
  writeFileSync(plan, HOSTILE_PLAN);
  writeFileSync(join(dir, 'bad.yaml'), HOSTILE_BAD_PLAN);
  writeFileSync(join(dir, 'syntax.yaml'), HOSTILE_SYNTAX);
  // A merge: both sides retitle the first issue two ways (a conflict naming hostile text).
  const retitle = (to: string) => HOSTILE_PLAN.replace(/( {4}title: )"=cmd[^\n]*/, `$1"${to}\\u001b]0;X\\u0007"`);
  writeFileSync(join(dir, 'base.yaml'), HOSTILE_PLAN);
  writeFileSync(join(dir, 'ours.yaml'), retitle('ours'));
  writeFileSync(join(dir, 'theirs.yaml'), retitle('theirs'));
});

/** Every command a user can run on a plan, with the outputs it writes (stdout, stderr, files). */
const COMMANDS: [string, () => { code: number | null; all: string; files?: string[] }][] = [
  ['open (not a terminal: static kanban)', () => run('plan.yaml', ...TODAY)],
  ...(['kanban', 'timeline', 'capacity', 'standup'] as const).map(
    (view) => [`render --view ${view}`, () => run('render', 'plan.yaml', '--view', view, '--width', '160', ...TODAY)] as [string, () => ReturnType<typeof run>],
  ),
  ['validate', () => run('validate', 'plan.yaml')],
  ['validate --json', () => run('validate', '--json', 'plan.yaml', 'bad.yaml', 'syntax.yaml')],
  ['validate (invalid plan: messages and hints)', () => run('validate', 'bad.yaml', 'syntax.yaml')],
  ['standup', () => run('standup', 'plan.yaml', ...TODAY)],
  ['standup --json', () => run('standup', 'plan.yaml', '--json', ...TODAY)],
  ['standup --lane (unknown: lists lanes)', () => run('standup', 'plan.yaml', '--lane', 'nosuch', ...TODAY)],
  ['hours', () => run('hours', 'plan.yaml', ...TODAY)],
  ['hours --month --json', () => run('hours', 'plan.yaml', '--month', '--json', ...TODAY)],
  ['schedule', () => run('schedule', 'plan.yaml', ...TODAY)],
  ['schedule --json', () => run('schedule', 'plan.yaml', '--json', ...TODAY)],
  ['capacity', () => run('capacity', 'plan.yaml', ...TODAY)],
  ['capacity --by sprint', () => run('capacity', 'plan.yaml', '--by', 'sprint', ...TODAY)],
  ['capacity --json', () => run('capacity', 'plan.yaml', '--json', ...TODAY)],
  ['report', () => run('report', 'plan.yaml', ...TODAY)],
  ['report --scenario (unknown: lists scenarios)', () => run('report', 'plan.yaml', '--scenario', 'x', ...TODAY)],
  ...(['json', 'csv', 'mermaid', 'tjp'] as const).map(
    (format) => [`export --format ${format}`, () => run('export', 'plan.yaml', '--format', format, ...TODAY)] as [string, () => ReturnType<typeof run>],
  ),
  ...(['json', 'csv', 'mermaid', 'tjp'] as const).map(
    (format) =>
      [
        `export --format ${format} -o FILE`,
        () => ({ ...run('export', 'plan.yaml', '--format', format, '-o', `out.${format}`, ...TODAY), files: [join(dir, `out.${format}`)] }),
      ] as [string, () => ReturnType<typeof run> & { files: string[] }],
  ),
  ['report -o FILE', () => ({ ...run('report', 'plan.yaml', '-o', 'out.md', ...TODAY), files: [join(dir, 'out.md')] })],
  ['log (and its message)', () => run('log', fresh(), ID.first, '1h', '--note', EVIL, ...TODAY)],
  ['log --json', () => run('log', fresh(), ID.first, '1h', '--note', EVIL, '--json', ...TODAY)],
  ['log (misspelt id: did you mean)', () => run('log', 'plan.yaml', ID.first.slice(0, -1), '1h', ...TODAY)],
  ['tick', () => run('tick', fresh(), ID.b5, ...TODAY)],
  ['untick', () => run('untick', fresh(), 'B-3', ...TODAY)],
  ['status', () => run('status', fresh(), 'B-2', ID.status, ...TODAY)],
  ['move', () => run('move', fresh(), 'B-2', '--lane', ID.laneA, ...TODAY)],
  ['add (a hostile title, and its message)', () => run('add', fresh(), '--title', EVIL, ...TODAY)],
  ['add --json', () => run('add', fresh(), '--title', EVIL, '--json', ...TODAY)],
  ['edit (a hostile title and labels, and its message)', () => run('edit', fresh(), 'B-2', '--title', EVIL, '--labels', `x,${EVIL}`, '--sprint', EVIL, ...TODAY)],
  ['rm (an issue with a hostile title)', () => run('rm', fresh(), 'B-3', ...TODAY)],
  ['merge (conflict on a hostile title)', () => {
    copyFileSync(join(dir, 'ours.yaml'), join(dir, 'merged.yaml'));
    return run('merge', 'base.yaml', 'merged.yaml', 'theirs.yaml', 'plan.yaml');
  }],
  ['import (our JSON export back into a plan)', () => {
    run('export', 'plan.yaml', '--format', 'json', '-o', 'exp.json', ...TODAY);
    return run('import', 'exp.json', '-o', `imported-${Date.now()}.yaml`, '--force');
  }],
  ['import --json', () => {
    run('export', 'plan.yaml', '--format', 'json', '-o', 'exp2.json', ...TODAY);
    return run('import', 'exp2.json', '-o', `imported-j-${Date.now()}.yaml`, '--force', '--json');
  }],
];

describe('hostile plan text through every command of the built binary', () => {
  it('the hostile plan is a valid plan (so every command really reads it)', () => {
    const r = run('validate', 'plan.yaml');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  const check = (name: string, go: (typeof COMMANDS)[number][1]) => {
    const r = go();
    expect(r.code, r.all).not.toBe(70);
    let text = r.all;
    for (const f of r.files ?? []) if (existsSync(f)) text += readFileSync(f, 'utf8');
    expect(text.length).toBeGreaterThan(0);
    // For the report: HOSTILE_COUNTS=FILE appends one line of counts per command.
    if (process.env.HOSTILE_COUNTS) appendFileSync(process.env.HOSTILE_COUNTS, `${name}\t${JSON.stringify(countUnsafe(text))}\n`);
    expect(countUnsafe(text)).toEqual({ esc: 0, c1: 0, c0: 0, bidi: 0, sep: 0 });
  };
  const NO_RAW = '%s: no ESC, C1, bidi control or line separator from the plan in its output';
  it.each(COMMANDS)(NO_RAW, check);

  it('the plan text is still there, shown inert (caret notation and <U+XXXX>), not dropped', () => {
    const r = run('standup', 'plan.yaml', ...TODAY);
    expect(r.out).toContain('^[]0;PWNED^G^[]52;c;ZXZpbA==^G^[[2J<U+009B>31m<U+0085><U+0090><U+009D><U+202E>evil<U+202C><U+2066>iso<U+2069><U+2028>end');
  });

  it('JSON on stdout escapes what JSON.stringify leaves raw, and still reads back as the same text', () => {
    const r = run('schedule', 'plan.yaml', '--json', ...TODAY);
    const back = JSON.parse(r.out) as { issues: { id: string; title: string }[] };
    expect(back.issues[0].id).toBe(ID.first);
    expect(back.issues[0].title).toBe(FORMULA_TITLES[0] + EVIL);
  });
});

describe('CSV export: no cell a spreadsheet would evaluate, one line ending throughout', () => {
  const csvOf = () => run('export', 'plan.yaml', '--format', 'csv', ...TODAY).out;

  it('every text cell that starts (after blanks) with = + - @ TAB or CR is a quoted cell starting with a single quote', () => {
    const rows = parseCsv(csvOf());
    const head = rows[0];
    expect(head.slice(0, 3)).toEqual(['id', 'title', 'status']);
    const byId = new Map(rows.slice(1).map((r) => [r[0], Object.fromEntries(head.map((h, i) => [h, r[i]]))]));
    let checked = 0;
    for (const row of rows.slice(1))
      for (const cell of row) {
        if (/^[\s]*[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell)) throw new Error(`live formula cell: ${JSON.stringify(cell)}`);
        if (cell.startsWith("'")) checked++;
      }
    expect(checked).toBeGreaterThanOrEqual(FORMULA_TITLES.length + 3);
    expect(byId.get("'=1+1^[]0;PWNED^G^[]52;c;ZXZpbA==^G^[[2J<U+009B>31m<U+0085><U+0090><U+009D><U+202E>evil<U+202C><U+2066>iso<U+2069><U+2028>end")?.title).toMatch(
      /^'=cmd\|' \/C calc'!A0\^\[/,
    );
    expect(byId.get('B-2')?.title).toMatch(/^'\+SUM\(1\)/);
    expect(byId.get('B-3')?.title).toMatch(/^'-2\+3/);
    expect(byId.get('B-4')?.title).toMatch(/^'@SUM\(A1\)/);
    expect(byId.get('B-6')?.title).toMatch(/^'\r\n=1\+1/); // a leading CR: a line break in the cell, still neutralised
    expect(byId.get('B-7')?.title).toMatch(/^' {2}=1\+1/);
  });

  it('the neutralised cells are quoted in the file, and numbers stay numbers', () => {
    const text = csvOf();
    expect(text).toContain(`,"'+SUM(1)`);
    expect(text).not.toMatch(/,'[=+\-@]/); // never an unquoted neutralised cell
    const rows = parseCsv(text);
    const slack = rows[0].indexOf('slack_days');
    for (const r of rows.slice(1)) if (r[slack] !== '') expect(r[slack]).toMatch(/^-?\d+(\.\d+)?$/);
  });

  it('stdout and -o FILE use CRLF after every record, also inside quoted cells, and no bare LF or CR', () => {
    for (const text of [csvOf(), (run('export', 'plan.yaml', '--format', 'csv', '-o', 'crlf.csv', ...TODAY), readFileSync(join(dir, 'crlf.csv'), 'utf8'))]) {
      expect(text.endsWith('\r\n')).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    }
  });
});

describe('Markdown report: hostile titles keep the tables intact', () => {
  it('a milestone and group title with a newline and | stay in their cell', () => {
    const md = HOSTILE_PLAN.replace(/^title: [^\n]*/m, 'title: "Report\\ntitle | piped"')
      .replace(/(milestones:\n {2}- id: [^\n]*\n {4}title: )[^\n]*/, '$1"two\\nlines | and a pipe"').replace(
      /(groups:\n {2}- id: [^\n]*\n {4}title: )[^\n]*/,
      '$1"G\\r\\nx | y"',
    );
    const p = join(dir, 'md.yaml');
    writeFileSync(p, md);
    const r = run('report', 'md.yaml', ...TODAY);
    expect(r.code, r.err).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('# Report title | piped - Capacity Report'); // the heading stays one line
    const tables = lines.filter((l) => l.startsWith('|'));
    const cols = (l: string) => l.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length;
    // Each table's rows have the same number of columns as its header.
    let header = 0;
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i].startsWith('|')) {
        header = 0;
        continue;
      }
      if (!header) header = cols(lines[i]);
      else expect(cols(lines[i]), lines[i]).toBe(header);
    }
    expect(tables.some((l) => l.includes('two lines \\| and a pipe'))).toBe(true);
    expect(tables.some((l) => l.includes('G x \\| y'))).toBe(true);
  });
});
