// Renders the board at a fixed size and waits for the first frame and a tick (so useInput is
// listening) before keys are written.
import { render } from 'ink-testing-library';
import { App, type AppProps } from '../../src/ui/App.js';
export * from './board-fixture.js';

export const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

/** Waits until f holds, for effects that land after a real file write; fails after `ms`. */
export const until = async (f: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!f()) {
    if (Date.now() > end) throw new Error(`until: still false after ${ms} ms: ${f.toString()}`);
    await tick(10);
  }
};

export async function renderBoard(props: Partial<AppProps> & { store: AppProps['store'] }) {
  const ui = render(<App width={96} height={24} color={false} {...props} />);
  // The first frame, then a tick so that useInput's effect is listening.
  await until(() => ui.frames.length > 0);
  await tick(20);
  /** Types keys and waits for the frame. */
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      ui.stdin.write(k);
      await tick(5);
    }
    await tick(20);
  };
  return { ...ui, press, frame: () => ui.lastFrame() ?? '' };
}

export const KEY = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  enter: '\r',
  escape: '\u001B',
  tab: '\t',
  backspace: '\u007F',
  ctrlR: '\u0012',
};
