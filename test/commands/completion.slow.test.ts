// Shell completion for real: the bash script `planboard completion bash` prints is sourced in a
// bash subprocess, and its function is called with COMP_WORDS/COMP_CWORD as bash would, with
// the built binary on PATH. zsh and fish scripts are checked for syntax where those shells exist
// (they must then parse), and against the same candidates helper.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO, TEAM_PLAN, tempDir } from './helpers.js';
import { candidates } from '../../src/cli/completion.js';

const BIN = resolve(REPO, 'dist/planboard.js');
let dir: string;
let bin: string;
let script: string;

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build first`);
  if (spawnSync('bash', ['--version']).status !== 0) throw new Error('this test needs bash');
  dir = tempDir('pb-compl-');
  bin = join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'planboard'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(bin, 'planboard'), 0o755);
  writeFileSync(join(dir, 'team.yaml'), TEAM_PLAN);
  writeFileSync(join(dir, 'notes.md'), '# not a plan');
  mkdirSync(join(dir, 'plans'));
  script = join(dir, 'planboard.bash');
  const r = spawnSync(join(bin, 'planboard'), ['completion', 'bash'], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  writeFileSync(script, r.stdout);
});

/** What bash offers after typing `line` (the cursor at its end). */
function bashComplete(line: string): string[] {
  const program = `
source "${script}"
COMP_LINE=${JSON.stringify(line)}
read -ra COMP_WORDS <<< "$COMP_LINE"
[[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
COMP_CWORD=$(( \${#COMP_WORDS[@]} - 1 ))
COMP_POINT=\${#COMP_LINE}
_planboard
printf '%s\\n' "\${COMPREPLY[@]}"
`;
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', program], { cwd: dir, encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean).sort();
}

describe('bash completion (sourced and called as bash calls it)', () => {
  it('commands, from the first letters', () => {
    expect(bashComplete('planboard sch')).toEqual(['schedule', 'schema']);
    expect(bashComplete('planboard st')).toEqual(['standup', 'status']);
  });
  it('plan files (YAML and directories, not other files) where a plan goes', () => {
    expect(bashComplete('planboard validate ')).toEqual(['bin', 'plans', 'team.yaml']); // not notes.md
    expect(bashComplete('planboard t')).toEqual(expect.arrayContaining(['team.yaml', 'tick']));
  });
  it('options of the command', () => {
    expect(bashComplete('planboard log team.yaml A-3 1h --')).toEqual(['--base', '--date', '--help', '--json', '--note', '--today']);
  });
  it('issue ids read from the plan', () => {
    expect(bashComplete('planboard tick team.yaml A-')).toEqual(['A-0', 'A-1', 'A-2', 'A-3', 'A-4']);
    expect(bashComplete('planboard tick team.yaml B')).toEqual(['B-1']);
  });
  it('lanes read from the plan, after --lane', () => {
    expect(bashComplete('planboard move team.yaml A-3 --lane ')).toEqual(['ana', 'bo']);
  });
  it('statuses read from the plan, and fixed choices', () => {
    expect(bashComplete('planboard status team.yaml A-3 in')).toEqual(['in-progress']);
    expect(bashComplete('planboard export team.yaml --format ')).toEqual(['csv', 'json', 'mermaid', 'tjp']);
    expect(bashComplete('planboard completion ')).toEqual(['bash', 'fish', 'zsh']);
  });
  it('nothing (and no error) for a plan that does not load', () => {
    expect(bashComplete('planboard tick missing.yaml ')).toEqual([]);
  });
});

const need = (shell: string) => {
  if (spawnSync(shell, ['--version']).status !== 0) throw new Error(`this test needs ${shell} (apt-get install ${shell}; .ci/run installs it)`);
};
const scriptFor = (shell: string) => {
  const r = spawnSync(join(bin, 'planboard'), ['completion', shell], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  const f = join(dir, `planboard.${shell}`);
  writeFileSync(f, r.stdout);
  return f;
};
const env = () => ({ ...process.env, PATH: `${bin}:${process.env.PATH}` });

describe('zsh completion (the function run in zsh, compadd and _files recorded)', () => {
  function zshComplete(line: string): string[] {
    need('zsh');
    const f = scriptFor('zsh');
    const program = `
compdef() { : }
compadd() { local a=\${@[-1]}; print -l -- \${(P)a} }
_files() { print -- ":files $*" }
source ${JSON.stringify(f)}
words=(\${(z)1}); [[ $1 == *' ' ]] && words+=('')
CURRENT=\${#words}
_planboard
`;
    const r = spawnSync('zsh', ['-f', '-c', program, 'zsh', line], { cwd: dir, encoding: 'utf8', env: env() });
    expect(r.stderr).toBe('');
    return r.stdout.split('\n').filter(Boolean).sort();
  }
  it('commands, issue ids, lanes, and plan files through _files', () => {
    expect(zshComplete('planboard sch')).toEqual([':files -g *.(yaml|yml)', 'schedule', 'schema']); // _files filters by the prefix itself
    expect(zshComplete('planboard tick team.yaml A-')).toEqual(['A-0', 'A-1', 'A-2', 'A-3', 'A-4']);
    expect(zshComplete('planboard move team.yaml A-3 --lane ')).toEqual(['ana', 'bo']);
    expect(zshComplete('planboard validate ')).toEqual([':files -g *.(yaml|yml)']);
  });
});

describe('fish completion (complete -C, as fish completes a command line)', () => {
  function fishComplete(line: string): string[] {
    need('fish');
    const f = scriptFor('fish');
    const r = spawnSync('fish', ['--no-config', '-c', `source ${JSON.stringify(f)}; complete -C ${JSON.stringify(line)}`], { cwd: dir, encoding: 'utf8', env: env() });
    expect(r.stderr).toBe('');
    return r.stdout.split('\n').filter(Boolean).map((l) => l.split('\t')[0]).sort();
  }
  it('commands, issue ids, lanes and plan files', () => {
    expect(fishComplete('planboard sch')).toEqual(['schedule', 'schema']);
    expect(fishComplete('planboard tick team.yaml A-')).toEqual(['A-0', 'A-1', 'A-2', 'A-3', 'A-4']);
    expect(fishComplete('planboard move team.yaml A-3 --lane ')).toEqual(['ana', 'bo']);
    expect(fishComplete('planboard validate t')).toEqual(['team.yaml']);
  });
});

describe('the candidates helper', () => {
  it('what each position offers', async () => {
    const cwd = dir;
    expect(await candidates(['edit', 'team.yaml', 'A-3', '--group', ''], 4, cwd)).toEqual([]);
    expect(await candidates(['edit', 'team.yaml', 'A-3', '--status', 'd'], 4, cwd)).toEqual(['done']);
    expect(await candidates(['standup', 'team.yaml', '--since', ''], 3, cwd)).toEqual(['today', 'yesterday', 'tomorrow']);
    expect(await candidates(['', ''], 0, cwd)).toContain(':plans');
    expect(await candidates(['team.yaml', '--t'], 1, cwd)).toEqual(['--today']);
    expect(await candidates(['help', 'sta'], 1, cwd)).toEqual(['standup', 'status']);
  });
});
