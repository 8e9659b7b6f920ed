import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadPlanText } from '../../src/core/plan/load.js';
import { importText } from '../../src/core/formats/import.js';
import { cli, PLANS, REPO, TEAM_PLAN, writeTemp } from './helpers.js';

const load = (rel: string) => {
  const r = loadPlanText(readFileSync(resolve(REPO, rel), 'utf8'), rel);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.plan;
};
const section = (md: string, heading: string) => {
  const start = md.indexOf(`\n## ${heading}`);
  const end = md.indexOf('\n## ', start + 4);
  return md.slice(start, end === -1 ? undefined : end);
};

describe('planboard report on the STOA v4 plan', async () => {
  const r = await cli(['report', PLANS.stoaV4, '--today', '2026-01-05']);
  const md = r.out;
  const plan = load(PLANS.stoaV4);

  it('succeeds', () => {
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  it('has a summary row per milestone with estimated and remaining days and progress, and a total', () => {
    expect(md).toMatch(/\| \*\*Q1\*\* \| Foundations \(Logos\) \| 2026-03-31 \| 8d \| \*\*4\.5d\*\* \| 44% \|/);
    expect(md).toMatch(/\| \*\*Q2\*\* \| .* \| 10d \| \*\*7\.5d\*\* \| 25% \|/);
    expect(md).toMatch(/\| \*\*TOTAL\*\* \| \| \| \*\*27d\*\* \| \*\*21d\*\* \|/);
  });

  it('lists every issue once as a checklist line with its done state', () => {
    for (const issue of plan.model.issues) {
      const lines = md.split('\n').filter((l) => l.startsWith(`- [${issue.done ? 'x' : ' '}] ${issue.id}: `));
      expect(lines, issue.id).toHaveLength(1);
    }
  });

  it('counts per milestone come from the plan: the metrics match the checklist lines under it', () => {
    for (const id of ['Q1', 'Q2', 'Q3']) {
      const s = section(md, `${id} - `);
      const all = s.match(/^- \[[ x]\] /gm) ?? [];
      const done = s.match(/^- \[x\] /gm) ?? [];
      expect(s).toContain(`- **Total issues:** ${all.length}`);
      expect(s).toContain(`- **Done:** ${done.length} (`);
      expect(s).toContain(`- **Remaining:** ${all.length - done.length}`);
    }
  });

  it('has a phase table per milestone with estimate, epic + sub-issues and status', () => {
    expect(section(md, 'Q1 - ')).toMatch(/\| \*\*3\*\* \| Vault \+ Secrets \| 1\.5d \| CAB-6 \(epic\) \+ 5 sub \| ✅ \*\*Done\*\* \|/);
    expect(section(md, 'Q1 - ')).toMatch(/\| \*\*2\.6\*\* \| Cilium Foundation \| 1\.25d \| CAB-126 \(epic\) \+ 6 sub \| ⬜ Backlog \|/);
  });

  it('availability per month comes from the real calendar (March 2026 has 22 working days: 4.4 weeks, 35.2h at 8h/week)', () => {
    expect(md).toContain('| March 2026 | 4.4 | 35.2h | 4.4d |');
    expect(md).toMatch(/\*\*Total capacity 2026-01-05 → 2026-07-31:\*\* 30d → \*\*Remaining estimate: 21d\*\* ✅ Achievable/);
  });

  it('next actions are ready issues on the critical path', async () => {
    const j = JSON.parse((await cli(['schedule', PLANS.stoaV4, '--today', '2026-01-05', '--json'])).out);
    const first = /## Next Actions\n\n1\. \*\*([^*]+)\*\*/.exec(md)![1];
    const critical = j.issues.filter((i: { critical: boolean }) => i.critical).map((i: { id: string }) => i.id);
    expect(critical).toContain(first);
  });

  it('reads back through planboard import: the same ids with the same done states', async () => {
    const back = await importText(md, 'report.md');
    const loaded = loadPlanText(back.yaml, 'back.yaml');
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    for (const issue of plan.model.issues) expect(loaded.plan.model.byId.get(issue.id)?.done, issue.id).toBe(issue.done);
  });
});

describe('planboard report (other plans and bad input)', () => {
  it.each(Object.values(PLANS))('runs on the seed plan %s', async (p) => {
    const r = await cli(['report', p, '--today', '2026-01-05']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^# .* - Capacity Report/);
  });

  it('works on a plan without milestones', async () => {
    const r = await cli(['report', writeTemp('team.yaml', TEAM_PLAN), '--today', '2026-03-10']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('## Work');
    expect(r.out).toContain('No milestone has a deadline');
  });

  it.each([
    ['a bad --today', ['--today', '2026-1-5'], /bad date for --today/],
    ['an unknown scenario', ['--scenario', 'nope'], /unknown scenario "nope"/],
    ['an unwritable -o', ['-o', '/nonexistent-dir/r.md'], /cannot write/],
  ])('rejects %s', async (_w, extra, message) => {
    const r = await cli(['report', PLANS.stoaV4, ...extra]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(message);
  });

  it('a missing plan is a clear error', async () => {
    const r = await cli(['report', 'plans/nope.yaml']);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/nope\.yaml/);
    expect(r.err).not.toMatch(/internal error/);
  });
});
