// Each tracker's own export format, read field by field from a fixture in that exact format
// (test/fixtures/trackers/SOURCES.md says where each format comes from).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { importSource, importText } from '../../src/core/formats/import.js';
import { loadPlanText, type LoadedPlan } from '../../src/core/plan/load.js';
import type { Source } from '../../src/core/formats/types.js';

const DIR = resolve(__dirname, '../fixtures/trackers');

async function plan(source: Source): Promise<LoadedPlan & { format: string }> {
  const r = await importSource(source);
  const loaded = loadPlanText(r.yaml, 'imported.yaml');
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.line}:${p.col} ${p.message}`).join('\n'));
  expect(r.yaml.split('\n', 1)[0]).toMatch(/^# yaml-language-server: \$schema=/);
  return { ...loaded.plan, format: r.format };
}
const file = (name: string): Source => ({ name, text: readFileSync(join(DIR, name), 'utf8') });
function folder(name: string): Source {
  const files: { path: string; text: string }[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d)) statSync(join(d, e)).isDirectory() ? walk(join(d, e)) : files.push({ path: relative(join(DIR, name), join(d, e)), text: readFileSync(join(d, e), 'utf8') });
  };
  walk(join(DIR, name));
  return { name, text: '', files };
}

describe('GitHub: gh issue list --json number,title,state,assignees,labels,milestone,body,url', () => {
  it('gives issues by number with done state, lanes from assignees, milestones with due dates, labels, body and link', async () => {
    const p = await plan(file('gh-issue-list.json'));
    expect(p.format).toBe('github-issues');
    expect(p.model.issues.map((i) => [i.id, i.title, i.status, i.lane])).toEqual([
      ['#42', 'Keep focus in the login form after an error', 'todo', 'alice'],
      ['#41', 'Dark mode', 'todo', undefined],
      ['#39', 'Crash on empty config', 'done', 'alice'],
    ]);
    const i42 = p.model.byId.get('#42')!;
    expect(i42.data).toMatchObject({ milestone: 'v1-2', labels: ['bug'], link: 'https://github.com/acme/app/issues/42' });
    expect(i42.data.notes).toBe('The login form loses focus after a failed attempt.\n\n- [ ] reproduce on Safari\n\nAssignees: alice, bob');
    expect(p.model.byId.get('#41')!.data.labels).toEqual(['enhancement', 'good first issue']);
    expect(p.model.milestones.map((m) => [m.id, m.title, m.deadline])).toEqual([
      ['v1-2', 'v1.2', '2026-03-31'],
      ['v1-1', 'v1.1', undefined],
    ]);
    expect(p.model.lanes.map((l) => [l.id, l.name])).toEqual([['alice', 'Alice Liddell']]);
  });
});

describe('GitHub: gh project item-list --format json', () => {
  it('gives status, assignees, iteration as sprint, milestone, drafts and pull requests', async () => {
    const p = await plan(file('gh-project-item-list.json'));
    expect(p.format).toBe('github-project');
    expect(p.model.issues.map((i) => [i.id, i.title, i.status, i.lane, i.sprint])).toEqual([
      ['#12', 'Onboarding flow', 'in-progress', 'alice', 'Iteration 3'],
      ['draft-1', 'Write the launch post', 'todo', undefined, undefined],
      ['#13', 'Fix flaky upload test', 'done', 'bob', undefined],
    ]);
    expect(p.model.byId.get('#12')!.data).toMatchObject({ milestone: 'v1-2', labels: ['feature'], link: 'https://github.com/acme/app/issues/12', notes: 'Ship the new onboarding.' });
    expect(p.model.byId.get('#13')!.data.labels).toEqual(['ci', 'pull-request']);
    expect(p.model.milestones[0]).toMatchObject({ id: 'v1-2', deadline: '2026-03-31' });
  });
});

describe('Jira CSV export', () => {
  it('reads every field: summary, status, assignee, estimate, points, sprint, due date, parent epic as group, Blocks links', async () => {
    const p = await plan(file('jira-export.csv'));
    expect(p.format).toBe('jira-csv');
    // The epic that the others name as parent is their group, not an issue.
    expect(p.model.issues.map((i) => i.id)).toEqual(['PAY-2', 'PAY-3', 'PAY-4']);
    expect(p.model.groups.map((g) => [g.id, g.title])).toEqual([['parent-PAY-1', 'Checkout redesign']]);
    const [card, secure, refund] = ['PAY-2', 'PAY-3', 'PAY-4'].map((id) => p.model.byId.get(id)!);
    expect(card.data).toMatchObject({
      title: 'Card form', status: 'done', lane: 'alice-liddell', group: 'parent-PAY-1', estimate: '8h', priority: 'medium',
      labels: ['frontend', 'checkout', 'points:3', 'type:story'], sprint: 'PAY Sprint 2', notes: 'Fields: number, expiry, "CVC".', done_on: '2026-03-09',
    });
    expect(secure.data).toMatchObject({ status: 'review', lane: 'bob-stone', estimate: '16h', priority: 'critical', sprint: 'PAY Sprint 2', milestone: 'due-2026-03-20' });
    expect(secure.data.notes).toBe('Needs the bank sandbox.\nSecond line of the description.');
    // PAY-2 blocks PAY-3 (said twice, once from each side); PAY-4 is blocked by PAY-3.
    expect(secure.deps.map((d) => d.id)).toEqual(['PAY-2']);
    expect(refund.deps.map((d) => d.id)).toEqual(['PAY-3']);
    expect(refund.data).toMatchObject({ status: 'todo', priority: 'low', labels: ['points:2', 'type:task'] });
    expect(refund.lane).toBeUndefined();
    expect(p.model.milestones).toEqual([{ id: 'due-2026-03-20', title: 'Due 2026-03-20', kind: 'checkpoint', deadline: '2026-03-20' }]);
    expect(p.model.lanes.map((l) => l.name)).toEqual(['Alice Liddell', 'Bob Stone']);
  });

  it('names the line of a broken quote', async () => {
    await expect(importText('Summary,Issue key\n"Open quote,PAY-1\n', 'bad.csv')).rejects.toThrow(/^bad\.csv:2:1: a quoted CSV field is never closed/);
  });
});

describe('Linear CSV export', () => {
  it('reads title, status, assignee, points, cycle, due date, parent as group, Blocked by, related and duplicates', async () => {
    const p = await plan(file('linear-export.csv'));
    expect(p.format).toBe('linear-csv');
    expect(p.model.issues.map((i) => [i.id, i.status, i.lane, i.sprint, i.group])).toEqual([
      ['ENG-10', 'in-progress', 'alice-liddell', 'Cycle 7', 'project-search'],
      ['ENG-11', 'done', 'bob-stone', 'Cycle 7', 'parent-ENG-10'],
      ['ENG-12', 'todo', undefined, 'Cycle 8', 'parent-ENG-10'],
      ['ENG-13', 'done', undefined, undefined, undefined],
    ]);
    const [search, index, parser, removal] = ['ENG-10', 'ENG-11', 'ENG-12', 'ENG-13'].map((id) => p.model.byId.get(id)!);
    expect(search.data).toMatchObject({ labels: ['Feature', 'Backend', 'points:8'], priority: 'high', milestone: 'due-2026-04-15', started: '2026-03-03', notes: 'Rebuild search on the new index.' });
    expect(index.data).toMatchObject({ done_on: '2026-03-05', labels: ['Backend', 'points:3'] });
    expect(parser.data).toMatchObject({ priority: 'critical', milestone: 'due-2026-03-27', notes: 'Handles "quoted phrases", too.\nRelated to ENG-13' });
    expect(parser.deps.map((d) => d.id)).toEqual(['ENG-11']);
    expect(removal.data.labels).toEqual(['canceled']);
    expect(p.model.groups.map((g) => [g.id, g.title])).toEqual([['project-search', 'Search'], ['parent-ENG-10', 'Search v2']]);
  });
});

describe('Backlog.md folder', () => {
  it('makes one plan of the task files: id, title, status, assignee, labels, dependencies, milestone, parent, criteria', async () => {
    const p = await plan(folder('backlog'));
    expect(p.format).toBe('backlog-md');
    expect(p.data.title).toBe('Acme CLI');
    // Drafts are not part of the plan; completed tasks are done.
    expect(p.model.issues.map((i) => [i.id, i.title, i.status, i.lane])).toEqual([
      ['task-0', 'Pick a name', 'done', 'alice'],
      ['task-1', 'Set up CI', 'in-progress', 'alice'],
      ['task-2', 'Release workflow', 'todo', undefined],
      ['task-2.1', 'Changelog from commits', 'todo', 'bob'],
    ]);
    const ci = p.model.byId.get('task-1')!;
    expect(ci.data).toMatchObject({ labels: ['infra'], milestone: 'v1-0', priority: 'high', notes: 'Run the tests on every push.' });
    expect(ci.data.subtasks).toEqual([{ title: 'Tests run on push', done: true }, { title: 'Badge in the README', done: false }]);
    expect(p.model.byId.get('task-2')!.deps.map((d) => d.id)).toEqual(['task-1', 'task-0']);
    expect(p.model.byId.get('task-2.1')!.group).toBe('parent-task-2');
    expect(p.model.groups).toEqual([expect.objectContaining({ id: 'parent-task-2', title: 'Release workflow' })]);
    expect(p.model.milestones.map((m) => m.id)).toEqual(['v1-0']);
  });
});

describe('taskwarrior: task export', () => {
  it('reads status, projects as nested groups, tags, due, priority, depends (array and string), annotations; leaves deleted out', async () => {
    const p = await plan(file('taskwarrior-export.json'));
    expect(p.format).toBe('taskwarrior');
    expect(p.model.issues.map((i) => [i.id, i.title, i.status, i.group])).toEqual([
      ['tw-5b3e9a0c', 'Buy paint', 'todo', 'home.garden'],
      ['tw-8d7c6b5a', 'Paint the fence', 'in-progress', 'home.garden'],
      ['tw-1a2b3c4d', 'File taxes', 'done', 'admin'],
      ['tw-9f8e7d6c', 'Call the plumber', 'backlog', undefined],
    ]);
    expect(p.model.groups.map((g) => [g.id, g.title, g.parent])).toEqual([
      ['home', 'home', undefined],
      ['home.garden', 'garden', 'home'],
      ['admin', 'admin', undefined],
    ]);
    expect(p.model.byId.get('tw-5b3e9a0c')!.data).toMatchObject({ labels: ['shopping'], priority: 'high', milestone: 'due-2026-03-10' });
    const fence = p.model.byId.get('tw-8d7c6b5a')!;
    expect(fence.deps.map((d) => d.id)).toEqual(['tw-5b3e9a0c']);
    expect(fence.data).toMatchObject({ notes: 'two coats', started: '2026-03-03' });
    expect(p.model.byId.get('tw-1a2b3c4d')!.data).toMatchObject({ done_on: '2026-02-28', labels: ['money', 'yearly'] });
    const plumber = p.model.byId.get('tw-9f8e7d6c')!;
    expect(plumber.deps.map((d) => d.id)).toEqual(['tw-1a2b3c4d']);
    expect(plumber.data.notes).toBe('Depends on issues not in the export: tw-00000000');
  });
});

describe('tracker exports that contradict themselves', () => {
  it('an issue key twice is bad input at its row', async () => {
    await expect(importText('Summary,Issue key\nOne,PAY-1\nTwo,PAY-1\n', 'dup.csv')).rejects.toThrow('dup.csv:3:1: PAY-1 appears twice');
  });

  it('a Blocks cycle is broken and said in the notes, so the plan still validates', async () => {
    const csv = 'ID,Team,Title,Status,Blocked by\nENG-1,Eng,A,Todo,ENG-2\nENG-2,Eng,B,Todo,ENG-1\n';
    const p = await plan({ name: 'cycle.csv', text: csv });
    expect(p.model.byId.get('ENG-1')!.deps.map((d) => d.id)).toEqual(['ENG-2']);
    expect(p.model.byId.get('ENG-2')!.deps).toEqual([]);
    expect(p.model.byId.get('ENG-2')!.data.notes).toBe('Depends on ENG-1 (dropped: it would close a dependency cycle)');
  });

  it('two taskwarrior uuids with the same first 8 characters keep them whole', async () => {
    const a = { uuid: 'abcdef01-0000-4000-8000-000000000001', description: 'a', status: 'pending' };
    const b = { uuid: 'abcdef01-0000-4000-8000-000000000002', description: 'b', status: 'pending', depends: [a.uuid] };
    const p = await plan({ name: 'tw.json', text: JSON.stringify([a, b]) });
    expect(p.model.issues.map((i) => i.id)).toEqual([`tw-${a.uuid}`, `tw-${b.uuid}`]);
    expect(p.model.byId.get(`tw-${b.uuid}`)!.deps.map((d) => d.id)).toEqual([`tw-${a.uuid}`]);
  });

  it('any Jira export with unique keys imports to a plan that validates, whatever its links and statuses', async () => {
    const key = fc.integer({ min: 1, max: 12 }).map((n) => `K-${n}`);
    const row = fc.record({ status: fc.constantFrom('To Do', 'In Progress', 'Done', 'Blocked', 'Weird state', ''), blocks: fc.array(key, { maxLength: 3 }), assignee: fc.constantFrom('', 'Ann', 'Bo Li'), due: fc.constantFrom('', '31/Mar/26 12:00 AM', '2026-02-30', 'soon') });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 12 }), async (rows) => {
        const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
        const text = ['Summary,Issue key,Status,Assignee,Due date,Outward issue link (Blocks),Outward issue link (Blocks),Outward issue link (Blocks)']
          .concat(rows.map((r, k) => [q(`Issue ${k}`), `K-${k + 1}`, q(r.status), q(r.assignee), q(r.due), ...[0, 1, 2].map((j) => r.blocks[j] ?? '')].join(',')))
          .join('\r\n');
        const r = await importText(text, 'fuzz.csv');
        const loaded = loadPlanText(r.yaml, 'fuzz.yaml');
        if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('; '));
      }),
      { numRuns: 150, seed: 3 },
    );
  });
});
