// The board's UI tests: the fixture plan and store, and the board rendered with keys that wait
// for their effect (test/support/board.tsx).
export * from './board-fixture.js';
export { renderBoard, renderWithStore } from '../support/board.js';
import { waitFor } from '../support/wait-for.js';

/** Waits until f holds (effects that land after a real file write); fails after `ms`, naming f. */
export const until = (f: () => boolean, ms = 5000) => waitFor(f, () => f.toString(), ms);

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
