// taskwarrior's `task export`: a JSON array of tasks. Projects (`home.garden`) become nested
// groups, tags labels, `depends` dependencies, annotations notes; deleted tasks are left out.
import { isObject, jsonOf, str } from './json-source.js';
import { isoDay, TrackerPlan } from './tracker-plan.js';
import type { Importer } from './types.js';

const PRIORITY: Record<string, string> = { H: 'high', M: 'medium', L: 'low' };

export const taskwarrior: Importer = {
  name: 'taskwarrior',
  description: "taskwarrior's `task export` JSON: status, project as groups, tags, due, depends, priority, annotations",
  patterns: ['*.json'],
  detect: (s) => {
    const j = jsonOf(s);
    return Array.isArray(j) && j.length > 0 && j.every((t) => isObject(t) && 'uuid' in t && 'description' in t) ? 10 : 0;
  },
  read(source) {
    const tasks = (jsonOf(source) as Record<string, unknown>[]).filter((t) => str(t.status) !== 'deleted' && str(t.status) !== 'recurring');
    const plan = new TrackerPlan(`Imported from ${source.name}`);
    // Short ids read well; two uuids that share their first 8 characters keep them whole.
    const short = new Map<string, number>();
    for (const t of tasks) short.set(String(t.uuid).slice(0, 8), (short.get(String(t.uuid).slice(0, 8)) ?? 0) + 1);
    const idOf = (uuid: string) => `tw-${(short.get(uuid.slice(0, 8)) ?? 0) > 1 ? uuid : uuid.slice(0, 8)}`;
    for (const t of tasks) {
      const uuid = str(t.uuid)!;
      const project = str(t.project);
      let group: string | undefined;
      if (project) {
        const parts = project.split('.');
        parts.forEach((p, k) => (group = plan.group(parts.slice(0, k + 1).join('.'), p, k ? parts.slice(0, k).join('.') : undefined)));
      }
      const status = str(t.status) === 'completed' ? 'done' : str(t.status) === 'waiting' ? 'backlog' : t.start ? 'in-progress' : 'todo';
      const depends = Array.isArray(t.depends) ? t.depends.map(str) : (str(t.depends) ?? '').split(',');
      const annotations = Array.isArray(t.annotations) ? t.annotations.map((a) => (isObject(a) ? str(a.description) : undefined)).filter(Boolean) : [];
      plan.add({
        id: idOf(uuid),
        title: str(t.description) ?? uuid,
        status,
        group,
        milestone: plan.due(isoDay(str(t.due))),
        priority: PRIORITY[str(t.priority) ?? ''],
        labels: Array.isArray(t.tags) ? t.tags.map(str).filter((x): x is string => Boolean(x)) : [],
        depends_on: depends.filter((d): d is string => Boolean(d)).map(idOf),
        notes: annotations.join('\n') || undefined,
        started: isoDay(str(t.start)),
        done_on: status === 'done' ? isoDay(str(t.end)) : undefined,
      }, `${source.name}: task ${uuid}`);
    }
    return { data: plan.data(), unplaced: [], origin: `the taskwarrior export ${source.name}` };
  },
};
