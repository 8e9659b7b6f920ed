// `planboard report`: a Markdown capacity-planning report in the style of the STOA seeds —
// summary per milestone, phase tables and issue checklists, metrics, monthly availability from
// the real calendar, the capacity verdict and the next actions. Every number is computed from
// the plan and its schedule; none is copied from prose.
import type { GroupData, Issue, Model } from '../plan/model.js';
import type { MilestoneForecast, Schedule } from '../schedule/types.js';
import type { MilestoneOdds } from '../schedule/forecast-mc.js';
import { isWorkingDay, laneHoursOn } from '../schedule/calendar.js';
import { addDays, parseISODate, formatISODate, ymd, dayOf } from '../schedule/dates.js';
import { markdownCell, sanitize as t } from '../text/sanitize.js';

export interface ReportOptions {
  today: string;
  /** Shown in the footer. */
  source?: string;
  /** Monte Carlo odds of landing per milestone, shown after the summary. */
  odds?: { samples: number; seed: number; milestones: MilestoneOdds[] };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const num = (n: number) => String(Math.round(n * 100) / 100);
const pct = (x: number) => `${Math.round(x * 100)}%`;
// Plan text enters the report through these: `t` (inert, one line) and `cell` (also `|` escaped).
const cell = markdownCell;
const oneLine = (s: string) => t(s.replace(/\s*\r?\n\s*/g, ' '));

/** A phase's number from its id or title (`phase-2.6`, `Phase 2.6 - Cilium`), else its id. */
function phaseLabel(g: GroupData): string {
  const m = /^phase[-_ ]?(\d+(?:\.\d+)*)(?![\d.])/i.exec(g.id) ?? /^phase\s+([\d.]+)/i.exec(g.title ?? '');
  return m ? m[1] : g.id;
}

export function markdownReport(model: Model, schedule: Schedule, opts: ReportOptions): string {
  const hpd = model.hoursPerDay;
  const days = (h: number) => `${num(h / hpd)}d`;
  const { today } = opts;
  const out: string[] = [];
  const push = (...l: string[]) => out.push(...l);
  const issuesById = model.byId;
  const firstStatus = model.statuses[0];
  const statusName = (s: string) => t(s.charAt(0).toUpperCase() + s.slice(1).replace(/-/g, ' '));

  push(`# ${t(model.title)} - Capacity Report`, '');
  push(`**Date:** ${today}`);
  if (model.data.version) push(`**Version:** ${t(model.data.version)}`);
  if (model.data.target) push(`**Target:** ${t(model.data.target)}`);
  push('', '---', '');

  // Summary per milestone.
  const ms = schedule.milestones;
  push('## Summary', '');
  push('| Milestone | Title | Deadline | Estimated Days | Remaining Days | Progress | Forecast |');
  push('|-----------|-------|----------|----------------|----------------|----------|----------|');
  let totEst = 0;
  let totRem = 0;
  for (const m of ms) {
    totEst += m.estimateHours;
    totRem += m.remainingHours;
    push(`| **${cell(m.id)}** | ${cell(m.title ?? '')} | ${m.deadline ?? '—'} | ${days(m.estimateHours)} | **${days(m.remainingHours)}** | ${pct(m.progressEstimate)}${m.progressEstimate >= 1 ? ' ✅' : ''} | ${forecastText(m)} |`);
  }
  push(`| **TOTAL** | | | **${days(totEst)}** | **${days(totRem)}** | **${totEst > 0 ? pct((totEst - totRem) / totEst) : '—'}** | ${schedule.finish ?? '—'} |`);
  if (opts.odds && opts.odds.milestones.length > 0) {
    push('', `**Odds of landing** (${opts.odds.samples} Monte Carlo samples of the estimate ranges and each lane's logged ÷ estimated hours, seed ${opts.odds.seed}):`, '');
    push('| Milestone | Deadline | Chance by deadline | P50 | P85 |', '|-----------|----------|--------------------|-----|-----|');
    for (const o of opts.odds.milestones) push(`| **${cell(o.id)}** | ${o.deadline ?? '—'} | ${o.probability === null ? '—' : pct(o.probability)} | ${o.p50 ?? '—'} | ${o.p85 ?? '—'} |`);
  }
  push('', '---', '');

  // Per milestone: phase table, checklists, metrics.
  const covered = new Set<string>();
  for (const m of ms) {
    const issues = m.issues.map((id) => issuesById.get(id)!).filter(Boolean);
    issues.forEach((i) => covered.add(i.id));
    const data = model.milestones.find((x) => x.id === m.id);
    push(`## ${oneLine(m.id)}${m.title ? ` - ${oneLine(m.title)}` : ''}`);
    const meta = [m.deadline ? `**Deadline:** ${m.deadline}` : '', data?.ref ? `**Ref:** ${oneLine(data.ref)}` : '', `**Forecast:** ${forecastText(m)}`].filter(Boolean);
    push(meta.join(' | '), '');
    groupSections(issues);
    const done = issues.filter((i) => i.done).length;
    push(`### ${oneLine(m.id)} Metrics`);
    push(`- **Total issues:** ${issues.length}`);
    push(`- **Done:** ${done} (${issues.length ? pct(done / issues.length) : '0%'})`);
    push(`- **Remaining:** ${issues.length - done}`);
    if (m.unestimated) push(`- **Unestimated:** ${m.unestimated} (counted, not guessed)`);
    push('', '---', '');
  }

  const others = model.issues.filter((i) => !covered.has(i.id));
  if (others.length) {
    push(ms.length ? '## Other Work (no milestone)' : '## Work', '');
    groupSections(others);
    push('---', '');
  }

  // Overview by status.
  push('## Issue Overview', '', '| Status | Count | % |', '|--------|-------|---|');
  const total = model.issues.length;
  for (const s of model.statuses) {
    const n = model.issues.filter((i) => i.status === s).length;
    if (n) push(`| ${s === 'done' ? '**Done**' : cell(statusName(s))} | ${n} | ${pct(n / total)} |`);
  }
  push(`| **TOTAL** | **${total}** | 100% |`, '', '---', '');

  // Next actions: the first ready issues on the critical path, then other ready work.
  push('## Next Actions', '');
  const ready = (id: string) => {
    const i = issuesById.get(id);
    const s = schedule.byId.get(id);
    return i && s && !i.done && s.blockedBy.length === 0;
  };
  const critical = schedule.criticalPath.filter(ready).slice(0, 5);
  const more = schedule.issues
    .filter((s) => ready(s.id) && !critical.includes(s.id) && s.start)
    .sort((a, b) => a.start!.localeCompare(b.start!))
    .slice(0, Math.max(0, 3 - critical.length));
  if (!critical.length && !more.length) push('Nothing is ready: every open issue waits on another.');
  let n = 1;
  for (const id of critical) push(`${n++}. **${oneLine(id)}** - ${oneLine(issuesById.get(id)!.title)} (${statusName(issuesById.get(id)!.status)}, critical path, starts ${schedule.byId.get(id)!.start ?? 'unscheduled'})`);
  for (const s of more) push(`${n++}. **${oneLine(s.id)}** - ${oneLine(issuesById.get(s.id)!.title)} (${statusName(issuesById.get(s.id)!.status)}, starts ${s.start})`);
  push('', '---', '');

  // Availability per month, from the calendar the scheduler uses.
  availability();
  push('---', '', `*Generated by planboard on ${today}${opts.source ? ` from ${oneLine(opts.source)}` : ''} - based on ${total} issues*`);
  const doneAll = model.issues.filter((i) => i.done).length;
  push(`*${doneAll} Done (${total ? pct(doneAll / total) : '0%'}) | ${total - doneAll} open (${total ? pct((total - doneAll) / total) : '0%'})*`);
  return out.join('\n') + '\n';

  function groupSections(issues: Issue[]): void {
    const groups: { g: GroupData | undefined; issues: Issue[] }[] = [];
    const at = new Map<string | undefined, number>();
    for (const i of issues) {
      const key = i.group && model.groupById.has(i.group) ? i.group : undefined;
      if (!at.has(key)) at.set(key, groups.push({ g: key ? model.groupById.get(key) : undefined, issues: [] }) - 1);
      groups[at.get(key)!].issues.push(i);
    }
    push('### Issues by Phase', '', '| Phase | Scope | Est. | Issues | Status |', '|-------|-------|------|--------|--------|');
    for (const { g, issues: list } of groups) {
      const doneN = list.filter((i) => i.done).length;
      const active = list.some((i) => !i.done && (i.status !== firstStatus || i.loggedHours > 0));
      const est = g?.estimate !== undefined ? estDays(g.estimate) : sumOwn(list);
      const epic = g?.epic && list.some((i) => i.id === g.epic) ? g.epic : undefined;
      const ids = epic ? `${epic} (epic) + ${list.length - 1} sub` : list.length <= 3 ? list.map((i) => i.id).join(', ') : `${list.length} issues`;
      const status = doneN === list.length ? '✅ **Done**' : doneN > 0 || active ? `🟡 ${doneN}/${list.length}` : `⬜ ${cell(statusName(firstStatus))}`;
      push(`| **${cell(g ? phaseLabel(g) : '—')}** | ${cell(g?.title ?? '(no group)')} | ${est} | ${cell(ids)} | ${status} |`);
    }
    push('');
    for (const { g, issues: list } of groups) {
      const allDone = list.every((i) => i.done);
      const title = g ? (/^phase/i.test(g.id) && !/^phase/i.test(g.title ?? '') ? `Phase ${phaseLabel(g)} - ${g.title ?? g.id}` : (g.title ?? g.id)) : '(no group)';
      push(`#### ${oneLine(title)}${allDone ? ' ✅' : ''}`);
      for (const i of list) push(`- [${i.done ? 'x' : ' '}] ${oneLine(i.id)}: ${oneLine(i.title)}${!i.done && i.status !== firstStatus ? ` (${statusName(i.status)})` : ''}`);
      push('');
    }
  }

  function estDays(text: string): string {
    const m = /^\s*([\d.]+)\s*(?:-\s*([\d.]+)\s*)?(h|d|w)?\s*$/.exec(text);
    if (!m) return text;
    const f = { h: 1 / hpd, d: 1, w: 5 }[(m[3] ?? 'd') as 'h' | 'd' | 'w'];
    return m[2] ? `${num(+m[1] * f)}-${num(+m[2] * f)}d` : `${num(+m[1] * f)}d`;
  }

  function sumOwn(list: Issue[]): string {
    const withEst = list.filter((i) => i.estimate);
    if (!withEst.length) return '—';
    return days(withEst.reduce((s, i) => s + i.estimate!.expected, 0));
  }

  function availability(): void {
    const lanes = model.lanes;
    push('## Estimated Availability', '');
    if (!lanes.length) {
      push('The plan names no lanes, so there is no capacity to report.', '');
      return;
    }
    push(`**Lanes:** ${lanes.map((l) => `${oneLine(l.name)} ${num(l.capacity.hours)}h/${l.capacity.per === 'w' ? 'week' : 'day'}`).join(', ')}`, '');
    const deadlines = ms.map((m) => m.deadline).filter((d): d is string => Boolean(d));
    const last = [...deadlines, schedule.finish ?? today].reduce((a, b) => (a > b ? a : b), today);
    push('| Month | Weeks | Available Hours | Day Equivalent |', '|-------|-------|-----------------|----------------|');
    const perWeek = model.workdays.length || 5;
    let q = { key: '', weeks: 0, hours: 0 };
    const flushQ = () => {
      if (q.key) push(`| **${q.key} Total** | ${num(q.weeks)} | ${num(q.hours)}h | **${num(q.hours / hpd)}d** |`);
    };
    let { y, m } = ymd(parseISODate(today));
    for (let k = 0; k < 36; k++) {
      const start = formatISODate(dayOf(y, m, 1));
      if (start > last) break;
      const end = formatISODate(dayOf(y, m + 1, 1) - 1);
      let hours = 0;
      let work = 0;
      for (let d = start < today ? today : start; d <= end; d = addDays(d, 1)) {
        if (isWorkingDay(model, d)) work++;
        for (const l of lanes) hours += laneHoursOn(model, l.id, d);
      }
      const qKey = `Q${Math.floor((m - 1) / 3) + 1} ${y}`;
      if (qKey !== q.key) {
        flushQ();
        q = { key: qKey, weeks: 0, hours: 0 };
      }
      q.weeks += work / perWeek;
      q.hours += hours;
      const label = `${MONTHS[m - 1]} ${y}${start < today ? ` (from ${today})` : ''}`;
      push(`| ${label} | ${num(work / perWeek)} | ${num(hours)}h | ${num(hours / hpd)}d |`);
      m++;
      if (m > 12) {
        m = 1;
        y++;
      }
    }
    flushQ();
    push('');

    // Capacity verdict: remaining work due by each deadline against the hours left until it.
    const hoursUntil = (date: string) => {
      let h = 0;
      for (let d = today; d <= date; d = addDays(d, 1)) for (const l of lanes) h += laneHoursOn(model, l.id, d);
      return h;
    };
    push('## Capacity Verdict', '');
    const dated = ms.filter((x) => x.deadline).sort((a, b) => a.deadline!.localeCompare(b.deadline!));
    let cum = 0;
    for (const x of dated) {
      cum += x.remainingHours;
      const left = hoursUntil(x.deadline!);
      push(
        `- **${oneLine(x.id)}** (deadline ${x.deadline}): ${days(cum)} remaining up to it${dated.indexOf(x) > 0 ? ' (with earlier milestones)' : ''} vs ${days(left)} of capacity left → ` +
          `${cum <= left + 1e-9 ? '✅ fits' : `❌ short by ${days(cum - left)}`}; forecast ${forecastText(x)}`,
      );
    }
    if (dated.length) {
      const lastD = dated[dated.length - 1].deadline!;
      const left = hoursUntil(lastD);
      push('', `**Total capacity ${today} → ${lastD}:** ${days(left)} → **Remaining estimate: ${days(cum)}** ${cum <= left + 1e-9 ? '✅ Achievable' : '❌ Not achievable'}`);
      const unest = dated.reduce((s, x) => s + x.unestimated, 0);
      if (unest) push('', `⚠️ ${unest} issue(s) have no estimate and are not in these numbers.`);
    } else push('No milestone has a deadline, so there is nothing to check capacity against.');
    push('');
  }
}

function forecastText(m: MilestoneForecast): string {
  if (m.progressCount >= 1) return 'done';
  if (!m.expected) return 'unscheduled';
  if (!m.verdict) return m.expected;
  const icon = m.verdict === 'on-track' ? '✅' : m.verdict === 'at-risk' ? '⚠️' : '❌';
  return `${m.expected} ${icon} ${m.verdict}${m.slipDays ? ` (+${m.slipDays} working days)` : ''}`;
}
