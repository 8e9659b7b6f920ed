// Backlog.md: a `backlog/` folder of task files (`tasks/task-1 - Title.md`), each with YAML
// front matter (id, title, status, assignee, labels, dependencies, milestone, parent_task_id)
// and a Markdown body whose Acceptance Criteria checkboxes become subtasks.
import { parse } from 'yaml';
import { isObject, str } from './json-source.js';
import { TrackerPlan, trackerStatus } from './tracker-plan.js';
import { ImportError, type Importer, type Source } from './types.js';

const TASK_FILE = /(?:^|\/)(tasks|completed|archive\/tasks)\/[^/]+\.md$/i;
const FRONT = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

const taskFiles = (s: Source) => (s.files ?? []).filter((f) => TASK_FILE.test(f.path) && !/(^|\/)(drafts|archive)\//.test(f.path) && FRONT.test(f.text));
const list = (x: unknown): string[] => (Array.isArray(x) ? x.map(str).filter((v): v is string => Boolean(v)) : str(x) ? str(x)!.split(/\s*,\s*/) : []);

/** One `## Section` of the body, markers (`<!-- SECTION:… -->`) left out. */
function section(body: string, name: RegExp): string | undefined {
  const parts = body.split(/^##\s+/m);
  const hit = parts.find((p) => name.test(p.split('\n', 1)[0]));
  if (!hit) return undefined;
  return hit.split('\n').slice(1).filter((l) => !/^\s*<!--.*-->\s*$/.test(l)).join('\n').trim() || undefined;
}

export const backlogMd: Importer = {
  name: 'backlog-md',
  description: 'a Backlog.md `backlog/` folder: one plan from its task files (id, title, status, assignee, labels, dependencies, milestone, acceptance criteria)',
  patterns: ['backlog/'],
  folder: true,
  detect: (s) => (taskFiles(s).length ? 10 : 0),
  read(source) {
    const config = source.files?.find((f) => /(^|\/)config\.yml$/.test(f.path));
    let project: string | undefined;
    try {
      project = config ? str((parse(config.text) as Record<string, unknown> | null)?.project_name) : undefined;
    } catch {
      project = undefined;
    }
    const plan = new TrackerPlan(project ?? `Imported from ${source.name}`);
    const files = taskFiles(source).sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
    const canon = new Map<string, string>();
    const parsed = files.map((f) => {
      let front: unknown;
      try {
        front = parse(FRONT.exec(f.text)![1]);
      } catch (e) {
        const pos = (e as { linePos?: { line: number; col: number }[] }).linePos?.[0];
        throw new ImportError(`${source.name}/${f.path}:${(pos?.line ?? 0) + 1}:${pos?.col ?? 1}: the front matter is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
      }
      if (!isObject(front) || !str(front.id) || !str(front.title)) throw new ImportError(`${source.name}/${f.path}:2:1: the front matter needs an id and a title`);
      canon.set(str(front.id)!.toLowerCase(), str(front.id)!);
      return { f, front, body: f.text.replace(FRONT, '') };
    });
    const ref = (id: string) => canon.get(id.toLowerCase()) ?? id;
    for (const { f, front, body } of parsed) {
      const labels = list(front.labels);
      const status = /(^|\/)completed\//.test(f.path) ? 'done' : trackerStatus(str(front.status), labels);
      const assignees = list(front.assignee);
      const milestone = str(front.milestone);
      const parent = str(front.parent_task_id) ?? str(front.parent);
      const criteria = section(body, /acceptance criteria/i) ?? '';
      const subtasks = [...criteria.matchAll(/^\s*[-*]\s+\[([ xX])\]\s+(?:#\d+\s+)?(.+)$/gm)].map((m) => ({ title: m[2].trim(), done: m[1] !== ' ' }));
      const priority = str(front.priority)?.toLowerCase();
      plan.add({
        id: str(front.id)!,
        title: str(front.title)!,
        status,
        lane: plan.lane(assignees[0]),
        group: parent ? plan.group(`parent-${ref(parent)}`, parsed.find((p) => str(p.front.id)?.toLowerCase() === parent.toLowerCase())?.front.title as string ?? parent) : undefined,
        milestone: milestone ? plan.milestone(milestone, undefined, 'release') : undefined,
        priority: priority && ['critical', 'high', 'medium', 'low'].includes(priority) ? priority : undefined,
        labels,
        depends_on: list(front.dependencies).map(ref),
        subtasks,
        notes: [section(body, /^description/i), section(body, /implementation notes|notes/i), assignees.length > 1 ? `Assignees: ${assignees.join(', ')}` : undefined].filter(Boolean).join('\n\n') || undefined,
      }, `${source.name}/${f.path}:2:1`);
    }
    return { data: plan.data(), unplaced: [], origin: `the Backlog.md folder ${source.name}` };
  },
};
