// The pointer's actions: the UI hit-tests a click or a wheel turn against what it drew
// (src/ui/mouse/), then one of these changes the state, like a key would.
import type { StoreApi } from 'zustand/vanilla';
import type { BoardState, PaneId, PointerActions } from './types.js';

type Set = StoreApi<BoardState>['setState'];
type Get = StoreApi<BoardState>['getState'];

/** Help lines per wheel step (a notch is one to three steps, depending on the terminal). */
const HELP_LINES_PER_STEP = 3;

export function createPointerActions(set: Set, get: Get): PointerActions {
  return {
    pointIssue: (pane, id) => {
      const s = get();
      if (s.overlay || !s.model.byId.has(id)) return;
      set({ pane, selectedId: id });
    },
    wheelPane: (pane: PaneId, delta) => {
      const s = get();
      if (s.overlay || (pane !== 'kanban' && pane !== 'timeline')) return;
      if (s.pane !== pane) set({ pane });
      get().moveRow(delta);
    },
    wheelOverlay: (delta, max = 0) => {
      const ov = get().overlay;
      if (ov?.kind === 'help') {
        const scroll = Math.max(0, Math.min(max, ov.scroll + delta * HELP_LINES_PER_STEP));
        if (scroll !== ov.scroll) set({ overlay: { ...ov, scroll } });
      } else if (ov?.kind === 'detail') {
        const s = get();
        const issue = s.selectedId === null ? undefined : s.model.byId.get(s.selectedId);
        const last = Math.max(0, (issue?.subtasks.length ?? 0) - 1);
        set({ overlay: { ...ov, cursor: Math.max(0, Math.min(last, ov.cursor + delta)) } });
      } else if (ov?.kind === 'picker') {
        set({ overlay: { ...ov, cursor: Math.max(0, Math.min(ov.items.length - 1, ov.cursor + delta)) } });
      }
    },
  };
}
