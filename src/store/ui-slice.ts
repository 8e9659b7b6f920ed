// Navigation, panes, filters, search and overlays: no edits, no schedule runs.
import type { StoreApi } from 'zustand/vanilla';
import type { Period } from '../core/schedule/types.js';
import { SORT_ORDERS, type SortOrder } from '../core/persist/view-prefs.js';
import { capacityScrollRange, selectIsVisible, selectKanbanPosition, selectSchedule, selectTimelineNav, selectVisibleIssues } from './selectors.js';
import { PANES, type BoardState, type TimelineZoom, type UiSlice } from './types.js';
import { initialUi } from './view-state.js';

type Set = StoreApi<BoardState>['setState'];
type Get = StoreApi<BoardState>['getState'];

const ZOOMS: TimelineZoom[] = ['day', 'week', 'month'];
const PERIODS: Period[] = ['week', 'month', 'quarter', 'sprint'];

type UiActions = Pick<
  BoardState,
  | 'select'
  | 'moveRow'
  | 'moveColumn'
  | 'moveToEdge'
  | 'setPane'
  | 'cyclePane'
  | 'toggleSwimlanes'
  | 'setFilter'
  | 'setSearch'
  | 'clear'
  | 'setMessage'
  | 'zoomTimeline'
  | 'scrollTimeline'
  | 'cycleCapacityPeriod'
  | 'scrollCapacity'
  | 'cycleScenario'
  | 'requestQuit'
  | 'setPresence'
  | 'toggleHideDone'
  | 'toggleGroupBy'
  | 'quitNow'
  | 'saveThenQuit'
  | 'cycleSort'
  | 'toggleFold'
  | 'standupStep'
  | 'toggleStandup'
>;

/** Kanban: the non-empty columns in order, and where the selection sits. */
const kanbanPosition = selectKanbanPosition;

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

const SORT_LABEL: Record<SortOrder, string> = { order: 'file order', priority: 'priority', due: 'due date' };

export function createUiSlice(set: Set, get: Get, _api: StoreApi<BoardState>, prefs: { hideDone?: boolean; sort?: SortOrder } = {}): UiSlice & UiActions {
  const remember = () => {
    const s = get();
    s.viewPrefs?.write(s.file, { hideDone: s.hideDone, sort: s.sort });
  };
  /** After a filter or search change, keep the selection on something visible. */
  const keepSelectionVisible = () => {
    const s = get();
    if (selectIsVisible(s, s.selectedId)) return;
    set({ selectedId: selectVisibleIssues(s)[0]?.id ?? null });
  };

  return {
    ...initialUi(prefs),

    select: (id) => set({ selectedId: id }),
    moveRow: (delta) => {
      const s = get();
      if (s.pane === 'kanban') {
        const { cols, c, r } = kanbanPosition(s);
        if (c < 0) return set({ selectedId: cols[0]?.[0]?.id ?? null });
        const col = cols[c];
        set({ selectedId: col[clamp(r + delta, 0, col.length - 1)].id });
        return;
      }
      const rows = selectTimelineNav(s);
      const at = rows.findIndex((i) => i.id === s.selectedId);
      if (rows.length === 0) return;
      set({ selectedId: rows[at < 0 ? 0 : clamp(at + delta, 0, rows.length - 1)].id });
    },
    moveColumn: (delta) => {
      const s = get();
      if (s.pane === 'timeline') return get().scrollTimeline(delta);
      if (s.pane === 'capacity') return get().scrollCapacity(delta);
      if (s.pane !== 'kanban') return;
      const { cols, c, r } = kanbanPosition(s);
      if (cols.length === 0) return;
      const to = c < 0 ? 0 : clamp(c + delta, 0, cols.length - 1);
      const col = cols[to];
      set({ selectedId: col[clamp(r, 0, col.length - 1)].id });
    },
    moveToEdge: (edge) => {
      const s = get();
      let list;
      if (s.pane === 'kanban') {
        const { cols, c } = kanbanPosition(s);
        list = cols[Math.max(0, c)] ?? [];
      } else list = selectTimelineNav(s);
      if (list.length) set({ selectedId: (edge === 'first' ? list[0] : list[list.length - 1]).id });
    },
    setPane: (pane) => set({ pane, overlay: null }),
    cyclePane: (delta) => {
      const s = get();
      const at = PANES.indexOf(s.pane);
      set({ pane: PANES[(Math.max(0, at) + delta + PANES.length) % PANES.length] });
    },
    toggleSwimlanes: () => set((s) => ({ swimlanes: !s.swimlanes, message: s.swimlanes ? 'swimlanes off' : 'swimlanes by lane' })),
    setFilter: (filter) => {
      set({ filter });
      keepSelectionVisible();
    },
    setSearch: (search) => {
      set({ search });
      keepSelectionVisible();
    },
    clear: () => {
      const s = get();
      if (s.overlay) return set({ overlay: null });
      if (s.search || Object.keys(s.filter).length) {
        set({ search: '', filter: {}, message: 'search and filters cleared' });
        return;
      }
      set({ message: null });
    },
    setMessage: (message) => set({ message }),
    zoomTimeline: (delta) =>
      set((s) => {
        const zoom = ZOOMS[clamp(ZOOMS.indexOf(s.timeline.zoom) - delta, 0, ZOOMS.length - 1)];
        return { timeline: { ...s.timeline, zoom, scroll: 0 }, message: `zoom: ${zoom}s` };
      }),
    // Signed: 0 is the opening view around today, negative goes back to done work.
    scrollTimeline: (delta) => set((s) => ({ timeline: { ...s.timeline, scroll: s.timeline.scroll + delta } })),
    scrollCapacity: (delta) => {
      const s = get();
      const { min, max } = capacityScrollRange(s);
      const capacityScroll = clamp(s.capacityScroll + delta, min, max);
      if (capacityScroll === s.capacityScroll) return set({ message: delta < 0 ? 'no earlier periods' : 'no later periods' });
      set({ capacityScroll, message: null });
    },
    cycleCapacityPeriod: () =>
      set((s) => {
        const capacityPeriod = PERIODS[(PERIODS.indexOf(s.capacityPeriod) + 1) % PERIODS.length];
        return { capacityPeriod, capacityScroll: 0, message: `period: ${capacityPeriod}` };
      }),
    cycleScenario: () =>
      set((s) => {
        const ids = (s.data.scenarios ?? []).map((x) => x.id);
        if (ids.length === 0) return { message: 'this plan defines no scenarios' };
        const all: (string | undefined)[] = [undefined, ...ids];
        const scenario = all[(all.indexOf(s.scenario) + 1) % all.length];
        return { scenario, capacityScroll: 0, message: `scenario: ${scenario ?? 'plan as written'}` };
      }),
    toggleGroupBy: () => set((s) => ({ timeline: { ...s.timeline, groupBy: s.timeline.groupBy === 'group' ? 'lane' : 'group' } })),
    quitNow: () => set({ quit: true }),
    saveThenQuit: async () => {
      await get().save();
      if (get().pending.length === 0) set({ quit: true });
      else if (get().overlay?.kind === 'quit') set({ overlay: null });
    },
    toggleHideDone: () => {
      const s = get();
      const hidden = s.model.issues.filter((i) => i.done).length;
      set({ hideDone: !s.hideDone, message: s.hideDone ? 'done work shown' : `done work hidden (${hidden})` });
      keepSelectionVisible();
      remember();
    },
    cycleSort: () => {
      const sort = SORT_ORDERS[(SORT_ORDERS.indexOf(get().sort) + 1) % SORT_ORDERS.length];
      set({ sort, message: `sort: ${SORT_LABEL[sort]}` });
      remember();
    },
    toggleFold: () => {
      const s = get();
      const issue = s.selectedId === null ? undefined : s.model.byId.get(s.selectedId);
      if (!issue) return set({ message: 'nothing selected' });
      const key = (s.timeline.groupBy === 'group' ? issue.group : issue.lane) ?? '';
      const folded = s.folded.includes(key) ? s.folded.filter((k) => k !== key) : [...s.folded, key];
      // The cursor stays on the group: its first visible issue stands for it while folded.
      const first = selectVisibleIssues(s).find((i) => ((s.timeline.groupBy === 'group' ? i.group : i.lane) ?? '') === key);
      set({ folded, selectedId: first?.id ?? s.selectedId, message: `${folded.includes(key) ? 'folded' : 'unfolded'} ${key || '(none)'}` });
    },
    standupStep: (delta) => {
      const lanes = selectSchedule(get())?.lanes.length ?? 0;
      set((s) => ({ standup: { index: lanes <= 0 ? 0 : (s.standup.index + delta + lanes) % lanes, since: Date.now() } }));
    },
    toggleStandup: () => {
      const s = get();
      if (s.pane === 'standup') return s.setPane('kanban');
      s.standupStep(-s.standup.index); // from the first person, timer at 0:00
      s.setPane('standup');
    },
    requestQuit: () => {
      const s = get();
      if (s.pending.length > 0) set({ overlay: { kind: 'quit' } });
      else set({ quit: true });
    },
    // Polled every few seconds: an unchanged list must not re-render the header.
    setPresence: (presence) => {
      const was = get().presence;
      if (was.length !== presence.length || was.some((p, n) => p !== presence[n])) set({ presence });
    },
  };
}
