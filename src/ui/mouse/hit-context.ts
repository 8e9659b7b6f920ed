// The hit map's React side: the board provides a region's sink, its pane writes into it.
import { createContext, useContext } from 'react';
import type { HitBox, HitMap } from './hit-map.js';

/** The sink a pane writes its boxes to (absent outside the board, e.g. static render). */
export const HitContext = createContext<{ map: HitMap; key: string } | null>(null);

/** For panes: record this frame's issue boxes. */
export function useHitSink(): ((boxes: HitBox[]) => void) | null {
  const ctx = useContext(HitContext);
  if (!ctx) return null;
  return (boxes) => void ctx.map.boxes.set(ctx.key, boxes);
}
