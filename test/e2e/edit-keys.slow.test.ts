
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, boardTerminal, ensureBuilt, sleep } from '../support/tmux.js';

const bin = BIN;
const t = boardTerminal('editkeys', 'edit');
const { session, tmux, screen, waitFor, keys } = t;
const type = async (text: string) => {
  tmux('send-keys', '-t', session, '-l', text);
  await sleep(150);
};

const PLAN = `# Edit plan: comments stay where they are
planboard: 1
title: Edit plan
statuses: [todo, in-progress, review, done]
priorities: [critical, high, medium, low]
lanes:
  - id: ann
    name: Ann
  - id: bob
    name: Bob
groups:
  - id: G1
    title: Phase one
  - id: G2
    title: Phase two
milestones:
  - id: M1
    title: First release
    deadline: 2026-04-30
issues:
  # phase one
  - id: CAB-236
    title: Set up the repository
    status: in-progress
    estimate: 1d
    lane: ann
    group: G1
  - id: CAB-237
    title: Write the parser
    status: todo
    estimate: 3d
    lane: ann
    group: G1 # the core of it
    link: https://example.com/issues/237?a=1;touch\${IFS}pwned;&b=$(touch\${IFS}pwned)\`touch\${IFS}pwned\`
  # phase two
  - id: CAB-238
    title: Render the board
    status: todo
    estimate: 2d
    lane: bob
    group: G2
`;

/** Lines removed from `a` and added in `b` (LCS on lines), with where the additions start in b. */
function lineDiff(a: string, b: string) {
  const x = a.split('\n');
  const y = b.split('\n');
  const L = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--) for (let j = y.length - 1; j >= 0; j--) L[i][j] = x[i] === y[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
  const removed: string[] = [];
  const added: string[] = [];
  const addedAt: number[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      i++;
      j++;
    } else if (j < y.length && (i === x.length || L[i][j + 1] >= L[i + 1][j])) {
      added.push(y[j]);
      addedAt.push(j++);
    } else removed.push(x[i++]);
  }
  return { removed, added, addedAt };
}

describe('every edit key in a real terminal, saved and read back from disk', () => {
  let dir = '';
  let plan = '';
  let last = PLAN;
  /** Saves, waits for it, and returns the line diff since the last save. */
  const save = async () => {
    await keys('s');
    await waitFor('saved', (s) => s.includes('✓ saved'));
    const now = readFileSync(plan, 'utf8');
    const d = lineDiff(last, now);
    last = now;
    return { ...d, text: now };
  };
  /** Moves the picker's cursor (▶) to the line holding `text`, then chooses it. */
  const pick = async (text: string) => {
    for (let n = 0; n < 12; n++) {
      if (screen().split('\n').some((l) => l.includes('▶') && l.includes(text))) return keys('Enter');
      await keys('j');
    }
    throw new Error(`"${text}" is not in the picker:\n${screen()}`);
  };
  const selected = (id: string) => waitFor(`${id} selected`, (s) => s.includes(`▶${id}`));
  /** Selects `id` the way a user finds it: search for it, accept, clear the search. */
  const goTo = async (id: string) => {
    await type(`/${id}`);
    await keys('Enter');
    await selected(id);
    await keys('Escape');
    await waitFor('the search cleared', (s) => s.includes('search and filters cleared'));
    await selected(id);
  };

  beforeAll(async () => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'planboard-edit-'));
    plan = join(dir, 'plan.yaml');
    writeFileSync(plan, PLAN);
    // $BROWSER writes each argument it gets on a line of its own.
    writeFileSync(join(dir, 'browser'), `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done > ${JSON.stringify(join(dir, 'opened'))}\n`);
    chmodSync(join(dir, 'browser'), 0o755);
    tmux('-f', '/dev/null', 'new-session', '-d', '-s', session, '-x', '120', '-y', '40', '-c', dir, `env -i PATH=${process.env.PATH} HOME=${dir} XDG_STATE_HOME=${join(dir, 'state')} BROWSER=${join(dir, 'browser')} TERM=xterm-256color PS1='$ ' bash --norc --noprofile -i`);
    await waitFor('the shell', (s) => s.includes('$'));
    tmux('send-keys', '-t', session, '-l', `node ${JSON.stringify(bin)} ${JSON.stringify(plan)} --today 2026-03-04`);
    await keys('Enter');
    await waitFor('the board', (s) => s.includes('1 Kanban') && s.includes('CAB-238'));
  });

  afterAll(async () => {
    t.kill();
    await sleep(200);
    if (dir) rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  });

  it('n creates an issue (title, then estimate, lane, status): only its lines are added, in its group, with the next id', async () => {
    await keys('1', 'g');
    await selected('CAB-236');
    await keys('l', 'h'); // CAB-237 (the todo column, group G1)
    await selected('CAB-237');
    await keys('n');
    await waitFor('the title prompt', (s) => s.includes('new issue title:'));
    await type('Draw the timeline');
    await keys('Enter');
    await waitFor('the details prompt', (s) => s.includes('estimate, lane, status'));
    await type('5h bob review');
    await keys('Enter');
    await waitFor('the new card', (s) => s.includes('CAB-239'));
    const d = await save();
    expect(d.removed).toEqual([]);
    expect(d.added.join('\n')).toMatch(/- id: CAB-239/);
    expect(d.added.join('\n')).toMatch(/title: Draw the timeline/);
    expect(d.added.join('\n')).toMatch(/estimate: 5h/);
    expect(d.added.join('\n')).toMatch(/lane: bob/);
    expect(d.added.join('\n')).toMatch(/status: review/);
    expect(d.added.join('\n')).toMatch(/group: G1/);
    // one block, after G1's last issue and before phase two
    const at = d.addedAt;
    expect(at[at.length - 1] - at[0]).toBe(at.length - 1);
    const lines = d.text.split('\n');
    expect(lines.indexOf('  - id: CAB-237')).toBeLessThan(at[0]);
    expect(lines.indexOf('  # phase two')).toBeGreaterThan(at[at.length - 1]);
  });

  it('r renames; E sets estimate, labels, sprint, milestone, due date and priority: each save changes its one line', async () => {
    await goTo('CAB-237');
    await keys('r');
    await waitFor('the rename prompt', (s) => s.includes('rename CAB-237:') && s.includes('Write the parser'));
    await keys('C-u');
    await type('Write the YAML parser');
    await keys('Enter');
    let d = await save();
    expect(d).toMatchObject({ removed: ['    title: Write the parser'], added: ['    title: Write the YAML parser'] });

    const field = async (name: string, value: string) => {
      await keys('E');
      await waitFor('the field picker', (s) => s.includes('Set a field of CAB-237'));
      await pick(`${name}:`);
      await waitFor(`the ${name} prompt`, (s) => s.includes('(empty removes it)'));
      await keys('C-u');
      await type(value);
      await keys('Enter');
    };
    await field('estimate', '2-4d');
    d = await save();
    expect(d).toMatchObject({ removed: ['    estimate: 3d'], added: ['    estimate: 2-4d'] });

    await field('labels', 'core, parser');
    d = await save();
    expect(d.removed).toEqual([]);
    expect(d.added.join('\n')).toMatch(/labels:.*core.*parser|labels:\n.*core\n.*parser/s);

    await field('sprint', 'S7');
    d = await save();
    expect(d).toMatchObject({ removed: [], added: ['    sprint: S7'] });

    await field('milestone', 'M1');
    d = await save();
    expect(d).toMatchObject({ removed: [], added: ['    milestone: M1'] });

    // an impossible date is refused at the prompt, which stays open
    await field('due', '2026-13-01');
    await waitFor('the refusal', (s) => /bad due date "2026-13-01"/.test(s));
    await keys('C-u');
    await type('2026-04-15');
    await keys('Enter');
    d = await save();
    expect(d).toMatchObject({ removed: [], added: ['    due: 2026-04-15'] });

    await field('priority', 'high');
    d = await save();
    expect(d).toMatchObject({ removed: [], added: ['    priority: high'] });
    // the comment on the group line is still there
    expect(d.text).toContain('    group: G1 # the core of it');
  });

  it('L links an issue to one it waits for and, picked again, unlinks it', async () => {
    const before = last;
    await keys('L');
    await waitFor('the dependency picker', (s) => s.includes('CAB-237 waits for'));
    await pick('CAB-236 Set up');
    await waitFor('linked', (s) => !s.includes('waits for…'));
    let d = await save();
    expect(d.removed).toEqual([]);
    expect(d.added.join('\n')).toMatch(/depends_on:.*CAB-236/s);
    await keys('L');
    await waitFor('the picker with the link ticked', (s) => s.includes('✓ waits for CAB-236'));
    await pick('CAB-236 Set up');
    d = await save();
    expect(d.text).toBe(before);
  });

  it('J and K move an issue down and up its column: the file trades places and trades back', async () => {
    const before = last;
    await keys('J');
    await waitFor('moved', (s) => /CAB-237[\s\S]*CAB-238|CAB-238[\s\S]*CAB-237/.test(s));
    let d = await save();
    expect(d.text).not.toBe(before);
    expect(d.text.split('\n').sort()).toEqual(before.split('\n').sort()); // the same lines, reordered
    await keys('K');
    d = await save();
    expect(d.text).toBe(before);
  });

  it('Space ticks and unticks: the status it had comes back (todo, and in-progress)', async () => {
    await goTo('CAB-237');
    const before = last;
    await keys('Space');
    let d = await save();
    expect(d.removed).toEqual(['    status: todo']);
    expect(d.added.sort()).toEqual(['    done_on: 2026-03-04', '    status: done']);
    await keys('Space');
    d = await save();
    expect(d.text).toBe(before); // todo again, done_on gone
    // in progress → done → in progress (not the first status)
    await goTo('CAB-236');
    await keys('Space');
    d = await save();
    expect(d.removed).toEqual(['    status: in-progress']);
    await keys('Space');
    d = await save();
    expect(d.text).toBe(before);
    await goTo('CAB-237');
  });

  it('t logs 30m as half an hour today', async () => {
    await keys('t');
    await waitFor('the log prompt', (s) => s.includes('log time on CAB-237'));
    await type('30m');
    await keys('Enter');
    const d = await save();
    expect(d.removed).toEqual([]);
    const added = d.added.join('\n');
    expect(added).toMatch(/2026-03-04/);
    expect(added).toMatch(/0\.5|30m/);
  });

  it('> and < move the status; a (picker), ] and [ reassign the lane', async () => {
    await keys('>');
    let d = await save();
    expect(d).toMatchObject({ removed: ['    status: todo'], added: ['    status: in-progress'] });
    await keys('<');
    d = await save();
    expect(d).toMatchObject({ removed: ['    status: in-progress'], added: ['    status: todo'] });
    await keys('a');
    await waitFor('the lane picker', (s) => s.includes('Lane for CAB-237'));
    await pick('Bob (bob)');
    d = await save();
    expect(d).toMatchObject({ removed: ['    lane: ann'], added: ['    lane: bob'] });
    await keys('[');
    d = await save();
    expect(d).toMatchObject({ removed: ['    lane: bob'], added: ['    lane: ann'] });
    await keys(']');
    d = await save();
    expect(d).toMatchObject({ removed: ['    lane: ann'], added: ['    lane: bob'] });
  });

  it('d asks first (n keeps it), y deletes its lines only; u brings back the same bytes', async () => {
    const before = last;
    await keys('d');
    await waitFor('the question', (s) => /delete/i.test(s) && s.includes('CAB-237'));
    await keys('n');
    await waitFor('kept', (s) => s.includes('kept'));
    expect(readFileSync(plan, 'utf8')).toBe(before);
    await keys('d');
    await waitFor('the question', (s) => /delete/i.test(s) && s.includes('CAB-237'));
    await keys('y');
    await waitFor('gone from its column', (s) => s.includes('todo (1)') && !s.includes(' Write the YAML parser'));
    let d = await save();
    expect(d.added).toEqual([]);
    expect(d.removed.join('\n')).toMatch(/- id: CAB-237/);
    expect(d.removed.some((l) => l.includes('CAB-236') || l.includes('CAB-238') || l.includes('CAB-239'))).toBe(false);
    await keys('u');
    await waitFor('back in its column', (s) => s.includes('todo (2)') && s.includes(' Write the YAML parser'));
    d = await save();
    expect(d.text).toBe(before);
  });

  it('O gives the link to $BROWSER as one argument: nothing in it runs', async () => {
    await goTo('CAB-237');
    await keys('O');
    await waitFor('opened', (s) => s.includes('opened https://example.com/issues/237'));
    const until = Date.now() + 3000;
    while (!existsSync(join(dir, 'opened')) && Date.now() < until) await sleep(20);
    const link = PLAN.split('\n').find((l) => l.includes('link: '))!.slice('    link: '.length);
    expect(link).toContain('$(touch');
    expect(readFileSync(join(dir, 'opened'), 'utf8')).toBe(`${link}\n`);
    expect(existsSync(join(dir, 'pwned'))).toBe(false);
    await keys('q');
    await waitFor('the shell', (s) => !s.includes('1 Kanban'));
  });
});
