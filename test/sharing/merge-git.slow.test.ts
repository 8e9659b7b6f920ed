import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPlanText } from '../../src/core/plan/load.js';
import { buildChild } from './helpers/build-child.js';
import { PLAN } from './fixture.js';
import { requireTool } from '../support/tools.js';

let root: string;
let driver: string;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'pb-git-'));
  driver = await buildChild('child-merge');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A fresh repository with the driver configured as docs/sharing.md says, and the plan on main. */
function repo(name: string): { git: (...args: string[]) => string; plan: string; dir: string } {
  const dir = join(root, name);
  mkdirSync(join(dir, 'plans'), { recursive: true });
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], { cwd: dir, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('config', 'merge.planboard.driver', `"${process.execPath}" "${driver}" %O %A %B %P`);
  writeFileSync(join(dir, '.gitattributes'), 'plans/*.yaml merge=planboard\n');
  const plan = join(dir, 'plans/team.yaml');
  writeFileSync(plan, PLAN);
  git('add', '.');
  git('commit', '-q', '-m', 'plan');
  return { git, plan, dir };
}
const edit = (plan: string, from: string, to: string) => {
  const t = readFileSync(plan, 'utf8');
  if (!t.includes(from)) throw new Error(`fixture lacks ${from}`);
  writeFileSync(plan, t.replace(from, to));
};
const issues = (text: string) => {
  const r = loadPlanText(text, 'plan');
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return new Map(r.plan.data.issues!.map((i) => [i.id, i]));
};

describe('planboard merge as a git merge driver', () => {
  requireTool('git');
  it('two branches tick different issues and add issues: a clean merge that validates, keeping comments', () => {
    const { git, plan } = repo('clean');
    git('checkout', '-q', '-b', 'a');
    edit(plan, '    title: First\n    status: todo', '    title: First\n    status: done\n    done_on: 2026-03-02');
    writeFileSync(plan, readFileSync(plan, 'utf8') + '  - id: A-NEW\n    title: Added on a   # from branch a\n');
    git('commit', '-q', '-am', 'a');
    git('checkout', '-q', 'main');
    git('checkout', '-q', '-b', 'b');
    edit(plan, '    title: Fourth\n    status: todo', '    title: Fourth\n    status: done\n    done_on: 2026-03-03');
    writeFileSync(plan, readFileSync(plan, 'utf8') + '  - id: B-NEW\n    title: Added on b\n    lane: bo\n');
    git('commit', '-q', '-am', 'b');
    const r = spawnSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@e', 'merge', '-q', '--no-edit', 'a'], {
      cwd: join(root, 'clean'),
      encoding: 'utf8',
    });
    expect(r.status, r.stderr + r.stdout).toBe(0);
    const text = readFileSync(plan, 'utf8');
    const byId = issues(text); // parses AND validates, or throws
    expect(byId.get('S-1')).toMatchObject({ status: 'done', done_on: '2026-03-02' });
    expect(byId.get('S-4')).toMatchObject({ status: 'done', done_on: '2026-03-03' });
    expect(byId.get('A-NEW')?.title).toBe('Added on a');
    expect(byId.get('B-NEW')?.lane).toBe('bo');
    expect(text).toContain('# Team plan — comments and layout must survive every save.');
    expect(text).toContain('    title: Second   # keep me\n');
    expect(text).not.toMatch(/^(<<<<<<<|>>>>>>>)/m);
  });

  it('both branches move the same issue to different lanes: exit 1 and a conflict record that validation points at', () => {
    const { git, plan, dir } = repo('conflict');
    git('checkout', '-q', '-b', 'a');
    edit(plan, '    status: todo\n    lane: ana', '    status: todo\n    lane: bo');
    git('commit', '-q', '-am', 'a');
    git('checkout', '-q', 'main');
    git('checkout', '-q', '-b', 'b');
    edit(plan, '    status: todo\n    lane: ana', '    status: todo\n    lane: cy');
    edit(plan, '    title: Fourth\n    status: todo', '    title: Fourth\n    status: review'); // a clean change alongside
    git('commit', '-q', '-am', 'b');
    const r = spawnSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@e', 'merge', '--no-edit', 'a'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr + r.stdout).toMatch(/S-1 lane: ours "cy" \/ theirs "bo"/);
    const text = readFileSync(plan, 'utf8');
    expect(text).toContain('    lane: cy'); // OURS value kept in place
    expect(text).toMatch(/conflicts:\n {2}- issue: S-1\n {4}field: lane\n {4}ours: cy\n {4}theirs: bo\n/);
    const loaded = loadPlanText(text, 'plans/team.yaml');
    expect(loaded.ok).toBe(false);
    const line = text.split('\n').findIndex((l) => l.startsWith('conflicts:')) + 1;
    expect(loaded.ok ? [] : loaded.problems.map((p) => p.line)).toContain(line);
    expect(text).toContain('    status: review'); // the non-conflicting change survived
  });

  it('takes plan-level sections (lanes, calendar…) changed on one side only', () => {
    const { git, plan, dir } = repo('sections');
    git('checkout', '-q', '-b', 'a');
    edit(plan, '  - id: cy\n', '  - id: cy\n  - id: dee   # new hire\n');
    git('commit', '-q', '-am', 'a');
    git('checkout', '-q', 'main');
    edit(plan, '    title: Third\n', '    title: Third, renamed\n');
    git('commit', '-q', '-am', 'main');
    const r = spawnSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@e', 'merge', '--no-edit', 'a'], { cwd: dir, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(plan, 'utf8');
    expect(text).toContain('  - id: dee   # new hire\n');
    expect(issues(text).get('S-3')?.title).toBe('Third, renamed');
  });
});
