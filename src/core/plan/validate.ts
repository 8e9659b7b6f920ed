// What the schema cannot say: ids are unique, references point somewhere, dependencies do not
// loop, dates exist on the calendar, ranges run forwards. Linear (or n log n) in the plan's size.
import type { PlanData } from './model.js';
import { CAPACITY_RE, DEFAULT_PRIORITIES, DEFAULT_STATUSES, DONE, DURATION_RE } from './format.js';
import { closest } from './suggest.js';
import { sanitize } from '../text/sanitize.js';

export type Path = (string | number)[];

export interface PathProblem {
  path: Path;
  message: string;
  /** Point at the key rather than its value (unknown keys). */
  at?: 'key' | 'value';
  /** Where the clashing earlier definition is: load.ts adds "(first at line N)". */
  firstAt?: Path;
}

export interface Validation {
  errors: PathProblem[];
  warnings: PathProblem[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Why a YYYY-MM-DD string is not a real calendar date, or undefined when it is one. */
export function impossibleDate(s: string): string | undefined {
  // Zod has checked the YYYY-MM-DD shape; slicing beats split+map at 10,000 issues' dates.
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (m < 1 || m > 12) return `impossible date "${s}": there is no month ${m}`;
  const days = daysInMonth(y, m);
  if (d < 1 || d > days) return `impossible date "${s}": ${MONTHS[m - 1]} ${y} has ${days} days`;
  return undefined;
}

/** How many hints may be computed: each one scans every candidate id. */
const HINT_BUDGET = 50;

export function validatePlan(data: PlanData): Validation {
  const errors: PathProblem[] = [];
  const warnings: PathProblem[] = [];
  // Messages quote plan text (ids, names): made inert as each problem is recorded.
  const err = (path: Path, message: string, extra: Partial<PathProblem> = {}) => errors.push({ path, message: sanitize(message), ...extra });
  const warn = (path: Path, message: string) => warnings.push({ path, message: sanitize(message) });
  let hintBudget = HINT_BUDGET;
  const hint = (word: string, candidates: Iterable<string> | (() => Iterable<string>)): string => {
    if (hintBudget <= 0) return '';
    hintBudget--;
    const c = closest(word, typeof candidates === 'function' ? candidates() : candidates);
    return c === undefined ? '' : ` (did you mean "${c}"?)`;
  };

  // --- dates and ranges -------------------------------------------------------------------
  const date = (path: Path, s: string | undefined) => {
    if (s === undefined) return;
    const why = impossibleDate(s);
    if (why) err(path, why);
  };
  const range = (path: Path, r: { from: string; to: string }) => {
    date([...path, 'from'], r.from);
    date([...path, 'to'], r.to);
    if (r.to < r.from) err([...path, 'to'], `range ends before it starts: ${r.from} to ${r.to}`);
  };
  const duration = (path: Path, s: string | undefined, what: string) => {
    if (s === undefined) return;
    const m = DURATION_RE.exec(s);
    if (m && m[2] !== undefined && Number(m[1]) > Number(m[2])) {
      err(path, `bad ${what} range "${s.trim()}": min ${m[1]} is greater than max ${m[2]}`);
    }
  };
  const capacity = (path: Path, s: string | undefined, hoursPerDay: number) => {
    if (s === undefined) return;
    const m = CAPACITY_RE.exec(s);
    const [hours, per] = m ? [Number(m[1]), m[2]] : [Number(s), 'w'];
    if (per === 'd' && hours > 24) err(path, `capacity "${s.trim()}" is more hours than a day has`);
    if (per === 'w' && hours > 7 * 24) err(path, `capacity "${s.trim()}" is more hours than a week has`);
    if (per === 'd' && hours > hoursPerDay) warn(path, `capacity "${s.trim()}" is more than hours_per_day (${hoursPerDay})`);
  };

  date(['as_of'], data.as_of);
  date(['target'], data.target);
  const cal = data.calendar;
  cal?.holidays?.forEach((h, i) => (typeof h === 'string' ? date(['calendar', 'holidays', i], h) : range(['calendar', 'holidays', i], h)));
  cal?.freezes?.forEach((f, i) => range(['calendar', 'freezes', i], f));
  if (cal?.sprints) {
    const sp = cal.sprints;
    date(['calendar', 'sprints', 'start'], sp.start);
    duration(['calendar', 'sprints', 'length'], sp.length, 'sprint length');
    const m = DURATION_RE.exec(sp.length);
    if (m && Number(m[1]) === 0) err(['calendar', 'sprints', 'length'], 'sprint length must be more than zero');
    sp.list?.forEach((s, i) => {
      const p = ['calendar', 'sprints', 'list', i];
      date([...p, 'start'], s.start);
      date([...p, 'end'], s.end);
      if (s.start && s.end && s.end < s.start) err([...p, 'end'], `sprint ends before it starts: ${s.start} to ${s.end}`);
    });
  }

  // --- statuses, priorities, workdays -----------------------------------------------------
  const statuses = data.statuses ?? [...DEFAULT_STATUSES];
  const statusSet = new Set<string>();
  statuses.forEach((s, i) => {
    if (statusSet.has(s)) err(['statuses', i], `duplicate status "${s}"`);
    statusSet.add(s);
  });
  if (data.statuses && !statusSet.has(DONE)) err(['statuses'], `statuses must include "${DONE}"`);
  const priorities = new Set<string>(data.priorities ?? DEFAULT_PRIORITIES);
  data.priorities?.forEach((p, i) => {
    if (data.priorities!.indexOf(p) !== i) err(['priorities', i], `duplicate priority "${p}"`);
  });
  if (data.workdays) {
    if (data.workdays.length === 0) err(['workdays'], 'workdays is empty: at least one working day is needed');
    data.workdays.forEach((d, i) => {
      if (data.workdays!.indexOf(d) !== i) warn(['workdays', i], `"${d}" is listed twice`);
    });
  }
  const checkStatus = (path: Path, s: string | undefined) => {
    if (s !== undefined && !statusSet.has(s)) err(path, `status "${s}" is not one of the plan's statuses (${statuses.join(', ')})${hint(s, statuses)}`);
  };

  // --- ids --------------------------------------------------------------------------------
  const index = <T extends { id: string }>(list: T[] | undefined, section: string, what: string): Map<string, number> => {
    const seen = new Map<string, number>();
    list?.forEach((x, i) => {
      const first = seen.get(x.id);
      if (first === undefined) seen.set(x.id, i);
      else err([section, i, 'id'], `duplicate ${what} id "${x.id}"`, { firstAt: [section, first, 'id'] });
    });
    return seen;
  };
  const lanes = index(data.lanes, 'lanes', 'lane');
  const milestones = index(data.milestones, 'milestones', 'milestone');
  const groups = index(data.groups, 'groups', 'group');
  const issues = index(data.issues, 'issues', 'issue');
  index(data.scenarios, 'scenarios', 'scenario');
  const riskIds = new Map<string, number>();
  data.risks?.forEach((r, i) => {
    if (r.id === undefined) return;
    const first = riskIds.get(r.id);
    if (first === undefined) riskIds.set(r.id, i);
    else err(['risks', i, 'id'], `duplicate risk id "${r.id}"`, { firstAt: ['risks', first, 'id'] });
  });
  for (const [id, gi] of groups) {
    if (issues.has(id)) warn(['groups', gi, 'id'], `"${id}" is both a group and an issue id; references to it mean both`);
  }

  /** `what` names the reference ("dependency"); `kind` the list it must be in ("issue"). */
  const ref = (path: Path, id: string | undefined, known: Map<string, number>, what: string, kind = what) => {
    if (id === undefined || known.has(id)) return;
    let message = `unknown ${what} "${id}"${hint(id, known.keys())}`;
    if (!message.endsWith('?)') && known.size > 0 && known.size <= 8) message += ` (${kind}s: ${[...known.keys()].join(', ')})`;
    if (known.size === 0) message += ` (the plan has no ${kind}s)`;
    err(path, message);
  };
  const issueRef = (path: Path, id: string) => ref(path, id, issues, 'issue');
  const depRef = (path: Path, id: string) => ref(path, id, issues, 'dependency', 'issue');

  // --- lanes ------------------------------------------------------------------------------
  const hoursPerDay = data.hours_per_day ?? 8;
  data.lanes?.forEach((l, i) => {
    capacity(['lanes', i, 'capacity'], l.capacity, hoursPerDay);
    l.time_off?.forEach((t, j) => (typeof t === 'string' ? date(['lanes', i, 'time_off', j], t) : range(['lanes', i, 'time_off', j], t)));
    l.changes?.forEach((c, j) => {
      date(['lanes', i, 'changes', j, 'from'], c.from);
      capacity(['lanes', i, 'changes', j, 'capacity'], c.capacity, hoursPerDay);
    });
  });

  // --- milestones -------------------------------------------------------------------------
  data.milestones?.forEach((m, i) => {
    date(['milestones', i, 'deadline'], m.deadline);
    m.requires?.forEach((id, j) => {
      if (!issues.has(id) && !groups.has(id)) {
        err(['milestones', i, 'requires', j], `unknown issue or group "${id}"${hint(id, () => [...issues.keys(), ...groups.keys()])}`);
      }
    });
  });

  // --- groups -----------------------------------------------------------------------------
  data.groups?.forEach((g, i) => {
    const p = ['groups', i];
    ref([...p, 'parent'], g.parent, groups, 'group');
    ref([...p, 'milestone'], g.milestone, milestones, 'milestone');
    if (g.epic !== undefined) issueRef([...p, 'epic'], g.epic);
    duration([...p, 'estimate'], g.estimate, 'estimate');
    checkStatus([...p, 'status'], g.status);
  });
  groupCycles(data, groups, err);

  // --- issues -----------------------------------------------------------------------------
  const sprintNames = new Set((cal?.sprints?.list ?? []).map((s) => s.name));
  // The hot loop at 10,000 issues: paths are built only for a problem, never for a clean field.
  data.issues?.forEach((x, i) => {
    const p = ['issues', i];
    if (x.lane !== undefined && !lanes.has(x.lane)) ref([...p, 'lane'], x.lane, lanes, 'lane');
    if (x.milestone !== undefined && !milestones.has(x.milestone)) ref([...p, 'milestone'], x.milestone, milestones, 'milestone');
    if (x.group !== undefined && !groups.has(x.group)) ref([...p, 'group'], x.group, groups, 'group');
    if (x.status !== undefined && !statusSet.has(x.status)) checkStatus([...p, 'status'], x.status);
    if (x.priority !== undefined && !priorities.has(x.priority)) {
      warn([...p, 'priority'], `priority "${x.priority}" is not one of the plan's priorities (${[...priorities].join(', ')})`);
    }
    if (x.sprint !== undefined && sprintNames.size > 0 && !sprintNames.has(x.sprint)) {
      warn([...p, 'sprint'], `sprint "${x.sprint}" is not in calendar.sprints.list`);
    }
    if (x.estimate !== undefined) duration([...p, 'estimate'], x.estimate, 'estimate');
    x.depends_on?.forEach((d, j) => {
      if (typeof d === 'string') {
        if (!issues.has(d)) depRef([...p, 'depends_on', j], d);
      } else {
        depRef([...p, 'depends_on', j, 'id'], d.id);
        duration([...p, 'depends_on', j, 'lag'], d.lag, 'lag');
      }
    });
    x.blocks?.forEach((id, j) => {
      if (!issues.has(id)) ref([...p, 'blocks', j], id, issues, 'blocked issue', 'issue');
    });
    x.external?.forEach((e, j) => {
      duration([...p, 'external', j, 'lead'], e.lead, 'lead');
      date([...p, 'external', j, 'since'], e.since);
    });
    if (x.started !== undefined) date([...p, 'started'], x.started);
    if (x.done_on !== undefined) date([...p, 'done_on'], x.done_on);
    if (x.due !== undefined) date([...p, 'due'], x.due);
    if (x.reopen_status !== undefined) {
      checkStatus([...p, 'reopen_status'], x.reopen_status);
      if (x.reopen_status === DONE) err([...p, 'reopen_status'], `reopen_status cannot be "${DONE}": it is where untick goes`);
      if (x.status !== DONE) warn([...p, 'reopen_status'], `reopen_status is set but status is "${x.status ?? statuses[0]}", not done`);
    }
    if (x.started && x.done_on && x.done_on < x.started) warn([...p, 'done_on'], `done_on ${x.done_on} is before started ${x.started}`);
    if (x.done_on && x.status !== undefined && x.status !== DONE) warn([...p, 'done_on'], `done_on is set but status is "${x.status}"`);
    x.log?.forEach((e, j) => {
      if (impossibleDate(e.date)) date([...p, 'log', j, 'date'], e.date);
      if (e.hours > 24) err([...p, 'log', j, 'hours'], `${e.hours} hours in one entry: a day has 24`);
    });
  });
  dependencyCycles(data, issues, err);

  // --- calendar references, risks, scenarios ----------------------------------------------
  cal?.critical_path?.forEach((id, j) => issueRef(['calendar', 'critical_path', j], id));
  cal?.sprints?.list?.forEach((s, i) => s.critical?.forEach((id, j) => issueRef(['calendar', 'sprints', 'list', i, 'critical', j], id)));
  data.risks?.forEach((r, i) => r.issues?.forEach((id, j) => issueRef(['risks', i, 'issues', j], id)));
  data.scenarios?.forEach((s, i) => {
    const seen = new Set<string>();
    for (const [lane, ids] of Object.entries(s.assign)) {
      if (!lanes.has(lane)) errors.push({ path: ['scenarios', i, 'assign', lane], at: 'key', message: sanitize(`unknown lane "${lane}"${hint(lane, lanes.keys())}`) });
      ids.forEach((id, j) => {
        const p = ['scenarios', i, 'assign', lane, j];
        issueRef(p, id);
        if (seen.has(id)) err(p, `issue "${id}" is assigned twice in scenario "${s.id}"`);
        seen.add(id);
      });
    }
    const inSprint = new Set<string>();
    for (const [sprint, ids] of Object.entries(s.rhythm ?? {})) {
      if (sprintNames.size > 0 && !sprintNames.has(sprint)) warn(['scenarios', i, 'rhythm', sprint], `sprint "${sprint}" is not in calendar.sprints.list`);
      ids.forEach((id, j) => {
        const p = ['scenarios', i, 'rhythm', sprint, j];
        issueRef(p, id);
        if (inSprint.has(id)) err(p, `issue "${id}" is in two sprints in scenario "${s.id}"`);
        inSprint.add(id);
      });
    }
    s.continuous?.forEach((id, j) => issueRef(['scenarios', i, 'continuous', j], id));
  });

  return { errors, warnings };
}

function groupCycles(data: PlanData, groups: Map<string, number>, err: (path: Path, message: string) => void) {
  const list = data.groups ?? [];
  // Each group has at most one parent: follow the chain, colouring as we go. Linear overall.
  const state = new Map<string, 1 | 2>(); // 1: on the current chain, 2: known to end
  for (const g of list) {
    const chain: string[] = [];
    let id: string | undefined = g.id;
    while (id !== undefined && groups.has(id) && !state.has(id)) {
      state.set(id, 1);
      chain.push(id);
      id = list[groups.get(id)!].parent;
    }
    if (id !== undefined && state.get(id) === 1) {
      const loop = chain.slice(chain.indexOf(id));
      err(['groups', groups.get(loop[0])!, 'parent'], `group cycle: ${[...loop, loop[0]].join(' -> ')}`);
    }
    for (const c of chain) state.set(c, 2);
  }
}

/** Finds every knot in the dependency graph (Tarjan, iterative) and names its members. */
function dependencyCycles(data: PlanData, issues: Map<string, number>, err: (path: Path, message: string) => void) {
  const list = data.issues ?? [];
  const n = list.length;
  // Edges "a depends on b", each with where the entry that made it sits (its path, built on demand).
  type Edge = { to: number; at: number; j: number; blocks: boolean };
  const pathOf = (e: Edge): Path => ['issues', e.at, e.blocks ? 'blocks' : 'depends_on', e.j];
  const adj: Edge[][] = Array.from({ length: n }, () => []);
  list.forEach((x, a) => {
    if (issues.get(x.id) !== a) return;
    x.depends_on?.forEach((d, j) => {
      const id = typeof d === 'string' ? d : d.id;
      const b = issues.get(id);
      if (b !== undefined) adj[a].push({ to: b, at: a, j, blocks: false });
    });
    x.blocks?.forEach((id, j) => {
      const b = issues.get(id);
      if (b !== undefined) adj[b].push({ to: a, at: a, j, blocks: true });
    });
  });

  const idx = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const comp = new Int32Array(n).fill(-1);
  const sccs: number[][] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (idx[root] !== -1) continue;
    const work: [number, number][] = [[root, 0]];
    idx[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length) {
      const top = work[work.length - 1];
      const [v, e] = top;
      if (e < adj[v].length) {
        top[1]++;
        const w = adj[v][e].to;
        if (idx[w] === -1) {
          idx[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          work.push([w, 0]);
        } else if (onStack[w]) low[v] = Math.min(low[v], idx[w]);
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1][0];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] === idx[v]) {
        const members: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          comp[w] = sccs.length;
          members.push(w);
        } while (w !== v);
        const selfLoop = members.length === 1 && adj[v].some((x) => x.to === v);
        if (members.length > 1 || selfLoop) sccs.push(members);
        else comp[v] = -2;
      }
    }
  }

  for (const members of sccs) {
    const c = comp[members[0]];
    const start = members.reduce((a, b) => (b < a ? b : a)); // the knot's first issue in file order
    // Shortest loop through `start` inside the knot (BFS), so the message reads as one cycle.
    const prev = new Map<number, { from: number; path: Path }>();
    const queue = [start];
    let closing: { from: number; path: Path } | undefined;
    for (let q = 0; q < queue.length && !closing; q++) {
      const v = queue[q];
      for (const e of adj[v]) {
        if (comp[e.to] !== c) continue;
        if (e.to === start) {
          closing = { from: v, path: pathOf(e) };
          break;
        }
        if (!prev.has(e.to)) {
          prev.set(e.to, { from: v, path: pathOf(e) });
          queue.push(e.to);
        }
      }
    }
    const loop: number[] = [];
    for (let v = closing!.from; v !== start; v = prev.get(v)!.from) loop.push(v);
    loop.push(start);
    loop.reverse();
    const firstEdge = loop.length > 1 ? prev.get(loop[1])!.path : closing!.path;
    const ids = (xs: number[]) => xs.map((v) => list[v].id);
    let message = `dependency cycle: ${[...ids(loop), list[start].id].join(' -> ')}`;
    const onLoop = new Set(loop);
    const rest = members.filter((v) => !onLoop.has(v)).sort((a, b) => a - b);
    if (rest.length) {
      const shown = ids(rest.slice(0, 50));
      message += `; also caught in the same knot: ${shown.join(', ')}${rest.length > 50 ? ` and ${rest.length - 50} more` : ''}`;
    }
    err(firstEdge, message);
  }
}
