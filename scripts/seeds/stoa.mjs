// Converts the two STOA capacity-planning seeds into plans/stoa-2026-v2.yaml and -v4.yaml.
// The issue lists are read from the seed text; everything the seed says only in prose or
// tables (quarters, phase estimates, statuses, where its totals disagree with its lists) is
// written down here by hand, next to the seed line it comes from.
//
//   node scripts/seeds/stoa.mjs            # writes both plans
//   node scripts/seeds/stoa.mjs --check    # exits 1 if a plan differs from what it would write
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const seedDir = resolve(repo, '../shared/seeds/repaired');
const q = (s) => YAML.stringify(s, { lineWidth: 0 }).trimEnd(); // plain when safe, double-quoted otherwise

/** Checkbox items under `### Phase …` headings: `- [x] CAB-6: title`. */
function readLists(text) {
  const items = [];
  let section = '';
  let heading = '';
  for (const line of text.split('\n')) {
    const h2 = /^## (.*)$/.exec(line);
    if (h2) ((section = h2[1]), (heading = ''));
    const h = /^#{3,4} (.*)$/.exec(line);
    if (h) heading = h[1];
    const m = /^- \[( |x)\] (CAB-\d+): (.*)$/.exec(line);
    if (m) items.push({ section, heading, done: m[1] === 'x', id: m[2], raw: m[3] });
  }
  return items;
}

/** `1. CAB-196: [Infra] Rebranding APIM → STOA ✅` in a numbered list. */
function numbered(text, ids) {
  const out = new Map();
  for (const m of text.matchAll(/^\d+\. (CAB-\d+): (.*?)(?: ✅)?$/gm)) if (ids.includes(m[1])) out.set(m[1], m[2]);
  return out;
}

function cleanTitle(raw) {
  let title = raw.trim();
  const epic = / \(Epic\)$/.test(title);
  title = title.replace(/ \(Epic\)$/, '');
  const todo = / \(Todo\)$/.test(title);
  title = title.replace(/ \(Todo\)$/, '').replace(/ ✅$/, '');
  return { title, epic, todo };
}

function groupYaml(g) {
  const lines = [];
  for (const c of g.comment ?? []) lines.push(`  # ${c}`);
  lines.push(`  - id: ${q(g.id)}`);
  lines.push(`    title: ${q(g.title)}`);
  lines.push(`    kind: ${g.kind ?? 'phase'}`);
  if (g.parent) lines.push(`    parent: ${q(g.parent)}`);
  if (g.epic) lines.push(`    epic: ${g.epic}`);
  if (g.estimate) lines.push(`    estimate: ${g.estimate}`);
  if (g.milestone) lines.push(`    milestone: ${g.milestone}`);
  if (g.status) lines.push(`    status: ${g.status}`);
  if (g.note) lines.push(`    note: ${q(g.note)}`);
  return lines.join('\n');
}

function issueYaml(i) {
  const lines = [`  - id: ${i.id}`, `    title: ${q(i.title)}`];
  if (i.status) lines.push(`    status: ${i.status}`);
  if (i.group) lines.push(`    group: ${q(i.group)}`);
  lines.push('    lane: solo');
  if (i.labels?.length) lines.push('    labels:', ...i.labels.map((l) => `      - ${q(l)}`));
  if (i.sprint) lines.push(`    sprint: ${q(i.sprint)}`);
  if (i.notes) lines.push(`    notes: ${q(i.notes)}`);
  return lines.join('\n');
}

/**
 * cfg.groupOf(item) → group id; cfg.groups: ordered group specs, each optionally with
 * `issueComment` (lines printed above its first issue); cfg.extra: issues outside the lists.
 */
function render(cfg) {
  const text = readFileSync(resolve(seedDir, cfg.seed), 'utf8');
  const items = readLists(text);
  const issues = items.map((it) => {
    const { title, epic, todo } = cleanTitle(it.raw);
    const status = it.done ? 'done' : todo ? 'todo' : (cfg.statusOf?.(it.id) ?? undefined);
    return { id: it.id, title, status, group: cfg.groupOf(it), labels: epic ? ['epic'] : [], heading: it.heading };
  });
  const seen = new Set();
  for (const i of issues) {
    if (seen.has(i.id)) throw new Error(`${cfg.seed}: ${i.id} listed twice`);
    seen.add(i.id);
    if (!cfg.groups.some((g) => g.id === i.group)) throw new Error(`${cfg.seed}: no group for "${i.heading}"`);
  }

  const out = [];
  out.push(...cfg.header, '');
  out.push('lanes:', ...cfg.lanes, '');
  if (cfg.calendar) out.push(...cfg.calendar, '');
  out.push('milestones:', ...cfg.milestones, '');
  out.push('groups:');
  for (const [n, g] of cfg.groups.entries()) {
    if (g.section) out.push(...(n ? [''] : []), `  # ${g.section}`);
    out.push(groupYaml(g));
  }
  out.push('', 'issues:');
  for (const g of cfg.groups) {
    const mine = issues.filter((i) => i.group === g.id);
    if (!mine.length) continue;
    out.push('', `  # ── ${mine[0].heading} (${mine.length}) ──`);
    for (const c of g.issueComment ?? []) out.push(`  # ${c}`);
    out.push(...mine.map(issueYaml));
  }
  for (const block of cfg.extra(text)) {
    out.push('', ...block.comment.map((c) => `  # ${c}`), ...block.issues.map(issueYaml));
  }
  if (cfg.footer) out.push('', ...cfg.footer);
  return out.join('\n') + '\n';
}

// ─── shared by both versions ────────────────────────────────────────────────────────────
const lanes = (note) => [
  `  # "${note}"`,
  '  - id: solo',
  '    name: Solo maintainer',
  '    kind: person',
  '    capacity: 8h/w',
  `    note: ${q(note)}`,
];

const milestones = (t) => [
  '  - id: Q1',
  `    title: ${q(t.q1)}`,
  '    kind: quarter',
  '    deadline: 2026-03-31',
  '    ref: "Linear: CAB-171"',
  '  - id: Q2',
  `    title: ${q(t.q2)}`,
  '    kind: quarter',
  '    deadline: 2026-06-30',
  '    ref: "Linear: CAB-172"',
  '  - id: Q3',
  `    title: ${q(t.q3)}`,
  '    kind: quarter',
  '    deadline: 2026-07-31',
  '    ref: "Linear: CAB-173"',
];

/** Phase headings read `Phase 12 - …`; phase 14 (GTM) is split by quarter. */
const groupOf = (quarterOf) => (it) => {
  if (/^Infrastructure/.test(it.heading)) return 'infra';
  const m = /^Phase ([\d.]+)/.exec(it.heading);
  if (!m) return undefined;
  return m[1] === '14' ? `phase-14-${quarterOf(it.section)}` : `phase-${m[1]}`;
};
const quarterOf = (section) => (/Q1 2026/.test(section) ? 'q1' : /Q2 2026/.test(section) ? 'q2' : /Q3 2026/.test(section) ? 'q3' : '?');

const gtmParent = {
  id: 'phase-14',
  title: 'GTM',
  kind: 'phase',
  note: 'Phase 14 runs across the three quarters; each quarter has its own slice and estimate below.',
};

// ─── v2 (French, 03/01/2026) ─────────────────────────────────────────────────────────────
const v2 = {
  seed: '000_7d26e5206292bb95.txt',
  out: 'plans/stoa-2026-v2.yaml',
  header: [
    '# yaml-language-server: $schema=../schema/plan.schema.json',
    '# STOA Platform — capacity planning Q1–Q3 2026, version 2.0 of 03/01/2026 (post Phase 3).',
    '# From seed 000_7d26e5206292bb95.txt (French). Generated by scripts/seeds/stoa.mjs.',
    '#',
    '# Issues without a status are backlog (the default), the seed\'s "⬜ Backlog".',
    '# Estimates live on the phases, as in the seed: Q1 8j, Q2 10j, Q3 9j, total 27j.',
    '# The seed gives no completion dates, so done issues carry no done_on.',
    '#',
    '# Where the seed\'s own totals disagree with its lists (this plan follows the lists):',
    '#   Q1 "Total issues: 31": the lists hold 32 (phase 12 lists 7 issues, its table row says',
    '#      "CAB-119 (epic) + 5 sub"; CAB-199 is the extra one). Done 7 and remaining 25 (seed: 24).',
    '#   Q2 "Total issues: 40": the lists hold 41 (phase 9.5 lists 9, its table row says',
    '#      "CAB-103 (epic) + 7 sub" and "1/8"; CAB-187 is the extra one). Remaining 40 (seed: 39).',
    '#   Q3 "Total issues: 33": the lists hold 34 (phase 11 lists CAB-82 + 9 sub, its table row',
    '#      says "+ 8 sub"). Remaining 34 (seed: 33).',
    '#   Overview "TOTAL 93" (11 done, 1 todo, 81 backlog): the lists hold 107 issues, plus',
    '#      CAB-196/197/198, which appear only under "Issues Done": 110 issues in all,',
    '#      11 done, 1 todo (CAB-199), 98 backlog. The footer\'s "Basé sur 93 issues Linear" is the same 93.',
    'planboard: 1',
    'title: STOA Platform - Capacity Planning Q1-Q3 2026',
    'version: "2.0"',
    'as_of: 2026-01-03',
    'target: 2026-07-31 # Release v1.0',
  ],
  lanes: lanes('~8h/semaine disponibles pour STOA (hors BDF)'),
  milestones: milestones({
    q1: 'Fondations (Logos)',
    q2: 'Stabilité (Apatheia)',
    q3: 'Release v1.0 (Oikeiosis + Ataraxia)',
  }),
  groupOf: groupOf(quarterOf),
  groups: [
    { section: 'Q1 — 8j estimated, 6.5j remaining per the seed (1.5 + 2 + 1.25 + 1 + 1.25 + 1)', id: 'phase-3', title: 'Vault + Secrets', epic: 'CAB-6', estimate: '1.5d', milestone: 'Q1', status: 'done' },
    {
      id: 'phase-12', title: 'MCP Gateway', epic: 'CAB-119', estimate: '2d', milestone: 'Q1', status: 'in-progress',
      comment: ['Table: "CAB-119 (epic) + 5 sub", "🟡 1/6"; the list has 7 issues (CAB-199 is the seventh).'],
    },
    { id: 'phase-2.6', title: 'Cilium Foundation', epic: 'CAB-126', estimate: '1.25d', milestone: 'Q1', status: 'backlog' },
    gtmParent,
    { id: 'phase-14-q1', title: 'GTM Strategy (01-03)', parent: 'phase-14', estimate: '1d', milestone: 'Q1', status: 'backlog' },
    { id: 'phase-4', title: 'OpenSearch + Monitoring', epic: 'CAB-2', estimate: '1.25d', milestone: 'Q1', status: 'backlog' },
    { id: 'phase-5', title: 'Multi-env STAGING', epic: 'CAB-3', estimate: '1d', milestone: 'Q1', status: 'backlog' },
    { section: 'Q2 — 10j estimated, 10j remaining per the seed (2 + 2 + 1.25 + 2.5 + 0.75 + 1.5)', id: 'phase-8', title: 'Portal Self-Service', epic: 'CAB-5', estimate: '2d', milestone: 'Q2', status: 'backlog' },
    { id: 'phase-9', title: 'Ticketing ITSM', epic: 'CAB-4', estimate: '2d', milestone: 'Q2', status: 'backlog' },
    { id: 'phase-7', title: 'Security Jobs', epic: 'CAB-8', estimate: '1.25d', milestone: 'Q2', status: 'backlog' },
    {
      id: 'phase-9.5', title: 'Production Readiness', epic: 'CAB-103', estimate: '2.5d', milestone: 'Q2', status: 'in-progress',
      comment: ['Table: "CAB-103 (epic) + 7 sub", "🟡 1/8"; the list has 9 issues (CAB-187 is the ninth).'],
    },
    { id: 'phase-6', title: 'Demo Tenant', epic: 'CAB-7', estimate: '0.75d', milestone: 'Q2', status: 'backlog' },
    {
      id: 'phase-14-q2', title: 'GTM Docs + Site (04-07)', parent: 'phase-14', estimate: '1.5d', milestone: 'Q2', status: 'backlog',
      comment: ['The seed titles this slice "(04-07)" but lists GTM-04 to GTM-08 (CAB-204…208).'],
    },
    { section: 'Q3 — 9j estimated per the seed (3 + 3 + 1 + 2)', id: 'phase-10', title: 'Resource Lifecycle', epic: 'CAB-27', estimate: '3d', milestone: 'Q3', status: 'backlog' },
    { id: 'phase-4.5', title: 'Jenkins Orchestration', epic: 'CAB-92', estimate: '3d', milestone: 'Q3', status: 'backlog' },
    {
      id: 'phase-14-q3', title: 'GTM Launch (08-10)', parent: 'phase-14', estimate: '1d', milestone: 'Q3', status: 'backlog',
      comment: ['The seed titles this slice "(08-10)" but lists only GTM-09 and GTM-10; GTM-08 is in Q2.'],
    },
    {
      id: 'phase-11', title: 'Resource Advanced (bonus)', epic: 'CAB-82', estimate: '2d', milestone: 'Q3', status: 'backlog',
      comment: ['Table: "CAB-82 (epic) + 8 sub"; the list has 9 sub-issues (CAB-83…91).'],
    },
  ],
  extra: (text) => {
    const titles = numbered(text, ['CAB-196', 'CAB-197', 'CAB-198']);
    return [
      {
        comment: [
          '── Done, outside any phase (3) ──',
          'Listed only under "Issues Done"; the seed names no phase or quarter for them.',
        ],
        issues: [...titles].map(([id, title]) => ({ id, title, status: 'done' })),
      },
    ];
  },
};

// ─── v4 (English, 05/01/2026) ────────────────────────────────────────────────────────────
const v4 = {
  seed: '001_1d84466389b68786.txt',
  out: 'plans/stoa-2026-v4.yaml',
  header: [
    '# yaml-language-server: $schema=../schema/plan.schema.json',
    '# STOA Platform — capacity planning Q1–Q3 2026, version 4.0 of 05/01/2026 (post Phase 9.5).',
    '# From seed 001_1d84466389b68786.txt (English). Generated by scripts/seeds/stoa.mjs.',
    '#',
    '# Issues without a status are backlog (the default). Estimates live on the phases, as in',
    '# the seed: Q1 8d, Q2 10d, Q3 9d, total 27d. The seed gives no completion dates, so done',
    '# issues carry no done_on.',
    '#',
    '# Where the seed\'s own totals disagree with its lists (this plan follows the lists):',
    '#   Q1 "Total issues: 31, Done: 13, Remaining: 18": the lists hold 32 — phases 3 (6) and',
    '#      12 (7) done, plus 19 open (2.6: 7, 14-Q1: 3, 4: 5, 5: 4). Its table adds up to 32 too.',
    '#   Q2 "Total issues: 41, Done: 10, Remaining: 31": the lists hold 42 — phase 9.5 (10) done,',
    '#      plus 32 open (8: 7, 9: 9, 7: 6, 6: 5, 14-Q2: 5).',
    '#   Q3 "Total issues: 33": the lists hold 34 (phase 11 lists CAB-82 + 9 sub; its table row',
    '#      says "+ 8 sub").',
    '#   Overview "TOTAL 105" (42 done, 63 backlog): the lists hold 42 done (phases 1, 2, 2.5,',
    '#      3, 12, 9.5 and the 3 infrastructure issues — that count is right) and 85 open (127);',
    '#      plus CAB-238/246/247 from "Priority Next Actions": 130 issues in all.',
    '#   Estimates: the Q2 line says 5d remaining and 50% done, but its own phase table gives',
    '#      10d − 2.5d (phase 9.5 done) = 7.5d remaining, 25%. So the TOTAL line\'s 18.5d',
    '#      remaining should be 4.5 + 7.5 + 9 = 21d (22% done, not 31%).',
    'planboard: 1',
    'title: STOA Platform - Capacity Planning Q1-Q3 2026',
    'version: "4.0"',
    'as_of: 2026-01-05',
    'target: 2026-07-31 # Release v1.0',
  ],
  lanes: lanes('~8h/week available for STOA (excluding BDF)'),
  calendar: [
    'calendar:',
    '  # "Immediate (Cycle 2: Jan 5-11)": the only Linear cycle the seed names.',
    '  sprints:',
    '    length: 1w',
    '    start: 2026-01-05',
    '    list:',
    '      - name: Cycle 2',
    '        start: 2026-01-05',
    '        end: 2026-01-11',
    '        goal: Priority next actions (CAB-238, CAB-246, CAB-247)',
  ],
  milestones: milestones({
    q1: 'Foundations (Logos)',
    q2: 'Stability (Apatheia)',
    q3: 'Release v1.0 (Oikeiosis + Ataraxia)',
  }),
  groupOf: groupOf(quarterOf),
  groups: [
    {
      section: 'Completed before Q1; the seed gives these three phases no quarter and no estimate.',
      id: 'phase-1', title: 'Event-Driven Architecture', epic: 'CAB-211', status: 'done',
    },
    { id: 'phase-2', title: 'GitOps + ArgoCD', epic: 'CAB-216', status: 'done' },
    { id: 'phase-2.5', title: 'Validation E2E', epic: 'CAB-222', status: 'done' },
    { id: 'infra', title: 'Infrastructure - Rebranding', kind: 'section', status: 'done', note: 'No phase number, quarter or estimate in the seed.' },
    { section: 'Q1 — 8d estimated, 4.5d remaining per the seed (1.5 + 2 done; 1.25 + 1 + 1.25 + 1 open)', id: 'phase-3', title: 'Vault + Secrets', epic: 'CAB-6', estimate: '1.5d', milestone: 'Q1', status: 'done' },
    { id: 'phase-12', title: 'MCP Gateway', epic: 'CAB-119', estimate: '2d', milestone: 'Q1', status: 'done' },
    { id: 'phase-2.6', title: 'Cilium Foundation', epic: 'CAB-126', estimate: '1.25d', milestone: 'Q1', status: 'backlog' },
    gtmParent,
    { id: 'phase-14-q1', title: 'GTM Strategy (01-03)', parent: 'phase-14', estimate: '1d', milestone: 'Q1', status: 'backlog' },
    { id: 'phase-4', title: 'OpenSearch + Monitoring', epic: 'CAB-2', estimate: '1.25d', milestone: 'Q1', status: 'backlog' },
    { id: 'phase-5', title: 'Multi-env STAGING', epic: 'CAB-3', estimate: '1d', milestone: 'Q1', status: 'backlog' },
    {
      section: 'Q2 — 10d estimated (2 + 2 + 1.25 + 2.5 done + 0.75 + 1.5); 7.5d remain, not the seed\'s 5d',
      id: 'phase-8', title: 'Portal Self-Service', epic: 'CAB-5', estimate: '2d', milestone: 'Q2', status: 'backlog',
    },
    { id: 'phase-9', title: 'Ticketing ITSM', epic: 'CAB-4', estimate: '2d', milestone: 'Q2', status: 'backlog' },
    { id: 'phase-7', title: 'Security Jobs', epic: 'CAB-8', estimate: '1.25d', milestone: 'Q2', status: 'backlog' },
    { id: 'phase-9.5', title: 'Production Readiness', epic: 'CAB-103', estimate: '2.5d', milestone: 'Q2', status: 'done' },
    { id: 'phase-6', title: 'Demo Tenant', epic: 'CAB-7', estimate: '0.75d', milestone: 'Q2', status: 'backlog' },
    {
      id: 'phase-14-q2', title: 'GTM Docs + Site (04-07)', parent: 'phase-14', estimate: '1.5d', milestone: 'Q2', status: 'backlog',
      comment: ['The seed titles this slice "(04-07)" but lists CAB-204→208, i.e. GTM-04 to GTM-08.'],
    },
    { section: 'Q3 — 9d estimated per the seed (3 + 3 + 1 + 2)', id: 'phase-10', title: 'Resource Lifecycle', epic: 'CAB-27', estimate: '3d', milestone: 'Q3', status: 'backlog' },
    { id: 'phase-4.5', title: 'Jenkins Orchestration', epic: 'CAB-92', estimate: '3d', milestone: 'Q3', status: 'backlog' },
    {
      id: 'phase-14-q3', title: 'GTM Launch (08-10)', parent: 'phase-14', estimate: '1d', milestone: 'Q3', status: 'backlog',
      comment: ['The seed titles this slice "(08-10)" but lists only GTM-09 and GTM-10; GTM-08 is in Q2.'],
    },
    {
      id: 'phase-11', title: 'Resource Advanced (bonus)', epic: 'CAB-82', estimate: '2d', milestone: 'Q3', status: 'backlog',
      comment: ['Table: "CAB-82 (epic) + 8 sub"; the list has 9 sub-issues (CAB-83…91).'],
    },
  ],
  extra: (text) => {
    const next = [...text.matchAll(/^\d+\. \*\*(CAB-\d+)\*\* - (.*?)(?: \((In Progress)\))?$/gm)];
    return [
      {
        comment: [
          '── Priority next actions, Cycle 2 (3) ──',
          'Named only under "Immediate (Cycle 2: Jan 5-11)", with no phase, quarter or estimate.',
          'Only CAB-238 has a status in the seed ("In Progress"); the other two stay backlog.',
        ],
        issues: next.map((m) => ({ id: m[1], title: m[2], status: m[3] ? 'in-progress' : undefined, sprint: 'Cycle 2' })),
      },
    ];
  },
};

const check = process.argv.includes('--check');
let stale = 0;
for (const cfg of [v2, v4]) {
  const text = render(cfg);
  const path = resolve(repo, cfg.out);
  if (check) {
    let old = '';
    try {
      old = readFileSync(path, 'utf8');
    } catch {}
    if (old !== text) (stale++, console.error(`${cfg.out} differs from what scripts/seeds/stoa.mjs writes`));
  } else {
    writeFileSync(path, text);
    console.log(`wrote ${cfg.out}`);
  }
}
process.exit(stale ? 1 : 0);
