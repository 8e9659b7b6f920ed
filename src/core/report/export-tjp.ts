// `planboard export --format tjp`: the plan as a TaskJuggler 3 project. Lanes become resources
// (weekly or daily limits, time off as leaves), groups become container tasks, issues become
// tasks with their remaining effort allocated to their lane, dependencies keep their lag, and
// holidays and global freezes become global leaves. Ids are sanitised to TJ identifiers.
import type { Model } from '../plan/model.js';
import type { Schedule } from '../schedule/types.js';
import { UNASSIGNED } from '../schedule/types.js';
import { addDays, parseISODate } from '../schedule/dates.js';
import { workingDaysBetween } from '../schedule/calendar.js';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const PRIORITY: Record<string, number> = { critical: 800, high: 650, medium: 500, low: 300 };

/** TaskJuggler strings: double-quoted, one line. */
const str = (s: string) => `"${s.replace(/\\/g, '/').replace(/"/g, "'").replace(/\s+/g, ' ').trim()}"`;
const hours = (h: number) => `${Math.max(0.25, Math.round(h * 4) / 4)}h`;
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
  const tj = idMaker();
  const today = schedule.today;
  // TaskJuggler reads years 1970–2035 only.
  const end = [addDays(schedule.finish && schedule.finish > today ? schedule.finish : today, 366), '2035-12-31'].sort()[0];
  /** Leaves outside the project interval change nothing (TJ ignores them) and may not even parse. */
  const inProject = (from: string, to: string) => to >= today && from <= end;
  const out: string[] = [];
  const hpd = model.hoursPerDay;

  out.push(`/* ${model.title.replace(/\*\//g, '* /')}: exported by planboard on ${today}. Remaining work only; done issues are milestones. */`);
  out.push(`project planboard ${str(model.title)} ${today} - ${end} {`);
  out.push('  timezone "UTC"', `  now ${today}`, '  timingresolution 15min', `  dailyworkinghours ${hpd}`);
  const on = WEEKDAYS.filter((d) => model.workdays.includes(d));
  const off = WEEKDAYS.filter((d) => !model.workdays.includes(d));
  if (on.length) out.push(`  workinghours ${on.join(', ')} 8:00 - ${clock(8 + Math.min(hpd, 16))}`);
  if (off.length) out.push(`  workinghours ${off.join(', ')} off`);
  out.push('}', '');

  const cal = model.data.calendar ?? {};
  for (const h of cal.holidays ?? []) {
    const r = typeof h === 'string' ? { from: h, to: h, name: undefined } : h;
    if (inProject(r.from, r.to)) out.push(`leaves holiday ${str(r.name ?? 'Holiday')} ${span(r.from, r.to)}`);
  }
  for (const f of cal.freezes ?? []) {
    if (!inProject(f.from, f.to)) continue;
    if (f.tracks?.length || f.labels?.length) out.push(`# freeze ${f.name ?? ''} ${f.from}..${f.to} stops only ${[...(f.tracks ?? []), ...(f.labels ?? [])].join(', ')}: not expressible as a TJ leave`);
    else out.push(`leaves holiday ${str(f.name ?? 'Freeze')} ${span(f.from, f.to)}`);
  }
  out.push('');

  const laneTj = new Map<string, string>();
  for (const lane of schedule.lanes) {
    const l = model.laneById.get(lane);
    const id = tj(lane, 'r_');
    laneTj.set(lane, id);
    out.push(`resource ${id} ${str(l?.name ?? (lane === UNASSIGNED ? 'Unassigned' : lane))} {`);
    if (l) {
      const limit = l.capacity.per === 'w' ? 'weeklymax' : 'dailymax';
      if (!(l.capacity.per === 'w' && l.capacity.hours >= hpd * model.workdays.length) && !(l.capacity.per === 'd' && l.capacity.hours >= hpd))
        out.push(`  limits { ${limit} ${hours(l.capacity.hours)} }`);
      for (const t of l.timeOff) if (inProject(t.from, t.to)) out.push(`  leaves annual ${span(t.from, t.to)}`);
      for (const c of l.changes) out.push(`  # capacity ${c.capacity.hours}h/${c.capacity.per} from ${c.from}: TJ limits cannot change over time here`);
    }
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

  const taskLines = (i: (typeof model.issues)[number], pad: string): string[] => {
    const s = schedule.byId.get(i.id);
    const lines: string[] = [];
    const me = issueTj.get(i.id)!;
    const deps = i.deps.filter((d) => model.byId.has(d.id) && !model.byId.get(d.id)!.done);
    const depLine = (extra: string[]) => {
      const all = [...deps.map((d) => `${issuePath(d.id)}${d.lagDays ? ` { gaplength ${d.lagDays}d }` : ''}`), ...extra];
      return all.length ? [`${pad}  depends ${all.join(', ')}`] : [];
    };
    const waits: string[] = [];
    i.external.forEach((e, n) => {
      if (e.done || i.done) return;
      let days = e.lead.expected / hpd;
      if (e.since && e.since < today) days -= workingDaysBetween(model, e.since, today);
      if (days <= 0) return;
      const w = `${me}_wait${n + 1}`;
      const path = issuePath(i.id).replace(/[^.]+$/, w);
      lines.push(`${pad}task ${w} ${str(`${e.title} (external lead time)`)} {`, `${pad}  length ${Math.ceil(days)}d`);
      if (e.since && e.since > today) lines.push(`${pad}  start ${e.since}`);
      lines.push(`${pad}}`);
      waits.push(path);
    });
    lines.push(`${pad}task ${me} ${str(`${i.id}: ${i.title}`)} {`);
    const remaining = s?.remainingHours ?? 0;
    if (i.done || remaining <= 0) {
      lines.push(`${pad}  milestone`);
      if (i.done) lines.push(`${pad}  complete 100`);
      else lines.push(...depLine(waits));
      if (!i.done && s?.unestimated) lines.push(`${pad}  note "unestimated in the plan"`);
    } else {
      lines.push(`${pad}  effort ${hours(remaining)}`, `${pad}  allocate ${laneTj.get(s!.lane) ?? laneTj.get(UNASSIGNED) ?? [...laneTj.values()][0]}`);
      lines.push(...depLine(waits));
    }
    if (i.priority && PRIORITY[i.priority]) lines.push(`${pad}  priority ${PRIORITY[i.priority]}`);
    lines.push(`${pad}}`);
    return lines;
  };

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
  emit(undefined, 0);
  return out.join('\n') + '\n';
}
