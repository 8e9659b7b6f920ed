// Our table widget (see TableLayout.ts for why not ink-table).
import type { Cell, Column } from './TableLayout.js';
import { layoutTable } from './TableLayout.js';
import { StyledLines } from './BarLine.js';

export type { Cell, Column };

export function Table({ columns, rows, width, height }: { columns: Column[]; rows: Cell[][]; width: number; height?: number }) {
  const lines = layoutTable(columns, rows, width);
  return <StyledLines lines={lines} width={width} height={height ?? lines.length} />;
}
