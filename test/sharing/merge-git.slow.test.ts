import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatProblem, loadPlanText } from '../../src/core/plan/load.js';
import { buildChild } from './helpers/build-child.js';
import { PLAN } from './fixture.js';
import { main } from '../../src/cli/main.js';
import { requireTool } from '../support/tools.js';

let root: string;
let driver: string;
beforeAll(async () => {
  requireTool('git');
  root = mkdtempSync(join(tmpdir(), 'pb-git-'));
  driver = await buildChild('child-merge');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A fresh repository with the driver configured as docs/sharing.md says, and the plan on main. */
function repo(name: string, text = PLAN): { git: (...args: string[]) => string; plan: string; dir: string } {
  const dir = join(root, name);
  mkdirSync(join(dir, 'plans'), { recursive: true });
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], { cwd: dir, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('config', 'merge.planboard.driver', `"${process.execPath}" "${driver}" %O %A %B %P`);
  writeFileSync(join(dir, '.gitattributes'), 'plans/*.yaml merge=planboard\n');
  const plan = join(dir, 'plans/team.yaml');
  writeFileSync(plan, text);
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
    expect(text).toContain('  - id: A-NEW\n    title: Added on a   # from branch a\n'); // their added issue as they wrote it
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

type Edit = (plan: string) => void;

/**
 * Branch `a` (theirs) and branch `b` (ours) each edit the plan from main; then, on b, `git merge a`
 * runs the driver. Returns git's exit status, its output and the merged text.
 */
function mergeBranches(name: string, theirs: Edit, ours: Edit, text = PLAN) {
  const { git, plan, dir } = repo(name, text);
  git('checkout', '-q', '-b', 'a');
  theirs(plan);
  git('commit', '-q', '-am', 'a');
  git('checkout', '-q', 'main');
  git('checkout', '-q', '-b', 'b');
  ours(plan);
  git('commit', '-q', '-am', 'b');
  const r = spawnSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@e', 'merge', '--no-edit', 'a'], { cwd: dir, encoding: 'utf8' });
  return { status: r.status, output: r.stdout + r.stderr, text: readFileSync(plan, 'utf8'), dir };
}
const tick = (id: string, n: string) => (plan: string) => edit(plan, `  - id: ${id}\n    title: ${n}\n    status: todo`, `  - id: ${id}\n    title: ${n}\n    status: done\n    done_on: 2026-03-02`);
const conflictsIn = (text: string) => {
  const r = loadPlanText(text, 'plans/team.yaml');
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.problems;
};
const recordLine = (text: string) => text.split(/\r?\n/).findIndex((l) => l.startsWith('conflicts:')) + 1;

describe('merge driver: lanes, milestones and groups from either side merge as data', () => {
  it('theirs add a lane and assign an issue to it: exit 0, both changes, their comment kept, the plan validates', () => {
    const m = mergeBranches(
      'lane-theirs',
      (p) => {
        edit(p, '  - id: cy\n', '  - id: cy\n  - id: dee   # new hire\n');
        edit(p, '    title: Fourth\n    status: todo\n', '    title: Fourth\n    status: todo\n    lane: dee\n');
      },
      tick('S-1', 'First'),
    );
    expect(m.status, m.output).toBe(0);
    expect(m.output).not.toMatch(/internal error/);
    const byId = issues(m.text);
    expect(byId.get('S-4')?.lane).toBe('dee');
    expect(byId.get('S-1')?.status).toBe('done');
    expect(m.text).toContain('  - id: dee   # new hire\n');
  });

  it('ours add the lane and use it while theirs edit that issue: exit 0, nothing lost', () => {
    const m = mergeBranches(
      'lane-ours',
      (p) => edit(p, '    title: Fourth\n', '    title: Fourth, retitled\n'),
      (p) => {
        edit(p, '  - id: cy\n', '  - id: cy\n  - id: dee   # ours\n');
        edit(p, '    title: Fourth\n    status: todo\n', '    title: Fourth\n    status: todo\n    lane: dee\n');
      },
    );
    expect(m.status, m.output).toBe(0);
    const s4 = issues(m.text).get('S-4');
    expect(s4).toMatchObject({ title: 'Fourth, retitled', lane: 'dee' });
  });

  it('both sides add different lanes at the same place and use them: merged by id, both comments kept', () => {
    const m = mergeBranches(
      'lanes-both',
      (p) => {
        edit(p, '  - id: cy\n', '  - id: cy\n  - id: dee   # theirs\n');
        edit(p, '    title: Fourth\n    status: todo\n', '    title: Fourth\n    status: todo\n    lane: dee\n');
      },
      (p) => {
        edit(p, '  - id: cy\n', '  - id: cy\n  - id: eve   # ours\n');
        edit(p, '    title: Second   # keep me\n    status: todo\n    lane: bo', '    title: Second   # keep me\n    status: todo\n    lane: eve');
      },
    );
    expect(m.status, m.output).toBe(0);
    const r = loadPlanText(m.text, 'plan');
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
    expect(r.plan.data.lanes!.map((l) => l.id).sort()).toEqual(['ana', 'bo', 'cy', 'dee', 'eve']);
    expect(m.text).toContain('  - id: dee   # theirs\n');
    expect(m.text).toContain('  - id: eve   # ours\n');
    expect(issues(m.text).get('S-4')?.lane).toBe('dee');
    expect(issues(m.text).get('S-2')?.lane).toBe('eve');
  });

  it('both sides add milestones and groups (different ones) and file issues under them: merged by id', () => {
    const add = (ms: string, g: string, issue: string, from: string) => (p: string) => {
      edit(p, '\nissues:\n', `milestones:\n  - id: ${ms}   # ${from}\n    deadline: 2026-06-30\ngroups:\n  - id: ${g}\n    milestone: ${ms}\n\nissues:\n`);
      edit(p, `  - id: ${issue}\n    title: `, `  - id: ${issue}\n    group: ${g}\n    title: `);
    };
    const m = mergeBranches('ms-groups', add('M-A', 'G-A', 'S-3', 'a'), add('M-B', 'G-B', 'S-5', 'b'));
    expect(m.status, m.output + m.text).toBe(0);
    const r = loadPlanText(m.text, 'plan');
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
    expect(r.plan.data.milestones!.map((x) => x.id).sort()).toEqual(['M-A', 'M-B']);
    expect(r.plan.data.groups!.map((x) => x.id).sort()).toEqual(['G-A', 'G-B']);
    expect(issues(m.text).get('S-3')?.group).toBe('G-A');
    expect(issues(m.text).get('S-5')?.group).toBe('G-B');
    expect(m.text).toContain('# a');
    expect(m.text).toContain('# b');
  });
});

describe('merge driver: comments and formatting', () => {
  it('comments edited on both branches, on different lines, all survive a clean merge', () => {
    const m = mergeBranches(
      'comments',
      (p) => edit(p, '# Ana, mornings', '# Ana, afternoons'),
      (p) => {
        edit(p, '# keep me', '# keep me, please');
        edit(p, '    title: Third\n    status: in-progress', '    title: Third\n    status: review');
      },
    );
    expect(m.status, m.output).toBe(0);
    expect(m.text).toContain('  - id: ana   # Ana, afternoons\n');
    expect(m.text).toContain('    title: Second   # keep me, please\n');
    expect(issues(m.text).get('S-3')?.status).toBe('review');
  });

  it('theirs edit the comment on an issue, ours the header comment: both survive', () => {
    const m = mergeBranches(
      'comment-and-data',
      (p) => edit(p, '    title: Second   # keep me', '    title: Second   # kept, and edited'),
      (p) => edit(p, '# Team plan — comments and layout', '# Team plan (ours) — comments and layout'),
    );
    expect(m.status, m.output).toBe(0);
    expect(m.text).toContain('# kept, and edited');
    expect(m.text).toContain('# Team plan (ours)');
  });

  it('ours delete a comment while theirs change the line below (a conflicting hunk for git): clean, not revived', () => {
    const m = mergeBranches(
      'comment-deleted',
      (p) => edit(p, '    capacity: 20h/w', '    capacity: 30h/w'),
      (p) => edit(p, '  - id: ana   # Ana, mornings\n', '  - id: ana\n'),
    );
    expect(m.status, m.output).toBe(0);
    expect(m.text).toContain('  - id: ana\n    capacity: 30h/w\n');
    expect(m.text).not.toContain('# Ana, mornings');
  });

  it('theirs edit a comment, ours the value on the next line (a conflicting hunk for git): both survive, exit 0', () => {
    const m = mergeBranches(
      'comment-next-line',
      (p) => edit(p, '    title: Second   # keep me', '    title: Second   # kept by them'),
      (p) => edit(p, '    title: Second   # keep me\n    status: todo', '    title: Second   # keep me\n    status: review'),
    );
    expect(m.status, m.output).toBe(0);
    expect(m.text).toContain('    title: Second   # kept by them\n    status: review\n');
  });

  it('theirs edit the comment on a line whose value ours changed: both kept on that line, exit 0', () => {
    const m = mergeBranches(
      'comment-value-line',
      (p) => edit(p, '    title: Second   # keep me', '    title: Second   # edited by them'),
      (p) => edit(p, '    title: Second   # keep me', '    title: Second, ours   # keep me'),
    );
    expect(m.status, m.output).toBe(0);
    expect(m.text).toContain('    title: Second, ours   # edited by them\n');
  });

  it('both change the value and the comment of one line: ours value, their comment in the record', () => {
    const m = mergeBranches(
      'comment-value-both',
      (p) => edit(p, '    title: Second   # keep me', '    title: Second, theirs   # edited by them'),
      (p) => edit(p, '    title: Second   # keep me', '    title: Second, ours   # edited by us'),
    );
    expect(m.status).toBe(1);
    const body = m.text.slice(0, m.text.indexOf('# planboard merge'));
    expect(issues(body).get('S-2')?.title).toBe('Second, ours');
    expect(m.text).toMatch(/section: comments[\s\S]*theirs:\n\s+- "# edited by them"/);
    expect(m.text).toMatch(/- issue: S-2\n {4}field: title\n {4}ours: Second, ours\n {4}theirs: Second, theirs\n/);
  });

  it('the same comment rewritten two ways: exit 1, and the record holds the lost version', () => {
    const m = mergeBranches(
      'comment-clash',
      (p) => edit(p, '# Ana, mornings', '# Ana, late'),
      (p) => edit(p, '# Ana, mornings', '# Ana, early'),
    );
    expect(m.status).toBe(1);
    expect(m.text).toContain('# Ana, early');
    expect(m.text).toMatch(/section: comments[\s\S]*theirs:\n\s+- "# Ana, late"/);
    expect(conflictsIn(m.text).map((p) => p.line)).toContain(recordLine(m.text));
  });
});

describe('merge driver: the conflict record', () => {
  const laneClash = [
    (p: string) => edit(p, '    status: todo\n    lane: ana', '    status: todo\n    lane: bo'),
    (p: string) => edit(p, '    status: todo\n    lane: ana', '    status: todo\n    lane: cy'),
  ] as const;

  it('sits inside the document, before a `...` end marker, and validation points at it (file:line:col)', async () => {
    const m = mergeBranches('doc-end', ...laneClash, PLAN + '...\n# after the end\n');
    expect(m.status).toBe(1);
    const line = recordLine(m.text);
    const end = m.text.split('\n').indexOf('...') + 1;
    expect(line).toBeGreaterThan(0);
    expect(line).toBeLessThan(end);
    const problems = conflictsIn(m.text);
    expect(problems.map(formatProblem).join('\n')).not.toMatch(/more than one YAML document/);
    expect(problems.map(formatProblem).join('\n')).toMatch(/unresolved merge conflicts recorded by planboard merge/);
    expect(problems.map(formatProblem)).toContainEqual(expect.stringMatching(new RegExp(`^plans/team\\.yaml:${line}:1: `)));
    // And the command itself, as the user runs it after the merge.
    let err = '';
    const code = await main(['validate', 'plans/team.yaml'], { out: () => {}, err: (t) => void (err += t), cwd: m.dir, isTTY: false });
    expect(code).toBe(1);
    expect(err).toMatch(new RegExp(`^plans/team\\.yaml:${line}:1: unresolved merge conflicts recorded by planboard merge`, 'm'));
    expect(err).not.toMatch(/more than one YAML document/);
  });

  it('a CRLF plan stays CRLF: the merged lines and the record alike', () => {
    const crlf = PLAN.replace(/\n/g, '\r\n');
    const crlfClash = laneClash.map((f) => (p: string) => {
      writeFileSync(p, readFileSync(p, 'utf8').replace(/\r\n/g, '\n'));
      f(p);
      writeFileSync(p, readFileSync(p, 'utf8').replace(/\n/g, '\r\n'));
    });
    const m = mergeBranches(
      'crlf',
      (p) => {
        crlfClash[0](p);
        edit(p, '    title: Fourth\r\n    status: todo', '    title: Fourth\r\n    status: review');
      },
      (p) => {
        crlfClash[1](p);
        writeFileSync(p, readFileSync(p, 'utf8') + '  - id: S-6\r\n    title: Sixth\r\n');
      },
      crlf,
    );
    expect(m.status).toBe(1);
    expect(m.text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(m.text).toMatch(/\r\nconflicts:\r\n {2}- issue: S-1\r\n {4}field: lane\r\n {4}ours: cy\r\n {4}theirs: bo\r\n/);
    expect(conflictsIn(m.text).map((p) => p.line)).toContain(recordLine(m.text));
    const clean = m.text.slice(0, m.text.indexOf('# planboard merge'));
    expect(issues(clean).get('S-4')?.status).toBe('review');
    expect(issues(clean).get('S-6')?.title).toBe('Sixth');
  });

  it('a clean merge of CRLF plans stays CRLF', () => {
    const crlf = PLAN.replace(/\n/g, '\r\n');
    const m = mergeBranches(
      'crlf-clean',
      (p) => edit(p, '  - id: cy\r\n', '  - id: cy\r\n  - id: dee\r\n'),
      (p) => writeFileSync(p, readFileSync(p, 'utf8') + '  - id: S-6\r\n    title: Sixth\r\n    lane: cy\r\n'),
      crlf,
    );
    expect(m.status, m.output).toBe(0);
    expect(m.text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(issues(m.text).get('S-6')?.lane).toBe('cy');
  });

  it('delete versus edit: exit 1, ours (deleted) stays, and the record shows their version of the issue', () => {
    const m = mergeBranches(
      'delete-edit',
      (p) => edit(p, '    title: Second   # keep me\n    status: todo', '    title: Second, edited\n    status: review'),
      (p) => edit(p, '  - id: S-2\n    title: Second   # keep me\n    status: todo\n    lane: bo\n', ''),
    );
    expect(m.status).toBe(1);
    const body = m.text.slice(0, m.text.indexOf('# planboard merge'));
    expect(issues(body).has('S-2')).toBe(false);
    expect(m.text).toMatch(/- issue: S-2\n {4}field: \(issue\)\n {4}ours: null\n {4}theirs:\n {6}id: S-2\n {6}title: Second, edited\n {6}status: review\n {6}lane: bo\n/);
  });

  it('edit versus delete: ours (edited) stays, and the record shows both versions', () => {
    const m = mergeBranches(
      'edit-delete',
      (p) => edit(p, '  - id: S-2\n    title: Second   # keep me\n    status: todo\n    lane: bo\n', ''),
      (p) => edit(p, '    title: Second   # keep me\n    status: todo', '    title: Second   # keep me\n    status: review'),
    );
    expect(m.status).toBe(1);
    const body = m.text.slice(0, m.text.indexOf('# planboard merge'));
    expect(issues(body).get('S-2')?.status).toBe('review');
    expect(m.text).toMatch(/- issue: S-2\n {4}field: \(issue\)\n {4}ours:\n {6}id: S-2\n {6}title: Second\n {6}status: review\n {6}lane: bo\n {4}theirs: null\n/);
  });

  it('a side that is not a plan: git conflict markers in the file, exit 1, never an internal error', () => {
    const m = mergeBranches(
      'not-a-plan',
      (p) => edit(p, '    title: First\n', '    title: [First\n'),
      (p) => edit(p, '    title: First\n', '    title: First!\n'),
    );
    expect(m.status).toBe(1);
    expect(m.output).not.toMatch(/internal error/);
    expect(m.text).toMatch(/^<<<<<<< /m);
  });
});
