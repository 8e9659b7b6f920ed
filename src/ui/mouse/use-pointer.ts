// Mouse events → store actions, hit-tested against the frame as drawn (hit-map.ts). A click
// selects the issue under it or opens the tab under it; the wheel moves the selection in the
// pane under it (in the kanban, in the column under it), or scrolls the help, detail or picker. While the terminal is too small, or a
// prompt or question is open, a click does nothing.
import { useEffect, type RefObject } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { BoardState } from '../../store/types.js';
import { helpLength } from '../widgets/HelpOverlay.js';
import type { HitMap } from './hit-map.js';
import type { MouseEvent } from './sgr.js';

export interface PointerSource {
  on(event: 'mouse', listener: (e: MouseEvent) => void): unknown;
  off(event: 'mouse', listener: (e: MouseEvent) => void): unknown;
}

/** What one mouse event does to the board. */
function pointerEvent(e: MouseEvent, store: StoreApi<BoardState>, hits: HitMap): void {
  const s = store.getState();
  const hit = hits.at(e.x, e.y);
  if (e.kind === 'wheel') {
    if (e.wheel !== 'up' && e.wheel !== 'down') return;
    const delta = e.wheel === 'down' ? 1 : -1;
    const ov = s.overlay;
    if (ov) {
      if (ov.kind === 'help' || ov.kind === 'detail' || ov.kind === 'picker') s.wheelOverlay(delta, Math.max(0, helpLength(s.pane) - 5));
      return;
    }
    const kind = hit?.region.kind;
    if (kind === 'kanban' && hit) {
      // Over another column, the wheel starts in that column: at the card under it, else its first.
      const column = hits.column(hit.region, e.x);
      if (column.length && (s.pane !== 'kanban' || !column.includes(s.selectedId ?? ''))) return s.pointIssue('kanban', hit.id ?? column[0]);
    }
    if (kind === 'kanban' || kind === 'timeline') s.wheelPane(kind, delta);
    return;
  }
  if (e.kind !== 'press' || e.button !== 0 || s.overlay || !hit) return;
  if (hit.tab) {
    if (hit.tab !== s.pane && hit.tab !== 'standup') s.setPane(hit.tab);
    return;
  }
  const kind = hit.region.kind;
  if (hit.id && (kind === 'kanban' || kind === 'timeline')) s.pointIssue(kind, hit.id);
}

export function usePointer(source: PointerSource | undefined, store: StoreApi<BoardState>, hits: HitMap, tooSmall: RefObject<boolean>): void {
  useEffect(() => {
    if (!source) return;
    const listener = (e: MouseEvent) => {
      if (!tooSmall.current) pointerEvent(e, store, hits);
    };
    source.on('mouse', listener);
    return () => void source.off('mouse', listener);
  }, [source, store, hits, tooSmall]);
}
