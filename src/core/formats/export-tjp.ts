// `planboard export --format tjp`: the plan as a TaskJuggler 3 project that tj3 schedules the
// way `planboard schedule` does. Lanes become resources, groups container tasks, issues tasks
// with their remaining effort allocated to their lane (the schedule's lane, so a scenario is
// carried), dependencies keep their lag, holidays and global freezes become global leaves, and
// a freeze of some tracks or labels a shift without working time on the tasks it stops.
// How our model maps onto tj3's:
// - A lane's capacity is a daily share (8h/w over five days = 1.6h a day, lost on days off):
//   its highest share is its efficiency over the working day (long enough for the largest share
//   of any lane), written into its tasks' efforts as allocated time; each stretch of lower
//   capacity (capacity changes) is a `limits { dailymax … { start … end … } }` on that time.
// - Efforts are not rounded to quarter hours: tj3 books 5-minute slots, so each lane's efforts
//   are rounded to slots along the lane's sequence, where the total never drifts.
// - The levelling order becomes priorities that fall along each lane's sequence (the order our
//   schedule started its issues) and along every dependency, so that tj3, which schedules task
//   by task, books each lane in our order (tjp-priority.ts).
// - The working day is as long as the fullest lane's day, stretched to the first length at
//   which every lower daily limit is whole 5-minute slots; lags and lead times are minutes of it.
// - A freeze of some tracks or labels is a shift without working time on the tasks it stops.
// - An external lead time is a task of its own that holds only the issue's dependents.
// - An issue standing for a group (epic) is a milestone after the group's tasks.
// - In-progress issues start at once (their open dependencies are dropped), as ours do.
// - An issue in a sprint starts no earlier than the sprint's first day: it depends on a
//   milestone at that day.
// - Deadlines are `maxend` (tj3 reports a miss, as our verdict does).
// - A csv report (`planboard.csv`: id, start, end) makes tj3 write its dates.
// Plan text is inert here: quotes, backslashes and every control, C1 and bidi character are
// escaped or dropped (a local escape: the shared sanitiser was not on main when this was written).
import type { Model } from '../plan/model.js';
import type { Schedule } from '../schedule/types.js';
import { UNASSIGNED } from '../schedule/types.js';
import { addDays, parseISODate } from '../schedule/dates.js';
import { isInProgress, epicIssues } from '../schedule/estimates.js';
import { workingDaysBetween } from '../schedule/calendar.js';
import { milestoneIssues } from '../schedule/milestones.js';
import { levellingPriorities } from './tjp-priority.js';
import type { Exporter } from './types.js';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

// C0 controls, DEL, C1 controls, and the bidi/invisible format characters that could reorder text.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
/** TaskJuggler strings: double-quoted, one line, inert. */
export const tjString = (s: string) =>
  `"${s.replace(UNSAFE, ' ').replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\s+/g, ' ').trim()}"`;
const str = tjString;
/** Effort to the minute; tj3 books it in 5-minute slots. */
const effort = (h: number) => `${Math.max(1, Math.round(h * 60))}min`;
/** A daily limit in minutes. */
const perDay = (h: number) => `${Math.max(0, Math.round(h * 60))}min`;
/** Calendar days from `from` to `to`, both included, as a TJ interval `from +Nd`. */
const span = (from: string, to: string) => `${from} +${parseISODate(to) - parseISODate(from) + 1}d`;

/** Unique TJ identifiers: letters, digits and `_`, not starting with a digit. */
function idMaker() {
  const used = new Set<string>();
  return (raw: string, prefix = '') => {
    let base = `${prefix}${raw}`.replace(/[^A-Za-z0-9_]/g, '_');
    if (!/^[A-Za-z_]/.test(base)) base = `_${base}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
    used.add(id);
    return id;
  };
}

const clock = (h: number) => `${Math.floor(h)}:${String(Math.round((h % 1) * 60)).padStart(2, '0')}`;

export function exportTjp(model: Model, schedule: Schedule): string {
  return tjpProject(model, schedule).text;
}

/** The project text, and each issue's task path (what tj3's report calls its `id`). */
export function tjpProject(model: Model, schedule: Schedule): { text: string; taskPath: Map<string, string> } {
  const tj = idMaker();
  const today = schedule.today;
  // TaskJuggler reads years 1970–2035 only.
  const end = [addDays(schedule.finish && schedule.finish > today ? schedule.finish : today, 366), '2035-12-31'].sort()[0];
  /** Leaves outside the project interval change nothing (TJ ignores them) and may not even parse. */
  const inProject = (from: string, to: string) => to >= today && from <= end;
  const out: string[] = [];
  const hpd = model.hoursPerDay;
  const normalDays = Math.max(1, model.workdays.length);
  const rate = (c: { hours: number; per: 'w' | 'd' }) => (c.per === 'd' ? c.hours : c.hours / normalDays);
  // The working day must hold the largest daily share any lane has.
  let longest = hpd;
  for (const l of model.lanes) for (const c of [l.capacity, ...l.changes.map((x) => x.capacity)]) longest = Math.max(longest, rate(c));
  // Stretches of constant capacity per lane, and those from today on.
  type Stretch = { from?: string; to?: string; hours: number };
  const stretchesOf = (l: (typeof model.lanes)[number]) => {
    const out: Stretch[] = [];
    const changes = [...l.changes].sort((a, b) => (a.from < b.from ? -1 : 1));
    let from: string | undefined;
    let cap = l.capacity;
    for (const c of changes) {
      out.push({ from, to: c.from, hours: rate(cap) });
      from = c.from;
      cap = c.capacity;
    }
    out.push({ from, hours: rate(cap) });
    return out;
  };
  const aheadOf = (xs: Stretch[]) => xs.filter((x) => x.to === undefined || x.to > today);
  // A lane's lower shares are daily limits on its allocated time, the day's length in
  // proportion; tj3 books whole 5-minute slots (a limit of 288 minutes books 285), so the day is
  // given the first length, in slots, at which every such limit is whole slots (up to 24h).
  const ratios: number[] = [];
  for (const l of model.lanes) {
    const ahead = aheadOf(stretchesOf(l));
    const top = Math.max(...ahead.map((x) => x.hours), 0);
    for (const x of ahead) if (top > 0 && x.hours < top - 1e-9) ratios.push(x.hours / top);
  }
  const whole = (k: number) => ratios.every((r) => Math.abs(r * k - Math.round(r * k)) < 1e-6);
  let slotsPerDay = Math.min(288, Math.ceil(longest * 12 - 1e-9));
  for (let k = slotsPerDay; k <= 288; k++) {
    if (whole(k)) {
      slotsPerDay = k;
      break;
    }
  }
  const dayLength = slotsPerDay / 12;
  const dayStart = Math.max(0, Math.min(8, 24 - dayLength));
  // A lag or lead time in working days is that part of the working day (tj3's `1d` would be
  // dailyworkinghours, shorter than the day when a lane works more than it), in whole slots.
  const workingTime = (days: number) => Math.max(0, Math.round((days * dayLength * 60) / 5) * 5);

  out.push(`/* ${model.title.replace(UNSAFE, ' ').replace(/\*\//g, '* /')}: exported by planboard on ${today}. Remaining work only; done issues are milestones. */`);
  out.push(`project planboard ${str(model.title)} ${today} - ${end} {`);
  out.push('  timezone "UTC"', `  now ${today}`, '  timingresolution 5min', `  dailyworkinghours ${hpd}`);
  const on = WEEKDAYS.filter((d) => model.workdays.includes(d));
  const off = WEEKDAYS.filter((d) => !model.workdays.includes(d));
  if (on.length) out.push(`  workinghours ${on.join(', ')} ${clock(dayStart)} - ${clock(dayStart + dayLength)}`);
  if (off.length) out.push(`  workinghours ${off.join(', ')} off`);
  out.push('}', '');

  const cal = model.data.calendar ?? {};
  for (const h of cal.holidays ?? []) {
    const r = typeof h === 'string' ? { from: h, to: h, name: undefined } : h;
    if (inProject(r.from, r.to)) out.push(`leaves holiday ${str(r.name ?? 'Holiday')} ${span(r.from, r.to)}`);
  }
  for (const f of cal.freezes ?? []) {
    if (!inProject(f.from, f.to)) continue;
    if (!(f.tracks?.length || f.labels?.length)) out.push(`leaves holiday ${str(f.name ?? 'Freeze')} ${span(f.from, f.to)}`);
  }
  // A freeze that stops only some tracks or labels: a shift with no working time, given to
  // each task it stops for the freeze's days (tj3 books a task only within its shifts).
  const partial = (cal.freezes ?? []).filter((f) => (f.tracks?.length || f.labels?.length) && inProject(f.from, f.to));
  const closed = partial.length > 0 ? 'planboard_frozen' : undefined;
  if (closed) out.push(`shift ${closed} "Freeze (some tracks or labels)" {`, `  workinghours ${WEEKDAYS.join(', ')} off`, '}');
  const frozen = (i: (typeof model.issues)[number]) =>
    partial.filter((f) => (i.track !== undefined && f.tracks?.includes(i.track)) || i.labels.some((l) => f.labels?.includes(l)));
  out.push('');

  const laneTj = new Map<string, string>();
  const laneScale = new Map<string, number>();
  for (const lane of schedule.lanes) {
    const l = model.laneById.get(lane);
    const id = tj(lane, 'r_');
    laneTj.set(lane, id);
    out.push(`resource ${id} ${str(l?.name ?? (lane === UNASSIGNED ? 'Unassigned' : lane))} {`);
    // One daily limit per stretch of constant capacity; a lane not in the plan works full days.
    const stretches: Stretch[] = l ? stretchesOf(l) : [{ hours: hpd }];
    if (l) for (const t of l.timeOff) if (inProject(t.from, t.to)) out.push(`  leaves annual ${span(t.from, t.to)}`);
    // tj3 books whole 5-minute slots, and 1.6h a day is not a whole number of them: the lane's
    // highest daily share is its efficiency over the working day instead, and lower shares are
    // daily limits on the time it is allocated (which is what tj3's limits count).
    // The highest share from today on is also the lane's pace through the day (as in the engine).
    const ahead = aheadOf(stretches);
    const live = ahead.filter((x) => x.from === undefined || x.from <= end);
    const top = Math.max(...ahead.map((x) => x.hours), 0);
    const eff = top > 0 ? top / dayLength : 1;
    // Efforts are scaled by 1 / efficiency in the task (whole minutes of allocated time), not by
    // tj3's `efficiency`, whose float arithmetic drifts by a slot every few tasks.
    laneScale.set(lane, 1 / eff);
    const limits = live
      .filter((x) => x.hours < top - 1e-9)
      .map((x) => {
        const when = [x.from && x.from > today ? `start ${x.from}` : '', x.to !== undefined ? `end ${x.to}` : ''].filter(Boolean);
        return `dailymax ${perDay(x.hours / eff)}${when.length ? ` { ${when.join(' ')} }` : ''}`;
      });
    if (limits.length) out.push(`  limits { ${limits.join(' ')} }`);
    out.push('}');
  }
  out.push('');

  // Container tasks for groups that hold issues, nested as the plan nests them.
  const children = new Map<string | undefined, string[]>();
  const hasIssues = new Set<string>();
  for (const i of model.issues) for (let g = i.group, n = 0; g && !hasIssues.has(g) && n < 1000; g = model.groupById.get(g)?.parent, n++) hasIssues.add(g);
  for (const g of model.groups) if (hasIssues.has(g.id)) {
    const parent = g.parent && hasIssues.has(g.parent) ? g.parent : undefined;
    (children.get(parent) ?? children.set(parent, []).get(parent)!).push(g.id);
  }
  const groupTj = new Map(model.groups.filter((g) => hasIssues.has(g.id)).map((g) => [g.id, tj(g.id, 'g_')]));
  const groupPath = new Map<string, string>();
  const pathOf = (g: string): string => {
    const known = groupPath.get(g);
    if (known) return known;
    const parent = model.groupById.get(g)?.parent;
    const p = parent && groupTj.has(parent) ? `${pathOf(parent)}.${groupTj.get(g)}` : groupTj.get(g)!;
    groupPath.set(g, p);
    return p;
  };
  const issueTj = new Map(model.issues.map((i) => [i.id, tj(i.id)]));
  const issuePath = (id: string) => {
    const g = model.byId.get(id)?.group;
    return g && groupTj.has(g) ? `${pathOf(g)}.${issueTj.get(id)}` : issueTj.get(id)!;
  };
  const issuesIn = new Map<string | undefined, typeof model.issues>();
  for (const i of model.issues) {
    const g = i.group && groupTj.has(i.group) ? i.group : undefined;
    (issuesIn.get(g) ?? issuesIn.set(g, []).get(g)!).push(i);
  }

  // Each lane's sequence: its issues in the order our schedule started them.
  const byLane = new Map<string, { id: string; start: string; end: string; k: number }[]>();
  model.issues.forEach((i, k) => {
    const s = schedule.byId.get(i.id);
    if (i.done || !s?.start || !s.end) return;
    (byLane.get(s.lane) ?? byLane.set(s.lane, []).get(s.lane)!).push({ id: i.id, start: s.start, end: s.end, k });
  });
  const byStart = (a: { start: string; end: string; k: number }, b: { start: string; end: string; k: number }) =>
    a.start !== b.start ? (a.start < b.start ? -1 : 1) : a.end !== b.end ? (a.end < b.end ? -1 : 1) : a.k - b.k;
  const order = schedule.startOrder ?? [...byLane.values()].flat().sort(byStart).map((x) => x.id);
  const rank = new Map(order.map((id, r) => [id, r]));
  for (const list of byLane.values()) list.sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity) || byStart(a, b));
  // Efforts in whole 5-minute slots, rounded along each lane's sequence (cumulatively), so that a
  // run of tasks ends on the same slot as ours instead of drifting by a rounding per task.
  const slots = new Map<string, number>();
  for (const [lane, list] of byLane) {
    const scale = (laneScale.get(laneTj.has(lane) ? lane : UNASSIGNED) ?? 1) * 60;
    let cum = 0;
    let given = 0;
    for (const x of list) {
      const h = schedule.byId.get(x.id)!.remainingHours;
      if (h <= 0) continue;
      cum += h * scale;
      const upTo = Math.max(given + 5, Math.round(cum / 5) * 5);
      slots.set(x.id, upTo - given);
      given = upTo;
    }
  }

  // Sprint floors, deadlines and epics.
  const sprintStart = new Map(schedule.sprints.map((s) => [s.name, s.start]));
  // Sprints that hold back an open issue get a start milestone.
  const sprintTj = new Map<string, string>();
  for (const i of model.issues) {
    const sp = schedule.byId.get(i.id)?.sprint;
    const d = sp !== undefined ? sprintStart.get(sp) : undefined;
    if (!i.done && d && d > today && !sprintTj.has(sp!)) sprintTj.set(sp!, tj(sp!, 's_'));
  }
  const deadline = new Map<string, string>();
  const covered = milestoneIssues(model);
  for (const m of model.milestones) {
    if (!m.deadline) continue;
    for (const k of covered.get(m.id) ?? []) {
      const id = model.issues[k].id;
      const d = deadline.get(id);
      if (d === undefined || m.deadline < d) deadline.set(id, m.deadline);
    }
  }
  const epics = epicIssues(model);
  const under = (gid: string): string[] => {
    const out: string[] = [];
    for (const x of model.issues) {
      if (x.done) continue;
      for (let g = x.group, n = 0; g !== undefined && n < 1000; g = model.groupById.get(g)?.parent, n++) {
        if (g === gid) {
          out.push(x.id);
          break;
        }
      }
    }
    return out;
  };
  const exportedDeps = (i: (typeof model.issues)[number]): string[] => {
    if (i.done) return [];
    const deps = isInProgress(model, i) ? [] : i.deps.filter((d) => model.byId.has(d.id) && !model.byId.get(d.id)!.done).map((d) => d.id);
    const epicOf = epics.get(i.id);
    return epicOf === undefined ? deps : [...deps, ...under(epicOf).filter((k) => k !== i.id)];
  };
  const priority = levellingPriorities({
    open: model.issues.filter((i) => !i.done).map((i) => i.id),
    laneSequences: [...byLane.values()].map((list) => list.map((x) => x.id)),
    depsOf: (id) => exportedDeps(model.byId.get(id)!),
    hasWork: (id) => (schedule.byId.get(id)?.remainingHours ?? 0) > 0,
  });

  // External waits: their task paths, so that the issue's dependents wait on them too.
  const waitsOf = new Map<string, string[]>();

  const taskLines = (i: (typeof model.issues)[number], pad: string): string[] => {
    const s = schedule.byId.get(i.id);
    const lines: string[] = [];
    const me = issueTj.get(i.id)!;
    const started = isInProgress(model, i);
    const deps = started ? [] : i.deps.filter((d) => model.byId.has(d.id) && !model.byId.get(d.id)!.done);
    const depList = [
      ...deps.map((d) => {
        const lag = workingTime(d.lagDays);
        return `${issuePath(d.id)}${lag > 0 ? ` { gaplength ${lag}min }` : ''}`;
      }),
      ...deps.flatMap((d) => waitsOf.get(d.id) ?? []),
    ];
    const epicOf = epics.get(i.id);
    // An epic waits for every open issue under its group (tj3 will not let it depend on its parent).
    if (epicOf !== undefined && !i.done) for (const k of under(epicOf)) if (k !== i.id) depList.push(issuePath(k));
    // A sprint floor is a dependency on the sprint's start milestone (tj3 refuses `start` with `depends`).
    // tj3 schedules a task with its own `start` more like ours, so that is used when every
    // dependency ends before the sprint in our schedule.
    const floor = s?.sprint !== undefined ? sprintStart.get(s.sprint) : undefined;
    const startLine: string[] = [];
    if (floor && floor > today && !started) {
      const clear = deps.every((d) => (schedule.byId.get(d.id)?.end ?? '9999') < floor);
      if (clear) startLine.push(`${pad}  start ${floor}`);
      else depList.push(sprintTj.get(s!.sprint!)!);
    }
    const depLine = depList.length ? [`${pad}  depends ${depList.join(', ')}`] : [];

    // An external lead time: its own task from when the issue could start, holding only dependents.
    const waits: string[] = [];
    i.external.forEach((e, n) => {
      if (e.done || i.done) return;
      let days = e.lead.expected / hpd;
      if (e.since && e.since < today) days -= workingDaysBetween(model, e.since, today);
      if (days <= 0) return;
      const w = `${me}_wait${n + 1}`;
      const path = issuePath(i.id).replace(/[^.]+$/, w);
      lines.push(`${pad}task ${w} ${str(`${e.title} (external lead time)`)} {`, `${pad}  length ${workingTime(days)}min`);
      // Books no resource: scheduled first, so that no dependent waits for tj3 to reach it.
      lines.push(`${pad}  priority 1000`);
      if (e.since && e.since > today) lines.push(`${pad}  start ${e.since}`);
      else lines.push(...depLine, ...startLine);
      lines.push(`${pad}}`);
      waits.push(path);
    });
    waitsOf.set(i.id, waits);

    lines.push(`${pad}task ${me} ${str(`${i.id}: ${i.title}`)} {`);
    const remaining = s?.remainingHours ?? 0;
    if (i.done || remaining <= 0) {
      lines.push(`${pad}  milestone`);
      if (i.done) lines.push(`${pad}  complete 100`);
      else lines.push(...depLine, ...startLine);
      if (!i.done && s?.unestimated) lines.push(`${pad}  note "unestimated in the plan"`);
    } else {
      const lane = laneTj.has(s!.lane) ? s!.lane : laneTj.has(UNASSIGNED) ? UNASSIGNED : [...laneTj.keys()][0];
      const minutes = slots.get(i.id);
      lines.push(
        `${pad}  effort ${minutes !== undefined ? `${minutes}min` : effort(remaining * (laneScale.get(lane) ?? 1))}`,
        `${pad}  allocate ${laneTj.get(lane)}`,
      );
      lines.push(...depLine, ...startLine);
      // tj3 refuses overlapping shift intervals: overlapping or touching freezes are merged.
      const windows: { from: string; to: string }[] = [];
      for (const f of frozen(i).map((x) => ({ from: x.from < today ? today : x.from, to: x.to })).sort((a, b) => (a.from < b.from ? -1 : 1))) {
        const last = windows[windows.length - 1];
        if (last && f.from <= addDays(last.to, 1)) last.to = f.to > last.to ? f.to : last.to;
        else windows.push(f);
      }
      const stops = windows.map((f) => `${closed} ${span(f.from, f.to)}`);
      if (stops.length) lines.push(`${pad}  shifts ${stops.join(', ')}`);
      lines.push(`${pad}  priority ${priority.get(i.id) ?? 500}`);
    }
    const dl = deadline.get(i.id);
    if (dl && !i.done && dl >= today && dl < end) lines.push(`${pad}  maxend ${addDays(dl, 1)}`);
    lines.push(`${pad}}`);
    return lines;
  };

  // Issues are written after the issues they depend on where the file allows, so that wait
  // tasks are known when a dependent names them; tj3 itself does not mind the order.
  const emit = (g: string | undefined, depth: number) => {
    const pad = '  '.repeat(depth);
    for (const i of issuesIn.get(g) ?? []) out.push(...taskLines(i, pad));
    for (const c of children.get(g) ?? []) {
      const grp = model.groupById.get(c)!;
      out.push(`${pad}task ${groupTj.get(c)} ${str(grp.title ?? grp.id)} {`);
      emit(c, depth + 1);
      out.push(`${pad}}`);
    }
  };
  // Wait tasks must be named before their dependents are written: compute them in a first walk.
  for (const i of model.issues) {
    const waits: string[] = [];
    i.external.forEach((e, n) => {
      if (e.done || i.done) return;
      let days = e.lead.expected / hpd;
      if (e.since && e.since < today) days -= workingDaysBetween(model, e.since, today);
      if (days > 0) waits.push(issuePath(i.id).replace(/[^.]+$/, `${issueTj.get(i.id)}_wait${n + 1}`));
    });
    waitsOf.set(i.id, waits);
  }
  for (const [name, id] of sprintTj) out.push(`task ${id} ${str(`${name} starts`)} {`, '  milestone', `  start ${sprintStart.get(name)}`, '}');
  emit(undefined, 0);
  out.push(
    '',
    'taskreport planboard_dates "planboard" {',
    '  formats csv',
    '  timeformat "%Y-%m-%d"',
    '  columns id, start, end',
    '  hideresource 1',
    '}',
  );
  return { text: out.join('\n') + '\n', taskPath: new Map(model.issues.map((i) => [i.id, issuePath(i.id)])) };
}

export const tjpExport: Exporter = { name: 'tjp', description: 'a TaskJuggler 3 project', patterns: ['*.tjp'], write: exportTjp };
