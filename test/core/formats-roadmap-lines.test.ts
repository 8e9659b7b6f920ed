// The roadmap reader's line rules, one small document each (the seed tests cover them at scale).
import { describe, expect, it } from 'vitest';
import { importRoadmap } from '../../src/core/formats/roadmap/engine.js';
import { markdownLines } from '../../src/core/formats/roadmap/markdown-lines.js';

const read = (md: string) => {
  const { data, unplaced } = importRoadmap(markdownLines(md), md);
  const issues = (data.issues ?? []) as Record<string, unknown>[];
  return { data: data as Record<string, any>, unplaced, issue: (id: string) => issues.find((i) => i.id === id)!, ids: issues.map((i) => i.id) };
};

describe('heading lines', () => {
  it('an issue heading takes its id, title and trailing estimate; the first level-1 heading is the title', () => {
    const r = read('# Plan\n\n## Phase 1\n\n### #44: Storage ⏱️ 2-3 jours\n');
    expect(r.data.title).toBe('Plan');
    expect(r.issue('#44')).toMatchObject({ title: 'Storage', estimate: '2-3d', group: 'phase-1' });
  });
  it('a section with an estimate and no issues is itself the work, with its tasks', () => {
    const r = read('# P\n\n## Infra K3s (~15 jours)\n\n**Tâches**:\n- install\n- harden\n');
    expect(r.issue('infra-k3s')).toMatchObject({ estimate: '15d', subtasks: ['install', 'harden'] });
  });
});

describe('id items and issue notes', () => {
  it('checked ids are done, a done-list heading makes its items done, a checkbox under an issue heading is a subtask', () => {
    const r = read('# P\n\n## Open\n- [x] CAB-1: one\n- [ ] CAB-2: two (In Progress)\n\n## Completed\n- CAB-3: three\n\n### #9: Issue\n- [x] a step\nfree words\n');
    expect([r.issue('CAB-1').status, r.issue('CAB-2').status, r.issue('CAB-3').status]).toEqual(['done', 'in-progress', 'done']);
    expect(r.issue('#9')).toMatchObject({ subtasks: [{ title: 'a step', done: true }], notes: 'free words' });
  });
});

describe('field lines', () => {
  it('fields of an issue heading, of a section (deadline, goal) and of the plan (date)', () => {
    const r = read('# P\n\n**Date:** 2026-01-05\n\n## Release 1 - Launch\n**Deadline:** March 31, 2026\n\n### #1: Login\n**Priority**: High | **Track**: Web\n**Depends on**: #2\n\n### #2: API\n');
    expect(r.data.as_of).toBe('2026-01-05');
    expect(r.data.milestones).toEqual([{ id: 'release-1', title: 'Launch', kind: 'release', deadline: '2026-03-31' }]);
    expect(r.issue('#1')).toMatchObject({ priority: 'high', track: 'Web', depends_on: ['#2'] });
  });
});

describe('calendar lines', () => {
  it('a sprint heading takes its dates, a freeze its range', () => {
    const r = read('# P\n\n### Sprint 1 — Go\n**Oct 27 – Nov 7, 2025** | 2 weeks\n- STORY-A: first\n\n## Change Freeze\n**Dec 22, 2025 – Jan 2, 2026**\n');
    expect(r.data.calendar.sprints.list).toEqual([{ name: 'Sprint 1', goal: 'Go', start: '2025-10-27', end: '2025-11-07' }]);
    expect(r.data.calendar.freezes).toEqual([{ name: 'Change Freeze', from: '2025-12-22', to: '2026-01-02' }]);
    expect(r.issue('STORY-A').sprint).toBe('Sprint 1');
  });
});

describe('story plans and the lists they open', () => {
  it('"Apres X:" lists dependencies, the critical path orders its chain, "Dev A:" lists a scenario lane, a checkpoint requires', () => {
    const r = read('# P\n\nApres 1.1:\n- 1.2, 1.3\n\nChemin critique: `1.1 -> 1.3 -> 2.1`\n\n## 3) Plan 2 dev\nDev A (core):\n- 1.1 -> 1.2\nDev B:\n- 1.3\n\nCheckpoint A:\n- 1.1 done\n');
    expect(r.issue('1.2').depends_on).toEqual(['1.1']);
    expect(r.issue('2.1').depends_on).toEqual(['1.3']);
    expect(r.data.calendar.critical_path).toEqual(['1.1', '1.3', '2.1']);
    expect(r.data.scenarios).toEqual([{ id: 'plan-2-dev', title: 'Plan 2 dev', assign: { 'dev-a': ['1.1', '1.2'], 'dev-b': ['1.3'] } }]);
    expect(r.data.milestones).toContainEqual({ id: 'checkpoint-a', title: 'Checkpoint A', kind: 'checkpoint', requires: ['1.1'] });
  });
});

describe('tables', () => {
  it('a phase table gives its phase group an estimate and an epic', () => {
    const r = read('# P\n\n## Q1 2026\n\n| Phase | Scope | Est. | Issues |\n|---|---|---|---|\n| **1.1** | Base | 2j | CAB-5 (epic) |\n\n### Phase 1.1 - Base\n- [ ] CAB-5: epic thing\n- [ ] CAB-6: work\n');
    expect(r.data.groups).toContainEqual(expect.objectContaining({ title: 'Phase 1.1 - Base', estimate: '2d', epic: 'CAB-5' }));
  });
  it('a table of work items gives issues with status, lane, estimate and a due milestone', () => {
    const r = read('# Roadmap 2026\n\n| Task | Status | Owner | Estimate | Due |\n|---|---|---|---|---|\n| Login | WIP | @ana | 3d | March 31 |\n');
    expect(r.issue('T-1')).toMatchObject({ title: 'Login', status: 'in-progress', lane: 'ana', estimate: '3d', milestone: 'due-2026-03-31' });
  });
});

describe('work items', () => {
  it('nested task items are issues too; plain bullets under a task item are its steps; wrapped lines its notes', () => {
    const r = read('# Roadmap\n\n- [ ] Tests\n  - [x] api\n  - [ ] cli\n- Ship it\n  - tag\n  - publish\n- [x] Long item\n  that wraps\n');
    expect(r.ids).toEqual(['T-1', 'T-2', 'T-3', 'T-4', 'T-5']);
    expect(r.issue('T-2')).toMatchObject({ title: 'api', status: 'done' });
    expect(r.issue('T-4')).toMatchObject({ title: 'Ship it', subtasks: ['tag', 'publish'] });
    expect(r.issue('T-5')).toMatchObject({ status: 'done', notes: 'that wraps' });
  });
  it('a paragraph introducing a list says whether it is work: "Later features:" is, "Our principles:" is not', () => {
    const r = read('# Roadmap\n\nOur principles:\n\n- Keep it small\n\nLater features:\n\n- Export to PDF\n');
    expect(r.ids).toEqual(['T-1']);
    expect(r.issue('T-1').title).toBe('Export to PDF');
    expect(r.unplaced.map((u) => u.text)).toContain('- Keep it small');
  });
});

describe('finishing', () => {
  it('a dependency cycle is broken and reported; an unknown dependency stays readable', () => {
    const r = read('# P\n\n### #1: A\n**Depends on**: #2\n\n### #2: B\n**Depends on**: #1, #7\n');
    expect(r.unplaced.map((u) => u.text)).toContainEqual(expect.stringMatching(/dropped: it would close a cycle/));
    expect(r.issue('#2').notes).toContain('Mentions unknown issues: #7');
  });
});
