// GitHub: `gh issue list --json number,title,state,assignees,labels,milestone,body,url` (an
// array of issues) and `gh project item-list N --format json` (`{ items: [...] }`).
import { isObject, jsonOf, str } from './json-source.js';
import { isoDay, TrackerPlan, trackerStatus } from './tracker-plan.js';
import { ImportError, type Importer } from './types.js';

const names = (x: unknown, key: string): string[] =>
  Array.isArray(x) ? x.map((v) => (isObject(v) ? str(v[key]) : str(v))).filter((v): v is string => Boolean(v)) : [];

function milestoneOf(plan: TrackerPlan, m: unknown): string | undefined {
  if (!isObject(m) || !str(m.title)) return undefined;
  return plan.milestone(str(m.title)!, isoDay(str(m.dueOn)), 'release');
}

export const githubIssues: Importer = {
  name: 'github-issues',
  description: 'GitHub issues from `gh issue list --json number,title,state,assignees,labels,milestone,body,url`: done state, lanes from assignees, milestones with due dates, links',
  patterns: ['*.json'],
  detect: (s) => {
    const j = jsonOf(s);
    return Array.isArray(j) && j.length > 0 && j.every((i) => isObject(i) && 'number' in i && 'title' in i) ? 10 : 0;
  },
  read(source) {
    const list = jsonOf(source) as Record<string, unknown>[];
    const plan = new TrackerPlan(`Imported from ${source.name}`);
    list.forEach((i, k) => {
      const n = str(i.number);
      const title = str(i.title);
      if (!n || !title) throw new ImportError(`${source.name}: issue ${k + 1} has no number or title`);
      const logins = names(i.assignees, 'login');
      const first = Array.isArray(i.assignees) && isObject(i.assignees[0]) ? str(i.assignees[0].name) : undefined;
      plan.add({
        id: `#${n}`,
        title,
        status: str(i.state)?.toUpperCase() === 'CLOSED' ? 'done' : 'todo',
        lane: plan.lane(logins[0], first),
        milestone: milestoneOf(plan, i.milestone),
        labels: names(i.labels, 'name'),
        notes: [str(i.body)?.trim(), logins.length > 1 ? `Assignees: ${logins.join(', ')}` : undefined].filter(Boolean).join('\n\n') || undefined,
        link: str(i.url),
      }, `${source.name}: issue ${k + 1}`);
    });
    return { data: plan.data(), unplaced: [], origin: `the GitHub issues ${source.name} (gh issue list --json)` };
  },
};

export const githubProject: Importer = {
  name: 'github-project',
  description: 'a GitHub project from `gh project item-list N --format json`: status, assignees, iteration as sprint, milestones, links',
  patterns: ['*.json'],
  detect: (s) => {
    const j = jsonOf(s);
    return isObject(j) && Array.isArray(j.items) && j.items.every((i) => isObject(i) && ('content' in i || 'title' in i)) ? 10 : 0;
  },
  read(source) {
    const { items } = jsonOf(source) as { items: Record<string, unknown>[] };
    const plan = new TrackerPlan(`Imported from ${source.name}`);
    const repos = new Set(items.map((i) => (isObject(i.content) ? str(i.content.repository) : undefined)).filter(Boolean));
    let draft = 0;
    items.forEach((i, k) => {
      const c = isObject(i.content) ? i.content : {};
      const n = str(c.number);
      const repo = str(c.repository);
      const id = n ? (repos.size > 1 && repo ? `${repo.split('/').pop()}#${n}` : `#${n}`) : `draft-${++draft}`;
      const labels = names(i.labels, 'name');
      if (str(c.type) && str(c.type) !== 'Issue') labels.push(str(c.type)!.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase());
      const iteration = isObject(i.iteration) ? str(i.iteration.title) : str(i.iteration);
      const logins = names(i.assignees, 'login');
      plan.add({
        id,
        title: str(i.title) ?? str(c.title) ?? id,
        status: trackerStatus(str(i.status), labels),
        lane: plan.lane(logins[0]),
        milestone: milestoneOf(plan, i.milestone),
        labels,
        sprint: iteration,
        notes: str(c.body)?.trim() || undefined,
        link: str(c.url),
      }, `${source.name}: item ${k + 1}`);
    });
    return { data: plan.data(), unplaced: [], origin: `the GitHub project ${source.name} (gh project item-list --format json)` };
  },
};
