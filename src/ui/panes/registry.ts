// Which component draws which pane. Timeline, Capacity and Standup are built by helper "views".
import type { ComponentType } from 'react';
import type { PaneId, PaneProps } from './types.js';
import { Kanban } from './Kanban.js';
import { Timeline } from './Timeline.js';
import { Capacity } from './Capacity.js';
import { Standup } from './Standup.js';

export const PANE_COMPONENTS: Record<PaneId, ComponentType<PaneProps>> = {
  kanban: Kanban,
  timeline: Timeline,
  capacity: Capacity,
  standup: Standup,
};

export const PANE_TITLES: Record<PaneId, string> = {
  kanban: 'Kanban',
  timeline: 'Timeline',
  capacity: 'Capacity',
  standup: 'Standup',
};
