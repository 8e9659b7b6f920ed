// Which issue an op edits, from core's op registry, so undo and conflict handling agree on it.
export { opTarget } from '../core/ops/index.js';
