// What is under the pointer, from the frames as drawn: the board records where each region
// (tabs, a pane, an overlay) sits on the screen, and each pane records, while it lays out its
// lines, the boxes of the issues it drew (pane-local cells). Nothing is re-derived or guessed.
import type { PaneId } from '../../store/types.js';

/** A box in a region's own cells: `x`,`y` its top-left, `w`×`h` its size. */
export interface HitBox {
  x: number;
  y: number;
  w: number;
  h: number;
  /** The issue drawn there. */
  id: string;
}

export type RegionKind = PaneId | 'tabs' | 'help' | 'detail' | 'picker' | 'dialog';

export interface Region {
  key: string;
  kind: RegionKind;
  x: number;
  y: number;
  w: number;
  h: number;
  /** Tabs: the pane each tab opens, with its columns. */
  tabs?: { pane: PaneId; x: number; w: number }[];
}

export type Hit =
  | { region: Region; id?: string; tab?: PaneId }
  | null;

export class HitMap {
  /** Where the board drew each region on the last frame (the board writes it as it renders). */
  regions: Region[] = [];
  /** Per region key: the issue boxes the pane drew on its last frame. */
  boxes = new Map<string, HitBox[]>();

  /** The region and issue (or tab) at screen cell (x, y), 0-based. */
  at(x: number, y: number): Hit {
    const region = this.regions.find((r) => x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h);
    if (!region) return null;
    const lx = x - region.x;
    const ly = y - region.y;
    if (region.tabs) {
      const tab = region.tabs.find((t) => lx >= t.x && lx < t.x + t.w && ly === 0);
      return { region, tab: tab?.pane };
    }
    const box = this.boxes.get(region.key)?.find((b) => lx >= b.x && lx < b.x + b.w && ly >= b.y && ly < b.y + b.h);
    return { region, id: box?.id };
  }

  /** The issues drawn in the column under screen x in this region, top to bottom. */
  column(region: Region, x: number): string[] {
    const lx = x - region.x;
    return (this.boxes.get(region.key) ?? []).filter((b) => lx >= b.x && lx < b.x + b.w).sort((a, b) => a.y - b.y).map((b) => b.id);
  }
}
