// The board under ink-testing-library, with keys that wait for their effect instead of a fixed
// sleep. A probe around the app counts the key events Ink delivered (a lone Escape arrives a turn
// after it is written) and remembers which store state the last commit drew (it re-renders on
// every store change, so this holds even when the app's own panes draw no new frame: colour off,
// a selection that does not move). `press` returns once each key has been handled and whatever it
// changed is drawn.
import { render } from 'ink-testing-library';
import { useInput } from 'ink';
import { type ReactNode, useEffect, useLayoutEffect, useSyncExternalStore } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { BoardState } from '../../src/store/types.js';
import { App, type AppProps } from '../../src/ui/App.js';
import { waitFor } from './wait-for.js';

interface Probe {
  /** Key events Ink has handed to the app so far. */
  inputs: number;
  /** The store state the last commit drew. */
  drawn: unknown;
  listening: boolean;
}

function ProbeView({ store, probe, children }: { store: StoreApi<BoardState>; probe: Probe; children: ReactNode }) {
  const state = useSyncExternalStore(store.subscribe, store.getState);
  // Registered after the app's own input handler (children's effects run first): when this one
  // has counted a key, the app has handled it.
  useInput(() => {
    probe.inputs++;
  });
  useLayoutEffect(() => {
    probe.drawn = state;
  });
  useEffect(() => {
    probe.listening = true;
  }, [probe]);
  return children;
}

/** Renders `node` over `store` and waits until it is drawn and takes keys. */
export async function renderWithStore(store: StoreApi<BoardState>, node: ReactNode) {
  const probe: Probe = { inputs: 0, drawn: undefined, listening: false };
  const ui = render(
    <ProbeView store={store} probe={probe}>
      {node}
    </ProbeView>,
  );
  const frame = () => ui.lastFrame() ?? '';
  const drawn = () => probe.drawn === store.getState();
  /** Until the store's current state is on screen (after a change made straight on the store). */
  const settled = (what = 'the board to draw the store\'s last change') => waitFor(drawn, what);
  await waitFor(() => probe.listening && ui.frames.length > 0 && drawn(), 'the first frame and the key handler');
  /** Types each key and waits until the app has handled it and drawn what it changed. */
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      const before = probe.inputs;
      ui.stdin.write(k);
      await waitFor(
        () => probe.inputs > before && drawn(),
        () => `key ${JSON.stringify(k)} to be ${probe.inputs > before ? 'drawn' : 'handled'}`,
      );
    }
  };
  /** Until the last frame matches (a string it contains, or a pattern). */
  const frameShows = (want: string | RegExp) =>
    waitFor(
      () => (typeof want === 'string' ? frame().includes(want) : want.test(frame())),
      () => `the frame to show ${String(want)}; it shows:\n${frame()}`,
    );
  return { ...ui, press, frame, settled, frameShows };
}

/** The whole board at a fixed size (96×24, no colour unless given). */
export function renderBoard(props: Partial<AppProps> & { store: AppProps['store'] }) {
  return renderWithStore(props.store, <App width={96} height={24} color={false} {...props} />);
}
