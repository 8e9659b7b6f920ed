// The contract between the board (App) and its panes. A pane is a function component that
// receives its box and focus, and reads everything else from the store with `useBoard`
// (src/ui/store-context.tsx) and the selectors in src/store/selectors.ts:
//
//   const model = useBoard(selectModel);              // normalised plan (core/plan/model.ts)
//   const schedule = useBoard(selectSchedule);        // Schedule | null (engine output)
//   const rows = useBoard(selectTimelineRows);        // visible issues in timeline order (filter + search applied)
//   const issues = useBoard(selectVisibleIssues);     // visible issues in file order
//   const selectedId = useBoard(selectSelectedId);    // linked across panes
//   const today = useBoard(selectToday);
//   const { zoom, scroll, groupBy } = useBoard(selectTimelineView);
//   const period = useBoard(selectCapacityPeriod);   const scenario = useBoard(selectScenario);
//   const capacity = useBoard(selectCapacity);        // LaneCapacity[] for the period (memoised)
//
// Panes never call useInput: keys live in src/keymap/bindings.ts (scopes 'timeline',
// 'capacity', ...) and call store actions (moveRow, scrollTimeline, zoomTimeline, ...).
// A pane must render at most `height` lines of at most `width` columns, render only the rows it
// can show (virtualise: window around the selected row), and pass every piece of plan text
// through `sanitize()` / `fit()` from src/ui/text.ts before rendering it.
//
// Names: src/ui/panes/Timeline.tsx exports `Timeline`, Capacity.tsx exports `Capacity`,
// Standup.tsx exports `Standup`, each `(props: PaneProps) => ReactNode`; App imports them by
// these names (src/ui/panes/registry.ts). Colours come from `useTheme()` (src/ui/theme.tsx):
// it honours NO_COLOR, and every colour-coded state also needs a mark (critical `◆`, blocked `⊘`,
// over-allocated `!`, done `✓`) — see MARKS there.
import type { PaneId } from '../../store/types.js';

export interface PaneProps {
  /** Columns available to the pane. */
  width: number;
  /** Lines available to the pane (never exceed it). */
  height: number;
  /** Whether the pane has the keyboard (side-by-side layouts show two panes). */
  focused: boolean;
}

export type { PaneId };
