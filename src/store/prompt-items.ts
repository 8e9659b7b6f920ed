// What the prompts and pickers start with, from the board's state: pure, so each is testable
// without a store or React.
import { basename, dirname, join } from 'node:path';
import type { EditableField } from '../core/ops/field-input.js';
import { estimateText } from '../core/text/duration.js';
import type { BoardState, PickerItem } from './types.js';

export const FIELD_LABEL: Record<EditableField, string> = {
  title: 'title',
  estimate: 'estimate (2h, 1.5d, 1w, 3-5d)',
  labels: 'labels, comma-separated',
  sprint: 'sprint',
  milestone: 'milestone',
  due: 'due date YYYY-MM-DD',
  priority: 'priority',
};

/** The field's current value as the prompt starts with it. */
export function fieldText(s: Pick<BoardState, 'data'>, id: string, field: EditableField): string {
  const v = (s.data.issues ?? []).find((i) => String(i.id) === id)?.[field as keyof NonNullable<BoardState['data']['issues']>[number]];
  if (v === undefined || v === null) return '';
  return Array.isArray(v) ? v.join(', ') : String(v);
}

/** `2d ann todo`: each word an estimate, a lane or a status, in any order. Throws with the reason. */
export function newIssueDetails(s: Pick<BoardState, 'model'>, text: string): { estimate?: string; lane?: string; status?: string } {
  const out: { estimate?: string; lane?: string; status?: string } = {};
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const w = word.replace(/^@/, '');
    if (s.model.lanes.some((l) => l.id === w)) out.lane = w;
    else if (s.model.statuses.includes(w)) out.status = w;
    else {
      // The one duration parser: 30m and 1.5h as well as the plan's own 2d, 3-5d.
      try {
        out.estimate = estimateText(w, s.model.hoursPerDay);
      } catch {
        throw new Error(`"${word}" is not an estimate, a lane (${s.model.lanes.map((l) => l.id).join(', ') || 'none'}) or a status (${s.model.statuses.join(', ')})`);
      }
    }
  }
  return out;
}

/** Every other issue, the ones `id` already waits for first (choosing one of those unlinks it). */
export function dependencyItems(s: Pick<BoardState, 'model'>, id: string): PickerItem[] {
  const issue = s.model.byId.get(id);
  const deps = new Set(issue?.deps.map((d) => d.id) ?? []);
  return s.model.issues
    .filter((i) => i.id !== id)
    .map((i) => ({ label: `${deps.has(i.id) ? '✓ waits for' : '  '} ${i.id} ${i.title}`, value: i.id }))
    .sort((a, b) => Number(b.label.startsWith('✓')) - Number(a.label.startsWith('✓')));
}

export function laneItems(s: Pick<BoardState, 'model'>): PickerItem[] {
  return [...s.model.lanes.map((l) => ({ label: l.name === l.id ? l.id : `${l.name} (${l.id})`, value: l.id })), { label: '(no lane)', value: '' }];
}

/** Values are `key=value` (or '' to clear every filter), read back by `filterFrom`. */
export function filterItems(s: Pick<BoardState, 'model' | 'data'>): PickerItem[] {
  const items: PickerItem[] = [{ label: 'clear all filters', value: '' }];
  for (const st of s.model.statuses) items.push({ label: `status: ${st}`, value: `status=${st}` });
  for (const g of s.model.groups) items.push({ label: `group: ${g.id}${g.title ? ` — ${g.title}` : ''}`, value: `group=${g.id}` });
  for (const m of s.model.milestones) items.push({ label: `milestone: ${m.id}${m.title ? ` — ${m.title}` : ''}`, value: `milestone=${m.id}` });
  const sprints = new Set<string>((s.data.calendar?.sprints?.list ?? []).map((x) => x.name));
  for (const i of s.model.issues) if (i.sprint) sprints.add(i.sprint);
  for (const sp of sprints) items.push({ label: `sprint: ${sp}`, value: `sprint=${sp}` });
  for (const l of s.model.lanes) items.push({ label: `lane: ${l.id}`, value: `lane=${l.id}` });
  items.push({ label: 'lane: (none)', value: 'lane=-' });
  return items;
}

/** The filter after choosing a filter item: '' clears all, `key=value` sets that one key. */
export function filterFrom(current: BoardState['filter'], value: string): BoardState['filter'] {
  if (value === '') return {};
  const [key, ...rest] = value.split('=');
  return { ...current, [key]: rest.join('=') };
}

/**
 * A starting point the user edits (Ctrl-u clears it): the plan's name with `.mine` before the
 * extension, beside the plan, or in the home folder when the plan's folder is not writable.
 */
export function suggestSaveAs(file: string, writeBlocked: string | null): string {
  const m = /^(.*?)(\.ya?ml)?$/i.exec(basename(file))!;
  const name = `${m[1]}.mine${m[2] ?? '.yaml'}`;
  return writeBlocked?.includes('directory') ? `~/${name}` : join(dirname(file), name);
}

/** The keys a prompt line understands besides printable text. */
export interface PromptKey {
  backspace?: boolean;
  delete?: boolean;
  ctrl?: boolean;
  meta?: boolean;
}

/** The prompt's text after one key, or null when the key does not edit it. */
export function editLine(value: string, input: string, key: PromptKey): string | null {
  if (key.backspace || key.delete) return value.slice(0, -1);
  if (key.ctrl && input === 'u') return ''; // as in a shell: clear the line
  if (!key.ctrl && !key.meta && input) return value + input.replace(/[\u0000-\u001f\u007f]/g, '');
  return null;
}
