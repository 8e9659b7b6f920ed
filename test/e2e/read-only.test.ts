// The built board as an unprivileged user on a plan in a directory it cannot write: the save
// fails clearly, the edit stays, W saves it elsewhere, and later saves go to the new file. As root
// (who may write anyway) the board runs as uid 65534 through setpriv, on a copy of the build it
// can read; as anyone else, as that user.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { requireTool } from '../support/tools.js';
import { unprivilegedPrefix } from '../support/unprivileged.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const socket = `planboard-ro-${process.pid}`;

const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const screen = () => tmux('capture-pane', '-p', '-t', 'ro');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

async function waitFor(what: string, test: (s: string) => boolean, ms = 10000): Promise<string> {
  const until = Date.now() + ms;
  let last = '';
  while (Date.now() < until) {
    last = screen();
    if (test(last)) return last;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}; screen:\n${last}`);
}

async function keys(...names: string[]) {
  for (const k of names) {
    tmux('send-keys', '-t', 'ro', k);
    await sleep(120);
  }
}

const issue = (text: string, id: string) => (parse(text).issues as Record<string, unknown>[]).find((i) => i.id === id)!;

describe('a read-only plan in a real terminal, as an unprivileged user', () => {
  requireTool('tmux', ['-V']);
  const prefix = unprivilegedPrefix();
  let bin = '';
  let dir = '';
  let plan = '';
  let home = '';
  let original = '';

  beforeAll(() => {
    if (!existsSync(join(root, 'dist/planboard.js'))) execFileSync('flock', ['/tmp/build.lock', 'node', 'scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
    dir = mkdtempSync(join(tmpdir(), 'planboard-ro-'));
    chmodSync(dir, 0o755);
    // A copy of the build, readable by the unprivileged user wherever the checkout is.
    cpSync(join(root, 'dist'), join(dir, 'dist'), { recursive: true });
    for (const f of readdirSync(join(dir, 'dist'), { recursive: true, encoding: 'utf8' })) chmodSync(join(dir, 'dist', f), 0o755);
    bin = join(dir, 'dist', 'planboard.js');
    const [cmd, ...args] = [...prefix, process.execPath, '-e', `require('fs').accessSync(${JSON.stringify(bin)})`];
    const check = spawnSync(cmd, args, { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`the unprivileged user cannot run ${process.execPath} on ${bin}: ${check.stderr}`);
    mkdirSync(join(dir, 'plans'), { mode: 0o755 });
    home = join(dir, 'home');
    mkdirSync(home);
    chmodSync(home, 0o777);
    plan = join(dir, 'plans', 'k3s.yaml');
    copyFileSync(join(root, 'plans/k3s-mono-pgsql.yaml'), plan);
    chmodSync(plan, 0o644);
    chmodSync(join(dir, 'plans'), 0o555); // not writable for the board's user, whoever it is
    original = readFileSync(plan, 'utf8');
  });

  afterAll(() => {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
    if (dir) {
      chmodSync(join(dir, 'plans'), 0o755);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the edit, says why, saves it to ~ with W, then keeps saving there; the plan is untouched', async () => {
    const cmd = `${prefix.join(' ')} env -u CI HOME=${quote(home)} TERM=xterm-256color ${quote(process.execPath)} ${quote(bin)} ${quote(plan)} --today 2026-02-10`;
    tmux('new-session', '-d', '-s', 'ro', '-x', '110', '-y', '30', cmd);
    const first = await waitFor('the board', (s) => /todo \(\d+\)|backlog \(\d+\)/.test(s));
    const ticked = /▶(\S+)/.exec(first)![1];
    await keys('Space', 's');
    const refused = await waitFor('the refusal', (s) => s.includes('read-only: W save as'));
    expect(refused).toContain('cannot save (edits kept in memory; W saves them elsewhere): the directory');
    expect(refused).toContain('unsaved changes (1)');
    await keys('W');
    await waitFor('the save-as prompt', (s) => s.includes('save as (path): ~/k3s.mine.yaml'));
    await keys('Enter');
    const target = join(home, 'k3s.mine.yaml');
    await waitFor('the save elsewhere', (s) => s.includes(`saved 1 edit to ${target}`) && s.includes('k3s.mine.yaml ✓ saved'));
    expect(issue(readFileSync(target, 'utf8'), ticked)).toMatchObject({ status: 'done', done_on: '2026-02-10' });

    await keys('u', 's'); // undo the (saved) tick, save: it goes to the new file
    await waitFor('the second save', (s) => s.includes('saved 1 edit') && s.includes('✓ saved') && !s.includes('saved 1 edit to'));
    expect(readFileSync(target, 'utf8')).toBe(original);
    expect(readFileSync(plan, 'utf8')).toBe(original);
    await keys('q');
  });
});
