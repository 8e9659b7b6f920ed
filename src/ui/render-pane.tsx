// One pane through Ink, as plain text: the reference that static output (static-text.ts) is held to
import { renderToString } from 'ink';
import type { StoreApi } from 'zustand/vanilla';
import type { BoardState, PaneId } from '../store/types.js';
import { PANE_COMPONENTS } from './panes/registry.js';
import { StoreProvider } from './store-context.js';
import { makeTheme, ThemeProvider } from './theme.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

/** The pane's lines, ANSI-free, trailing spaces and trailing blank lines removed. */
export function renderPaneText(store: StoreApi<BoardState>, pane: PaneId, width: number, height: number): string {
  const Pane = PANE_COMPONENTS[pane];
  const out = renderToString(
    <StoreProvider store={store}>
      <ThemeProvider value={makeTheme(false)}>
        <Pane width={width} height={height} focused={false} />
      </ThemeProvider>
    </StoreProvider>,
    { columns: width },
  );
  const lines = out
    .replace(ANSI, '')
    .split('\n')
    .map((l) => l.trimEnd());
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}
