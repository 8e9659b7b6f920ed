// The board: header and tabs, the pane (or an overlay in its place), footer hints and the message
// line. Exactly `height` lines, never taller than the terminal.
import { Box, Text, useApp, type Key } from 'ink';
import { type ReactNode, useCallback, useEffect, useMemo, useRef } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import { activeScopes, bindingsInForce, footerHints, type Command } from '../keymap/bindings.js';
import { useKeymap } from '../keymap/use-keymap.js';
import { selectScheduleError } from '../store/selectors.js';
import type { BoardState } from '../store/types.js';
import { Detail } from './panes/Detail.js';
import { PANE_COMPONENTS, PANE_TITLES } from './panes/registry.js';
import { StoreProvider, useBoard } from './store-context.js';
import { fit, sanitize } from './text.js';
import { colorFromEnv, makeTheme, ThemeProvider, useTheme } from './theme.js';
import { useCommands, type AppEffects } from './use-commands.js';
import { useTerminalSize } from './use-terminal-size.js';
import { HelpOverlay } from './widgets/HelpOverlay.js';
import { Picker } from './widgets/Picker.js';
import { Prompt } from './widgets/Prompt.js';
import { ConflictPrompt, DeleteConfirm, QuitPrompt } from './widgets/Confirm.js';
import { StatusBar, tabCells } from './widgets/StatusBar.js';
import { HitContext } from './mouse/hit-context.js';
import { HitMap, type Region } from './mouse/hit-map.js';
import { usePointer, type PointerSource } from './mouse/use-pointer.js';

export const MIN_WIDTH = 80;
export const MIN_HEIGHT = 24;
/** From this width the kanban and the timeline sit side by side (the current one has the keys). */
export const SPLIT_WIDTH = 180;
const CHROME = 4; // header, tabs, footer hints, message line

export interface AppProps extends AppEffects {
  store: StoreApi<BoardState>;
  /** Fixed size (tests, render); default: the terminal's, following resizes. */
  width?: number;
  height?: number;
  color?: boolean;
  /** Mouse events (the filtered stdin of ui/mouse/mouse-stdin.ts); absent: no pointer. */
  pointer?: PointerSource;
}

export function App({ store, width, height, color, pointer, ...effects }: AppProps) {
  const theme = useMemo(() => makeTheme(color ?? colorFromEnv()), [color]);
  return (
    <StoreProvider store={store}>
      <ThemeProvider value={theme}>
        <Board store={store} fixed={{ width, height }} effects={effects} pointer={pointer} />
      </ThemeProvider>
    </StoreProvider>
  );
}

function Board({ store, fixed, effects, pointer }: { store: StoreApi<BoardState>; fixed: { width?: number; height?: number }; effects: AppEffects; pointer?: PointerSource }) {
  const { width, height } = useTerminalSize(fixed);
  const { exit } = useApp();
  const pane = useBoard((s) => s.pane);
  // A prompt's text changes with every key: only the prompt line follows it (PromptLine), so
  // typing a search does not render the whole board again for the overlay's sake.
  const overlay = useBoard((s) => (s.overlay?.kind === 'prompt' ? OPEN_PROMPT : s.overlay));
  const quit = useBoard((s) => s.quit);
  const command = useCommands(store, effects);
  // Behind the "too small" screen nothing is visible, so no key may act on it: only quitting
  // (q when no prompt is open, Ctrl-c) and resizing.
  const tooSmall = useRef(false);
  tooSmall.current = width < MIN_WIDTH || height < MIN_HEIGHT;
  const onCommand = useCallback(
    (c: Command) => {
      if (!tooSmall.current || c === 'app.interrupt' || (c === 'app.quit' && !store.getState().overlay)) command(c);
    },
    [command, store],
  );
  // Read per key, not per render: one input can hold several keys that change the scopes.
  const scopes = useCallback(() => {
    const s = store.getState();
    return activeScopes(s.pane, s.overlay?.kind ?? null);
  }, [store]);

  const onText = useCallback(
    (input: string, key: Key) => {
      if (!tooSmall.current) store.getState().typeInPrompt(input, key);
    },
    [store],
  );
  useKeymap({ scopes, onCommand, onText });
  const hits = useRef(new HitMap()).current;
  // One sink per region key, kept across frames so that the context value never changes.
  const sinks = useMemo(() => new Map(['kanban', 'timeline', 'capacity', 'standup'].map((key) => [key, { map: hits, key }])), [hits]);
  usePointer(pointer, store, hits, tooSmall);

  useEffect(() => {
    if (quit) exit();
  }, [quit, exit]);

  if (tooSmall.current) {
    hits.regions = [];
    return <TooSmall width={width} height={height} asking={overlay?.kind === 'quit'} />;
  }

  const body = height - CHROME;
  const Pane = PANE_COMPONENTS[pane];
  // Where this frame puts things, for the pointer: the tabs, then the body (one pane, two side by
  // side, or an overlay in its place). Panes add their issues' boxes as they draw.
  const regions: Region[] = [{ key: 'tabs', kind: 'tabs', x: 0, y: 1, w: width, h: 1, tabs: tabCells(pane, PANE_TITLES) }];
  const inBody = (key: string, kind: Region['kind'], x = 0, w = width): Region => ({ key, kind, x, y: 2, w, h: body });
  let main: ReactNode;
  if (overlay?.kind === 'help') main = <HelpOverlay pane={pane} scroll={overlay.scroll} width={width} height={body} />;
  else if (overlay?.kind === 'detail') main = <Detail width={width} height={body} cursor={overlay.cursor} />;
  else if (overlay?.kind === 'picker') main = <Picker title={overlay.title} items={overlay.items} cursor={overlay.cursor} width={width} height={body} />;
  else if (overlay?.kind === 'quit') main = <QuitPrompt width={width} height={body} />;
  else if (overlay?.kind === 'conflict') main = <ConflictPrompt width={width} height={body} />;
  else if (overlay?.kind === 'confirm') main = <DeleteConfirm id={overlay.id} width={width} height={body} />;
  else if (width >= SPLIT_WIDTH && (pane === 'kanban' || pane === 'timeline')) main = <SideBySide width={width} height={body} pane={pane} sinks={sinks} />;
  else
    main = (
      <HitContext.Provider value={sinks.get(pane)!}>
        <Pane width={width} height={body} focused />
      </HitContext.Provider>
    );
  if (!overlay || overlay.kind === 'prompt') {
    if (width >= SPLIT_WIDTH && (pane === 'kanban' || pane === 'timeline')) {
      const leftW = Math.floor((width - 1) / 2);
      regions.push(inBody('kanban', 'kanban', 0, leftW), inBody('timeline', 'timeline', leftW + 1, width - 1 - leftW));
    } else regions.push(inBody(pane, pane));
  } else regions.push(inBody(overlay.kind, overlay.kind === 'help' || overlay.kind === 'detail' || overlay.kind === 'picker' ? overlay.kind : 'dialog'));
  hits.regions = regions;

  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <StatusBar width={width} titles={PANE_TITLES} />
      <Box width={width} height={body} overflow="hidden" flexDirection="column">
        {main}
      </Box>
      <Footer width={width} pane={pane} overlay={overlay?.kind ?? null} />
      {overlay?.kind === 'prompt' ? <PromptLine width={width} /> : <MessageLine width={width} />}
    </Box>
  );
}

/** What the board knows of an open prompt: that it is open (its text is PromptLine's). */
const OPEN_PROMPT = { kind: 'prompt' } as const;

function PromptLine({ width }: { width: number }) {
  const prompt = useBoard((s) => (s.overlay?.kind === 'prompt' ? s.overlay : null));
  return prompt ? <Prompt label={prompt.label} value={prompt.value} error={prompt.error} width={width} /> : null;
}

function SideBySide({ width, height, pane, sinks }: { width: number; height: number; pane: 'kanban' | 'timeline'; sinks: Map<string, { map: HitMap; key: string }> }) {
  const theme = useTheme();
  const Left = PANE_COMPONENTS.kanban;
  const Right = PANE_COMPONENTS.timeline;
  const leftW = Math.floor((width - 1) / 2);
  const rightW = width - 1 - leftW;
  return (
    <Box flexDirection="row" width={width} height={height}>
      <HitContext.Provider value={sinks.get('kanban')!}>
        <Left width={leftW} height={height} focused={pane === 'kanban'} />
      </HitContext.Provider>
      <Box width={1} height={height} flexDirection="column">
        <Text color={theme.c('muted')}>{Array.from({ length: height }, () => '┃').join('\n')}</Text>
      </Box>
      <HitContext.Provider value={sinks.get('timeline')!}>
        <Right width={rightW} height={height} focused={pane === 'timeline'} />
      </HitContext.Provider>
    </Box>
  );
}

function Footer({ width, pane, overlay }: { width: number; pane: string; overlay: string | null }) {
  const theme = useTheme();
  // Save-as leads the hints while the plan cannot be written: it is then the way to keep the edits.
  const blocked = useBoard((s) => s.writeBlocked !== null);
  const hints = footerHints(bindingsInForce(activeScopes(pane, overlay)), width, blocked);
  return (
    <Text color={theme.c('muted')} wrap="truncate">
      {fit(hints, width)}
    </Text>
  );
}

function MessageLine({ width }: { width: number }) {
  const theme = useTheme();
  const message = useBoard((s) => s.message);
  // The kanban needs no schedule: asking for its error there would run the scheduler per edit.
  const scheduleError = useBoard((s) => (s.pane === 'kanban' ? null : selectScheduleError(s)));
  const text = message ?? (scheduleError ? `schedule: ${scheduleError}` : '');
  const bad = /^(cannot|not saved|schedule:|conflict)/.test(text);
  return (
    <Text color={bad ? theme.c('danger') : undefined} wrap="truncate">
      {fit(sanitize(text), width)}
    </Text>
  );
}

function TooSmall({ width, height, asking }: { width: number; height: number; asking: boolean }) {
  const lines = [
    `Terminal too small: ${width}×${height}.`,
    `planboard needs at least ${MIN_WIDTH}×${MIN_HEIGHT}.`,
    asking ? 'Unsaved changes: enlarge the window to save or discard them, or press Ctrl-c to quit now.' : 'Enlarge the window, or press q to quit.',
  ];
  return (
    <Box flexDirection="column" width={width} height={Math.max(1, height)} overflow="hidden">
      {lines.slice(0, Math.max(1, height)).map((l, n) => (
        <Text key={n} wrap="truncate">
          {l.slice(0, Math.max(1, width))}
        </Text>
      ))}
    </Box>
  );
}
