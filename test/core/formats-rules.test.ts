// The Markdown importer's rules, each on its own: inline facts, status words, headings as plan
// sections and milestones, items, tables, made-up ids, and the parser's line stream.
import { describe, expect, it } from 'vitest';
import { inlineFacts } from '../../src/core/formats/roadmap/rules/inline.js';
import { statusOf } from '../../src/core/formats/roadmap/rules/status.js';
import { deadlineIn, headingMilestone, readsAsPlan, saysDone } from '../../src/core/formats/roadmap/rules/heading.js';
import { deadlineBullet, isAside, itemIssue, yearOf } from '../../src/core/formats/roadmap/rules/items.js';
import { tableIssues } from '../../src/core/formats/roadmap/rules/table.js';
import { idMaker } from '../../src/core/formats/roadmap/rules/ids.js';
import { markdownLines } from '../../src/core/formats/roadmap/markdown-lines.js';
import { rstLines } from '../../src/core/formats/roadmap/lines.js';

describe('inline facts of an item', () => {
  it.each([
    ['#12: Login page', { id: '#12', title: 'Login page' }],
    ['ABC-1 Fix the build', { id: 'ABC-1', title: 'Fix the build' }],
    ['**STORY-X** — Harbor mirror', { id: 'STORY-X', title: 'Harbor mirror' }],
    ['Write docs (3d)', { title: 'Write docs', estimate: '3d' }],
    ['Write docs ~2h', { title: 'Write docs', estimate: '2h' }],
    ['Write docs (2-3 days)', { title: 'Write docs', estimate: '2-3d' }],
    ['Sizing [5 pts]', { title: 'Sizing', labels: ['points:5'] }],
    ['Ship it @alice', { title: 'Ship it', owners: ['alice'] }],
    ['Audit (Owner: Sarah Chen)', { title: 'Audit', owners: ['Sarah Chen'] }],
    ['Cache layer #perf #backend', { title: 'Cache layer', labels: ['perf', 'backend'] }],
    ['See [the spec](https://example.com/spec) first', { title: 'See the spec first', link: 'https://example.com/spec' }],
    ['Search v2 (WIP)', { title: 'Search v2', status: { status: 'in-progress' } }],
    ['Search v2 — blocked', { title: 'Search v2', status: { status: 'todo', blocked: true } }],
    ['✅ Release notes', { title: 'Release notes', status: { status: 'done' } }],
  ])('%s', (text, want) => {
    expect(inlineFacts(text)).toMatchObject({ owners: [], labels: [], ...want });
  });

  it('a linked handle is a credit, not an owner', () => {
    expect(inlineFacts('German translation from [@mpbzh](https://github.com/mpbzh)')).toMatchObject({ title: 'German translation from @mpbzh', owners: [] });
  });

  it('keeps an e-mail address and a version in the title', () => {
    expect(inlineFacts('Mail ops@example.com about v1.2').title).toBe('Mail ops@example.com about v1.2');
  });
});

describe('status words', () => {
  it.each([
    ['done', 'done'], ['✅ Included', 'done'], ['Completed', 'done'], ['WIP', 'in-progress'], ['In Progress', 'in-progress'],
    ['🔄 Active', 'in-progress'], ['In Review', 'review'], ['todo', 'todo'], ['To Do', 'todo'], ['planned', 'todo'], ['Backlog', 'backlog'],
  ])('%s → %s', (word, status) => expect(statusOf(word)?.status).toBe(status));

  it('blocked is still to do, marked blocked', () => expect(statusOf('blocked')).toEqual({ status: 'todo', blocked: true }));
  it('an unknown word says nothing', () => expect(statusOf('Shelved by legal')).toBeUndefined());
});

describe('headings', () => {
  it.each(['Roadmap', 'Planned', 'Next', 'Q3', 'v2.0', 'Milestone 4', 'Later features', '2026', 'TODO'])('"%s" reads as a plan', (h) => expect(readsAsPlan(h)).toBe(true));
  it.each(['Introduction', 'Contributors', 'Installation'])('"%s" does not', (h) => expect(readsAsPlan(h)).toBe(false));
  it.each(['Risks and Mitigations', 'Status Legend', 'Decision Log', 'How to Use This Document'])('"%s" is an aside', (h) => expect(isAside(h)).toBe(true));
  it('says done for "DONE", "Completed Milestones" and a ✅, not for "Not yet done"', () => {
    expect([saysDone('DONE'), saysDone('Completed Milestones'), saysDone('v1.1: Self-Improvement ✅'), saysDone('Not yet done')]).toEqual([true, true, true, false]);
  });

  it.each([
    ['v1.2 (2026-03)', { id: 'v1.2', title: 'v1.2', kind: 'release', deadline: '2026-03-31' }],
    ['Q2 2026', { id: 'Q2', kind: 'quarter', deadline: '2026-06-30' }],
    ['[1.1.1] - 2023-03-05', { id: '1.1.1', title: '1.1.1', deadline: '2023-03-05' }],
    ['v0.1.0 — Foundation ⏳', { id: 'v0.1.0', deadline: undefined }],
    ['Milestone 2: Beta', { id: 'milestone-2', deadline: undefined }],
  ])('"%s" is a milestone', (h, want) => expect(headingMilestone(h)).toMatchObject(want));

  it('"Due: March 31" takes the year the document is about', () => {
    expect(headingMilestone('Launch — Due: March 31', 2026)).toMatchObject({ deadline: '2026-03-31' });
  });
  it.each(['Phase 2.6 - Cilium', 'Story 1.1', 'Sprint 3', 'Installation'])('"%s" is not a milestone', (h) => expect(headingMilestone(h)).toBeUndefined());

  it('reads deadlines as calendar dates, never past the month', () => {
    expect(deadlineIn('mid-September 2018')).toBe('2018-09-15');
    expect(deadlineIn('late-November 2018')).toBe('2018-11-30');
    expect(deadlineIn('Feb 2028')).toBe('2028-02-29');
    expect(deadlineIn('February 30, 2026')).toBeUndefined();
    expect(deadlineIn('January 15', undefined)).toBeUndefined();
  });
});

describe('items', () => {
  const item = (text: string, checked: boolean | null) => ({ text, checked, depth: 0, more: [] });
  it('a task item keeps its box: checked is done whatever the words, unchecked takes a status word', () => {
    expect(itemIssue(item('Ship (WIP)', true), false).status).toBe('done');
    expect(itemIssue(item('Ship (WIP)', false), false).status).toBe('in-progress');
    expect(itemIssue(item('Ship', false), true).status).toBe('todo');
  });
  it('a plain bullet is done when its heading says so', () => {
    expect(itemIssue(item('Ship', null), true).status).toBe('done');
    expect(itemIssue(item('Ship', null), false).status).toBeUndefined();
  });
  it('"Deadline: January 15" is a date for the section, not work', () => {
    expect(deadlineBullet('Deadline: January 15', 2025)).toBe('2025-01-15');
    expect(deadlineBullet('Deadline handling for uploads', 2025)).toBeUndefined();
  });
  it('the year a document is about comes from its first heading', () => {
    expect(yearOf('# Q1 2025 Product Roadmap\n\nSee 2019 notes, 2019 again.')).toBe(2025);
    expect(yearOf('Plan\n\n2019 and 2019 and 2021')).toBe(2019);
  });
});

describe('tables', () => {
  const rows = (...r: string[][]) => r.map((cells, k) => ({ line: k + 1, cells }));
  it('a table with a title column and status, owner, estimate, due gives issues with those fields', () => {
    const got = tableIssues(rows(['Task', 'Status', 'Owner', 'Estimate', 'Due', 'Notes'], ['**Login**', '✅ Done', '@alice', '3d', '2026-03-31', 'easy'], ['API', 'Blocked', 'TBD', '5', 'soon', '']), { done: false });
    expect(got).toEqual([
      { line: 2, title: 'Login', status: 'done', owner: 'alice', estimate: '3d', due: '2026-03-31', labels: [], link: undefined, notes: ['Notes: easy'] },
      { line: 3, title: 'API', status: 'todo', labels: ['blocked', 'points:5'], link: undefined, notes: ['Due: soon'], due: undefined },
    ]);
  });
  it('a table of words is not a plan', () => {
    expect(tableIssues(rows(['Symbol', 'Meaning'], ['✅', 'Complete']), { done: false })).toBeNull();
    expect(tableIssues(rows(['Feature', 'Notes'], ['Login', 'x']), { done: false })).toBeNull();
  });
});

describe('ids for items that have none', () => {
  it('follow the plan: ABC-12 → ABC-13, #7 → #8, none → T-1, never an id in use', () => {
    const taken = new Set(['ABC-13']);
    const abc = idMaker('- [x] ABC-12: one\n- [ ] ABC-3: two', (id) => taken.has(id));
    expect([abc(), abc()]).toEqual(['ABC-14', 'ABC-15']);
    expect(idMaker('- [ ] #7 fix it', () => false)()).toBe('#8');
    expect(idMaker('- Arabic translation (#444).', () => false)()).toBe('T-1');
    expect(idMaker('no ids here', () => false)()).toBe('T-1');
  });
});

describe('line streams', () => {
  it('Markdown through the parser: setext headings, task items with state and depth, wrapped lines, code and HTML', () => {
    const lines = markdownLines('Title\n=====\n\n* [X] done thing\n  wrapped\n  - [ ] nested\n\n```\n- [ ] not a task\n```\n<!-- - [ ] nor this -->\n');
    expect(lines[0]).toMatchObject({ kind: 'heading', level: 1, text: 'Title' });
    expect(lines[3].item).toEqual({ checked: true, depth: 0, text: 'done thing', more: ['wrapped'] });
    expect(lines[4].cont).toBe(true);
    expect(lines[5].item).toMatchObject({ checked: false, depth: 1, text: 'nested' });
    expect(lines[8]).toMatchObject({ kind: 'code' });
    expect(lines[8].item).toBeUndefined();
    expect(lines[10].html).toBe(true);
  });
  it('reStructuredText: titles by adornment, bullets and their wrapped lines', () => {
    const lines = rstLines('Roadmap\n=======\n\n* First thing\n  goes on\n* Second\n');
    expect(lines[0]).toMatchObject({ kind: 'heading', level: 1, text: 'Roadmap' });
    const items = lines.filter((l) => l.item).map((l) => l.item);
    expect(items).toEqual([
      { checked: null, depth: 0, text: 'First thing', more: ['goes on'] },
      { checked: null, depth: 0, text: 'Second', more: [] },
    ]);
  });
});
