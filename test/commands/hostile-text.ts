// A plan whose every text field is hostile: terminal escape sequences (OSC 0 window title,
// OSC 52 clipboard write, ESC[2J clear screen), C1 controls (U+009B is CSI on its own, U+0085
// NEL), bidi overrides and isolates, U+2028, and spreadsheet formulas. Shared by the tests that
// push it through every command and export.

/** What an attacker writes into each text field. */
export const EVIL =
  '\u001b]0;PWNED\u0007' + // OSC 0: set the window title
  '\u001b]52;c;ZXZpbA==\u0007' + // OSC 52: write the clipboard
  '\u001b[2J' + // clear the screen
  '\u009b31m' + // C1 CSI: an escape without ESC
  '\u0085\u0090\u009d' + // NEL, DCS, OSC as C1
  '\u202eevil\u202c\u2066iso\u2069' + // bidi override, isolate
  '\u2028end'; // line separator

/** A YAML double-quoted scalar holding `s`, with every non-ASCII or control character escaped. */
export const q = (s: string): string =>
  '"' +
  s.replace(/[^\x20-\x7e]|["\\]/g, (ch) => {
    if (ch === '"' || ch === '\\') return '\\' + ch;
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  }) +
  '"';

export const e = (s: string) => q(s + EVIL);

/** Ids and names the commands are given on the command line (copied from the plan, as a user would). */
export const ID = {
  first: '=1+1' + EVIL,
  b2: 'B-2',
  b5: '@B-5' + EVIL,
  laneA: '=ana' + EVIL,
  status: 'rev' + EVIL,
  scenario: 'sc' + EVIL,
};

/** Cells a spreadsheet would evaluate, one per issue title. */
export const FORMULA_TITLES = ["=cmd|' /C calc'!A0", '+SUM(1)', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1', '  =1+1'];

export const HOSTILE_PLAN = `# hostile: every text field carries escapes
planboard: 1
title: ${e('=HYPERLINK("http://x") Plan ')}
version: ${e('v')}
as_of: 2026-03-02
statuses: [backlog, todo, in-progress, ${q(ID.status)}, done]
priorities: [critical, ${e('hi')}, low]
calendar:
  holidays:
    - { name: ${e('hol')}, from: 2026-04-06, to: 2026-04-06, note: ${e('n')} }
  freezes:
    - { name: ${e('frz')}, from: 2026-05-04, to: 2026-05-05, note: ${e('n')} }
  sprints:
    length: 2w
    start: 2026-03-02
    list:
      - { name: ${e('S1')}, goal: ${e('g')}, gate: [${e('gate')}], parallel: [${e('par')}], note: ${e('n')} }
  parallel: [${e('par')}]
lanes:
  - id: ${q(ID.laneA)}
    name: ${e('@Ana')}
    capacity: 20h/w
    note: ${e('n')}
    time_off:
      - { name: ${e('off')}, from: 2026-03-20, to: 2026-03-20 }
  - id: bo
    name: ${e('-Bo')}
milestones:
  - id: ${e('M1')}
    title: ${e('+M')}
    deadline: 2026-06-30
    ref: ${e('ref')}
    note: ${e('n')}
groups:
  - id: ${e('G1')}
    title: ${e('=G')}
    milestone: ${e('M1')}
    note: ${e('n')}
    status: ${q(ID.status)}
issues:
  - id: ${q(ID.first)}
    title: ${e(FORMULA_TITLES[0])}
    status: in-progress
    lane: ${q(ID.laneA)}
    group: ${e('G1')}
    milestone: ${e('M1')}
    estimate: 2d
    priority: ${e('hi')}
    track: ${e('+trk')}
    labels: [${e('@lbl')}, ${e('=lbl')}]
    sprint: ${e('S1')}
    started: 2026-03-02
    notes: ${e('=notes\nsecond line ')}
    link: ${e('http://x/')}
    subtasks:
      - ${e('-sub')}
      - { title: ${e('=sub2')}, done: true }
    deliverables: [${e('+del')}]
    external:
      - { title: ${e('=ext')}, lead: 1w, since: 2026-03-02 }
    log:
      - { date: 2026-03-02, hours: 1.5, note: ${e('=note')} }
      - { date: 2026-03-03, hours: 1, note: ${e('@note')} }
  - id: B-2
    title: ${e(FORMULA_TITLES[1])}
    status: todo
    lane: bo
    estimate: 1d
    depends_on: [${q(ID.first)}]
    milestone: ${e('M1')}
  - id: B-3
    title: ${e(FORMULA_TITLES[2])}
    status: done
    done_on: 2026-03-02
    lane: bo
    estimate: 4h
    log:
      - { date: 2026-03-02, hours: 4, note: ${e('-note')} }
  - id: B-4
    title: ${e(FORMULA_TITLES[3])}
    status: todo
    lane: bo
    estimate: 1d
    depends_on: [B-2]
  - id: ${q(ID.b5)}
    title: ${e(FORMULA_TITLES[4])}
    status: ${q(ID.status)}
    lane: ${q(ID.laneA)}
    group: ${e('G1')}
    estimate: 3h
  - id: B-6
    title: ${e(FORMULA_TITLES[5])}
    status: backlog
    estimate: 2h
  - id: B-7
    title: ${e(FORMULA_TITLES[6])}
    status: todo
    lane: bo
risks:
  - { id: ${e('R1')}, title: ${e('=risk')}, impact: ${e('i')}, probability: ${e('p')}, mitigation: ${e('m')}, issues: [B-2] }
scenarios:
  - id: ${q(ID.scenario)}
    title: ${e('sc')}
    note: ${e('n')}
    assign:
      bo: [${q(ID.b5)}]
notes: ${e('plan notes\n')}
`;

/** Invalid on purpose, so that validation messages and "did you mean" hints quote hostile text. */
export const HOSTILE_BAD_PLAN = `planboard: 1
title: ${e('bad')}
lanes:
  - id: ${q(ID.laneA)}
  - id: ${q(ID.laneA)}
milestones:
  - { id: ${e('M1')}, requires: [${e('nosuch')}] }
issues:
  - id: ${q(ID.first)}
    title: ${e('t')}
    lane: ${q(ID.laneA + 'x')}
    status: ${e('todo')}
    priority: ${e('hi')}
    sprint: ${e('S9')}
    depends_on: [${q(ID.first + 'x')}, B-2]
    group: ${e('G9')}
    done_on: 2026-03-02
  - id: B-2
    title: ${e('t')}
    depends_on: [${q(ID.first)}]
    milestone: ${e('M9')}
  - id: ${q(ID.first)}
    title: ${e('dup')}
scenarios:
  - id: ${e('sc')}
    assign:
      ${q(ID.laneA + 'y')}: [B-2]
`;

/** A YAML syntax error on a line full of hostile text: the parser's own message must not carry it raw. */
export const HOSTILE_SYNTAX = `planboard: 1
title: ${e('t')}
issues:
  - id: x
    title: ${q('a' + EVIL)}: ${q(EVIL)}: [
`;

/** ESC, C1 controls, other C0 controls (bar LF, CR and TAB), bidi controls, line/paragraph separators. */
export function countUnsafe(text: string): { esc: number; c1: number; c0: number; bidi: number; sep: number } {
  let esc = 0;
  let c1 = 0;
  let c0 = 0;
  let bidi = 0;
  let sep = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === 0x1b) esc++;
    else if (c >= 0x80 && c <= 0x9f) c1++;
    else if ((c < 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) || c === 0x7f) c0++;
    else if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0x200e || c === 0x200f || c === 0x061c) bidi++;
    else if (c === 0x2028 || c === 0x2029) sep++;
  }
  return { esc, c1, c0, bidi, sep };
}
