// The timeline's rows: the board's ordered issues with a header row wherever the phase (group)
// or lane changes, and the window of rows that fits on screen.
import type { Issue, Model } from '../../core/plan/model.js';
import { UNASSIGNED } from '../../core/schedule/types.js';

export type Row = { kind: 'group'; key: string; label: string; issues: Issue[]; folded?: boolean } | { kind: 'issue'; issue: Issue };

export interface RowIndex {
  rows: Row[];
  /** Issue id → its row number. */
  at: Map<string, number>;
}

const cache = new WeakMap<readonly Issue[], { model: Model; by: string; folded: readonly string[]; value: RowIndex }[]>();

const NONE: readonly string[] = [];

function groupLabel(model: Model, key: string | undefined): string {
  if (key === undefined) return '(no phase)';
  const g = model.groupById.get(key);
  return g?.title ? `${g.id} ${g.title}` : key;
}

function laneLabel(model: Model, key: string | undefined): string {
  if (key === undefined) return UNASSIGNED;
  const l = model.laneById.get(key);
  return l && l.name !== l.id ? `${l.id} ${l.name}` : key;
}

/**
 * One pass over `issues` (already in display order); memoised on the array. A folded group is its
 * header row alone, and each of its issues points at that row.
 */
export function timelineRows(issues: readonly Issue[], model: Model, by: 'group' | 'lane', folded: readonly string[] = NONE): RowIndex {
  const hits = cache.get(issues) ?? [];
  const hit = hits.find((h) => h.model === model && h.by === by && h.folded === folded);
  if (hit) return hit.value;
  const shut = new Set(folded);
  const rows: Row[] = [];
  const at = new Map<string, number>();
  let current: Extract<Row, { kind: 'group' }> | null = null;
  for (const issue of issues) {
    const key = by === 'group' ? issue.group : issue.lane;
    if (!current || current.key !== (key ?? '')) {
      const k = key ?? '';
      current = { kind: 'group', key: k, label: by === 'group' ? groupLabel(model, key) : laneLabel(model, key), issues: [], folded: shut.has(k) };
      rows.push(current);
    }
    current.issues.push(issue);
    if (current.folded) {
      at.set(issue.id, rows.length - 1);
      continue;
    }
    at.set(issue.id, rows.length);
    rows.push({ kind: 'issue', issue });
  }
  const value = { rows, at };
  cache.set(issues, [...hits.slice(-3), { model, by, folded, value }]);
  return value;
}

/**
 * First row to show so that row `selected` is visible, moving as little as possible from
 * `offset`. When the row above the selection is its group's header, it is kept in view too.
 */
export function scrollWindow(offset: number, selected: number, total: number, height: number, headerAbove = false): number {
  if (height <= 0) return 0;
  let off = offset;
  if (selected >= 0) {
    if (selected < off) off = selected;
    if (selected >= off + height) off = selected - height + 1;
    if (headerAbove && off === selected && selected > 0 && height >= 2) off = selected - 1;
  }
  return Math.max(0, Math.min(off, total - height));
}
