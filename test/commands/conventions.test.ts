// CLI conventions, checked across the whole command table so a new command is covered the day
// it is added: help, man page, unknown commands, exit codes for bad usage and bad dates, `-` for
// standard input, the plan opened by default, and one JSON key style.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { main } from '../../src/cli/main.js';
import { COMMANDS, resolvedSpec } from '../../src/cli/commands.js';
import { manPage } from '../../src/cli/man.js';
import { VERSION } from '../../src/cli/version.js';
import { optionText } from '../../src/cli/help.js';
import type { Io } from '../../src/cli/command.js';
import { REPO, TEAM_PLAN, tempDir, writeTemp } from './helpers.js';

async function cli(args: string[], opts: { cwd?: string; stdin?: string } = {}) {
  let out = '';
  let err = '';
  const io: Io = {
    out: (t) => void (out += t.endsWith('\n') ? t : t + '\n'),
    err: (t) => void (err += t.endsWith('\n') ? t : t + '\n'),
    cwd: opts.cwd ?? REPO,
    isTTY: false,
    readStdin: async () => opts.stdin ?? '',
  };
  const code = await main(args, io);
  return { code, out, err };
}

const shown = COMMANDS.filter((c) => !c.hidden);

describe('help and the man page come from the command table', () => {
  it.each(shown.map((c) => [c.name, c] as const))('planboard %s --help shows its usage and every option, exit 0', async (name, entry) => {
    const spec = await resolvedSpec(entry);
    const r = await cli([name, '--help']);
    expect(r.code).toBe(0);
    if (name !== 'open') expect(r.out).toMatch(new RegExp(`^usage: planboard ${name}\\b`));
    for (const o of spec.options) expect(r.out).toContain(optionText(o));
  });

  it('planboard --help lists every command but the hidden helpers', async () => {
    const r = await cli(['--help']);
    for (const c of COMMANDS) expect(r.out.includes(`  ${c.name} `)).toBe(!c.hidden);
  });

  it('man/planboard.1 is current (regenerate with npm run gen:man)', async () => {
    expect(readFileSync(resolve(REPO, 'man/planboard.1'), 'utf8')).toBe(await manPage());
  });

  it('the man page names every environment variable the code reads', async () => {
    // Not for users: test hooks, and what only says where HOME is or that CI is running.
    const internal = new Set(['PLANBOARD_FAULT', 'HOME', 'CI', 'CONTINUOUS_INTEGRATION', 'SSH_TTY', 'NODE_ENV']);
    const files = readdirSync(resolve(REPO, 'src'), { recursive: true }).map(String).filter((f) => /\.tsx?$/.test(f));
    const read = new Set<string>();
    for (const f of files) for (const m of readFileSync(resolve(REPO, 'src', f), 'utf8').matchAll(/\benv(?:\.|\[')([A-Z][A-Z0-9_]+)/g)) read.add(m[1]);
    expect(read.has('PLANBOARD_NO_CACHE')).toBe(true); // the scan sees them
    const environment = (await manPage()).split('.SH ENVIRONMENT')[1].split('.SH FILES')[0];
    const named = new Set([...environment.matchAll(/^\.B (.+)$/gm)].flatMap((m) => m[1].split(/, /)));
    expect([...read].filter((n) => !internal.has(n) && !named.has(n))).toEqual([]);
  });

  it('man/planboard.1 is clean roff: groff reports no warning', () => {
    const r = spawnSync('groff', ['-ww', '-man', '-z', resolve(REPO, 'man/planboard.1')], { encoding: 'utf8' });
    if (r.error) throw new Error(`this test needs groff (apt-get install groff-base): ${r.error.message}`);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('--version says the package version', async () => {
    const pkg = JSON.parse(readFileSync(resolve(REPO, 'package.json'), 'utf8'));
    expect(VERSION).toBe(pkg.version);
    expect((await cli(['--version'])).out).toBe(`planboard ${pkg.version}\n`);
  });
});

describe('unknown commands', () => {
  it.each([
    ['shedule', 'schedule'],
    ['valdiate', 'validate'],
    ['stnadup', 'standup'],
    ['comletion', 'completion'],
  ])('"%s" is an unknown command; did you mean "%s"? (exit 2)', async (typo, near) => {
    const r = await cli([typo, 'plans/k3s-mono-pgsql.yaml']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`unknown command "${typo}"; did you mean "${near}"?`);
  });

  it('a word close to nothing is still an unknown command, not "file not found"', async () => {
    const r = await cli(['xyzzy']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^planboard: unknown command "xyzzy"\n/);
  });

  it('a path to a plan that does not exist is a missing file (exit 1), not an unknown command', async () => {
    const r = await cli(['nowhere/plan.yaml']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/file not found/);
  });
});

describe('the plan planboard opens without one', () => {
  const kanban = async (cwd: string) => cli(['--today', '2026-03-10'], { cwd });

  it('./plan.yaml', async () => {
    const d = tempDir();
    writeFileSync(join(d, 'plan.yaml'), TEAM_PLAN);
    mkdirSync(join(d, 'plans'));
    writeFileSync(join(d, 'plans', 'other.yaml'), TEAM_PLAN.replace('title: Team', 'title: Other'));
    const r = await kanban(d);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('Team');
  });

  it('the one plan in ./plans/', async () => {
    const d = tempDir();
    mkdirSync(join(d, 'plans'));
    writeFileSync(join(d, 'plans', 'only.yaml'), TEAM_PLAN.replace('title: Team', 'title: Only'));
    writeFileSync(join(d, 'plans', 'notes.md'), '# not a plan');
    const r = await kanban(d);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('Only');
  });

  it.each([
    ['two plans in ./plans/', ['a.yaml', 'b.yml']],
    ['no plan at all', []],
  ])('%s: the usage, exit 2', async (_w, names) => {
    const d = tempDir();
    mkdirSync(join(d, 'plans'));
    for (const n of names) writeFileSync(join(d, 'plans', n), TEAM_PLAN);
    const r = await cli([], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^usage: planboard \[PLAN\]/);
  });
});

describe('- reads the plan from standard input, for commands that only read', () => {
  const readers = shown.filter((c) => c.readsOnly).map((c) => c.name);
  const extra: Record<string, string[]> = { export: ['--format', 'csv'] };

  it('the read-only commands are the ones expected', () => {
    expect(readers.sort()).toEqual(['capacity', 'export', 'hours', 'render', 'report', 'schedule', 'standup', 'validate']);
  });

  it.each(readers)('planboard %s - reads stdin and prints what it prints for the file', async (name) => {
    const file = writeTemp('team.yaml', TEAM_PLAN);
    const args = (plan: string) => [name, plan, ...(name === 'validate' ? [] : ['--today', '2026-03-10']), ...(extra[name] ?? [])];
    const fromFile = await cli(args(file));
    const fromStdin = await cli(args('-'), { stdin: TEAM_PLAN });
    expect(fromStdin.err).toBe('');
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.out).toBe(fromFile.out.replaceAll(file, '-'));
  });

  it('a plan from stdin with a problem is reported as <stdin>:LINE:COL', async () => {
    const r = await cli(['validate', '-'], { stdin: TEAM_PLAN.replace('lane: ana\n    status: done', 'lane: anna\n    status: done') });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^<stdin>:\d+:\d+: unknown lane "anna"/);
  });

  it.each(shown.filter((c) => c.args[0]?.kind === 'plan' && !c.readsOnly && c.name !== 'open').map((c) => c.name))(
    'planboard %s - is refused: it writes (exit 2)',
    async (name) => {
      const r = await cli([name, '-', 'A-1', 'x'], { stdin: TEAM_PLAN });
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/standard input \(-\) can only be read/);
    },
  );
});

describe('dates on the command line: the same check, message and exit code everywhere', () => {
  // Every date option of every command, straight from the table.
  const cases = shown.flatMap((c) => c.options.filter((o) => o.value === 'date').map((o) => [c.name, o.name] as const));

  it('covers --today on every command that has it', () => {
    expect(cases.filter(([, o]) => o === 'today').map(([c]) => c).sort()).toEqual(
      ['capacity', 'edit', 'export', 'hours', 'log', 'open', 'render', 'report', 'schedule', 'standup', 'status', 'tick'].sort(),
    );
  });

  it.each(cases)('planboard %s --%s 2026-13-01: "not a calendar date", exit 2, nothing written', async (cmd, opt) => {
    const file = writeTemp('team.yaml', TEAM_PLAN);
    const before = readFileSync(file, 'utf8');
    const positional: Record<string, string[]> = { tick: ['A-3'], status: ['A-3', 'done'], log: ['A-3', '1h'], edit: ['A-3'], add: [] };
    const args = [...(cmd === 'open' ? [] : [cmd]), file, ...(positional[cmd] ?? []), `--${opt}`, '2026-13-01', ...(cmd === 'export' ? ['--format', 'csv'] : [])];
    const r = await cli(args);
    expect(r.err).toMatch(new RegExp(`^planboard ${cmd}: --${opt}: "2026-13-01" is not a calendar date \\(there is no month 13\\)`));
    expect(r.code).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});

describe('one JSON key style: snake_case, and a version in every JSON output', () => {
  const camel = /"[a-z][a-z0-9]*[A-Z]\w*":/;
  it.each([
    ['schedule', ['--today', '2026-03-10']],
    ['capacity', ['--today', '2026-03-10']],
    ['standup', ['--today', '2026-03-10']],
    ['hours', ['--today', '2026-03-10']],
    ['validate', []],
  ])('planboard %s --json', async (cmd, extra) => {
    const r = await cli([cmd, writeTemp('team.yaml', TEAM_PLAN), ...extra, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.version).toBe(1);
    expect(r.out).not.toMatch(camel);
  });

  it('planboard export --format json: the model and schedule in snake_case, the plan as written', async () => {
    const r = await cli(['export', writeTemp('team.yaml', TEAM_PLAN), '--format', 'json', '--today', '2026-03-10']);
    const j = JSON.parse(r.out);
    expect(j.version).toBe(1);
    const { plan, ...rest } = j;
    expect(JSON.stringify(rest)).not.toMatch(camel);
    expect(j.schedule.critical_path).toBeDefined();
    expect(plan.issues[0].done_on).toBe('2026-03-02');
  });

  it('planboard log and add --json', async () => {
    const file = writeTemp('team.yaml', TEAM_PLAN);
    for (const args of [['log', file, 'A-3', '1h', '--date', '2026-03-10', '--json'], ['add', file, '--title', 'New', '--json']]) {
      const r = await cli(args);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out).version).toBe(1);
      expect(r.out).not.toMatch(camel);
    }
  });
});

describe('reading a plan for a command', () => {
  it('keeps the fast read: the loaded plan itself, its YAML Document never built', async () => {
    const { loadPlan } = await import('../../src/cli/input.js');
    const { isFastLoaded } = await import('../../src/core/plan/load.js');
    const file = writeTemp('team.yaml', TEAM_PLAN);
    const plan = await loadPlan('schedule', { out: () => {}, err: () => {}, cwd: REPO, isTTY: false }, file);
    expect(isFastLoaded(plan)).toBe(true);
    expect(Object.getOwnPropertyDescriptor(plan, 'doc')?.get).toBeDefined(); // still lazy, not a copied value
    expect(plan.file).toBe(file);
  });
});
