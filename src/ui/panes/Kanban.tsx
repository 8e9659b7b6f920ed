// Kanban: one column per status with counts; optional swimlanes per lane (w). Virtualised: only
// the cards that fit are laid out (layout/kanban-lines.ts); the pane is drawn as whole lines
// (widgets/Lines.tsx).
import { useRef } from 'react';
import { selectColumns, selectModel, selectSelectedId } from '../../store/selectors.js';
import { useBoard } from '../store-context.js';
import { useTheme } from '../theme.js';
import { Lines } from '../widgets/Lines.js';
import { kanbanLines, newKanbanMemory } from '../layout/kanban-lines.js';
import type { PaneProps } from './types.js';
import { useHitSink } from '../mouse/hit-context.js';

export { windowAround } from '../layout/kanban-lines.js';

export function Kanban({ width, height }: PaneProps) {
  const model = useBoard(selectModel);
  const columns = useBoard(selectColumns);
  const selectedId = useBoard(selectSelectedId);
  const swimlanes = useBoard((s) => s.swimlanes);
  const theme = useTheme();
  // The windows move only as far as the selection needs, so they are remembered between frames.
  const memory = useRef(newKanbanMemory());
  const hitSink = useHitSink();
  const lines = kanbanLines({ model, columns, selectedId, swimlanes }, width, height, theme, memory.current);
  hitSink?.(memory.current.hits ?? []);
  return <Lines lines={lines} width={width} height={height} />;
}
