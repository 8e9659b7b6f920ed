// Colours are a courtesy, never the message: every coloured state also carries a mark, and with
// NO_COLOR set (https://no-color.org) no colour is emitted at all. 16-colour names only: no
// true-colour assumptions, so it reads the same over SSH, in screen and in tmux.
// (Pure: no React, so static output can use it; theme.tsx adds the React context.)

export const MARKS = {
  selected: '▶',
  blocked: '⊘',
  critical: '◆',
  over: '▲',
  done: '✓',
  open: '·',
  unestimated: '?',
} as const;

/** Every mark the panes draw and what it means: the `?` help lists these under "Marks". */
export const MARK_LEGEND: ReadonlyArray<readonly [mark: string, meaning: string]> = [
  [MARKS.selected, 'the selected issue'],
  [MARKS.done, 'done'],
  [MARKS.blocked, 'blocked: a dependency is not done, or an outside wait is not over'],
  [MARKS.critical, 'critical: on the chain that drives the finish, with no float (slack counts days to spare before the deadline); without estimates, on the path the plan declares'],
  [MARKS.unestimated, 'no estimate: planned with the assumption the header states'],
  ['‼', 'priority: the plan\'s highest (e.g. critical)'],
  ['!', 'priority: the plan\'s second (e.g. high)'],
  [MARKS.over, 'over capacity, or a milestone late'],
];

export type Tone = 'accent' | 'muted' | 'danger' | 'warn' | 'ok' | 'info' | 'critical';

const PALETTE: Record<Tone, string> = {
  accent: 'cyan',
  muted: 'gray',
  danger: 'red',
  warn: 'yellow',
  ok: 'green',
  info: 'blue',
  critical: 'magenta',
};

export interface Theme {
  color: boolean;
  /** Colour name for a tone, or undefined when colour is off. */
  c(tone: Tone): string | undefined;
  /** Colour for a priority by its rank in the plan's list (0 = most urgent). */
  priority(rank: number): string | undefined;
}

export function makeTheme(color: boolean): Theme {
  return {
    color,
    c: (tone) => (color ? PALETTE[tone] : undefined),
    priority: (rank) => (!color || rank < 0 ? undefined : (['red', 'yellow', 'blue', 'gray'][Math.min(rank, 3)] as string)),
  };
}

/** NO_COLOR set to anything non-empty turns colour off. */
export const colorFromEnv = (env: NodeJS.ProcessEnv = process.env) => !env.NO_COLOR;
