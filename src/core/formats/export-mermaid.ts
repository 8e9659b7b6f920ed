// `planboard export --format mermaid`: a gantt block with the scheduled dates, one section per
// group, `crit`/`done`/`active` tags, and each milestone's deadline as a mermaid milestone.
import type { Model } from '../plan/model.js';
import type { Exporter } from './types.js';
import type { Schedule } from '../schedule/types.js';
import { addDays } from '../schedule/dates.js';
import { isInProgress } from '../schedule/estimates.js';
import { sanitize } from '../text/sanitize.js';

/** Inert plan text; Mermaid task names end at `:` and comments start at `%%`; `#` and `;` confuse its parser. */
const label = (s: string) => sanitize(s).replace(/[:;#]/g, ' ').replace(/%%/g, '%').replace(/\s+/g, ' ').trim() || '-';

export function exportMermaid(model: Model, schedule: Schedule): string {
  const used = new Set<string>();
  const mid = (id: string) => {
    const base = `t_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;
    let out = base;
    for (let n = 2; used.has(out); n++) out = `${base}_${n}`;
    used.add(out);
    return out;
  };
  const sections = new Map<string, string[]>();
  const undated: string[] = [];
  for (const issue of model.issues) {
    const s = schedule.byId.get(issue.id);
    if (!s?.start || !s.end) {
      undated.push(issue.id);
      continue;
    }
    const active = isInProgress(model, issue);
    const tags = [s.critical ? 'crit' : '', issue.done ? 'done' : active ? 'active' : ''].filter(Boolean);
    // Mermaid draws a bar up to the start of its end date: our end is inclusive.
    const line = `    ${label(`${issue.id} ${issue.title}`)} :${[...tags, mid(issue.id)].join(', ')}, ${s.start}, ${addDays(s.end, 1)}`;
    const title = (issue.group && model.groupById.get(issue.group)?.title) || issue.group || 'Ungrouped';
    const key = label(title);
    if (!sections.has(key)) sections.set(key, []);
    sections.get(key)!.push(line);
  }
  const out = ['gantt', `    title ${label(model.title)}`, '    dateFormat YYYY-MM-DD', '    axisFormat %Y-%m-%d'];
  if (undated.length) out.push(`    %% not drawn (no dates: done without dates or unscheduled): ${undated.length} issue(s)`);
  for (const [name, lines] of sections) out.push(`    section ${name}`, ...lines);
  const deadlines = schedule.milestones.filter((m) => m.deadline);
  if (deadlines.length) {
    out.push('    section Milestones');
    for (const m of deadlines) out.push(`    ${label(`${m.id} ${m.title ?? ''} deadline`)} :milestone, ${mid(`m_${m.id}`)}, ${m.deadline}, 0d`);
  }
  return out.join('\n') + '\n';
}

export const mermaidExport: Exporter = { name: 'mermaid', description: 'a gantt block', patterns: ['*.mmd', '*.mermaid'], write: exportMermaid };
