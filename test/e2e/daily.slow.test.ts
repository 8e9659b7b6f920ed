// The board as a daily editor in a real terminal (tmux, a job-control shell): hide done work and
// find it still hidden the next morning, walk the standup, suspend with Ctrl-z and come back with fg.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, boardTerminal, ensureBuilt, sleep } from '../support/tmux.js';

const bin = BIN;
const t = boardTerminal('daily', 'daily');
const { session, tmux, screen, waitFor, keys } = t;

describe('the board as a daily editor, in tmux', () => {
  let dir = '';
  let plan = '';
  const open = async () => {
    tmux('send-keys', '-t', session, '-l', `node ${JSON.stringify(bin)} ${JSON.stringify(plan)} --today 2026-03-04`);
    await keys('Enter');
    await waitFor('the board', (s) => s.includes('1 Kanban'));
  };

  beforeAll(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'planboard-daily-'));
    plan = join(dir, 'plan.yaml');
    execFileSync('sh', ['-c', `cat > ${JSON.stringify(plan)} <<'EOF'
planboard: 1
title: Team plan
lanes:
  - { id: ann, name: Ann }
  - { id: bob, name: Bob }
issues:
  - { id: T-1, title: Shipped the installer, lane: ann, status: done, done_on: 2026-03-03 }
  - { id: T-2, title: Parser work, lane: ann, status: in-progress, estimate: 2d }
  - { id: T-3, title: Board work, lane: bob, status: todo, estimate: 1d }
EOF`]);
    // A login shell with job control, its own state folder, and a prompt we can wait for.
    tmux('-f', '/dev/null', 'new-session', '-d', '-s', session, '-x', '120', '-y', '40', `env -i PATH=${process.env.PATH} HOME=${dir} XDG_STATE_HOME=${join(dir, 'state')} TERM=xterm-256color PS1='$ ' bash --norc --noprofile -i`);
  });

  afterAll(async () => {
    t.kill();
    await sleep(200); // the shell writes its history as it dies
    if (dir) rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  });

  it('opens on work in progress; H hides done work and the next start remembers it', async () => {
    await waitFor('the shell', (s) => s.includes('$'));
    await open();
    expect(screen()).toContain('Shipped the installer');
    await keys('H');
    await waitFor('done hidden', (s) => s.includes('done hidden') && !s.includes('Shipped the installer'));
    await keys('q');
    await waitFor('the shell again', (s) => /^\$\s*$/m.test(s) && !s.includes('1 Kanban'));
    await open();
    const again = screen();
    expect(again).toContain('done hidden');
    expect(again).not.toContain('Shipped the installer');
    expect(again).toMatch(/▶?.*Parser work/);
    expect(readFileSync(join(dir, 'state', 'planboard', 'views.json'), 'utf8')).toContain('"hideDone": true');
  });

  it('walks the standup one person at a time', async () => {
    await keys('S');
    await waitFor('the standup', (s) => s.includes('1/2 ann'));
    await keys('n');
    await waitFor('the next person', (s) => s.includes('2/2 bob'));
    await keys('S');
  });

  it('Ctrl-z gives the shell back, fg returns to the same board', async () => {
    await keys('C-z');
    const shell = await waitFor('the shell after Ctrl-z', (s) => /Stopped/.test(s));
    expect(shell).not.toContain('1 Kanban');
    await keys('f', 'g', 'Enter');
    await waitFor('the board after fg', (s) => s.includes('1 Kanban') && s.includes('back from the shell'));
    await keys('q');
    await waitFor('the shell at the end', (s) => !s.includes('1 Kanban'));
  });
});
