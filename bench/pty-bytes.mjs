// Bytes the board sends to a real terminal per keypress: tmux at 120×40 runs the built board on
// a plan, pipe-pane records what it writes after each key. Prints one JSON line:
// { key: [bytes per press, ...] }. Usage: node bench/pty-bytes.mjs PLAN [TODAY]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const [plan, today = '2026-03-02'] = process.argv.slice(2);
const root = fileURLToPath(new URL('..', import.meta.url));
if (spawnSync('tmux', ['-V']).status !== 0) throw new Error('pty-bytes needs tmux');
const socket = `pbbench-${process.pid}`;
const dir = mkdtempSync(join(tmpdir(), 'pb-bytes-'));
const tmux = (...a) => execFileSync('tmux', ['-L', socket, ...a], { encoding: 'utf8' });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const screen = () => tmux('capture-pane', '-p', '-t', 'b');
async function settle(quiet = 250) {
  let last = screen();
  let since = Date.now();
  for (;;) {
    await sleep(40);
    const s = screen();
    if (s !== last) [last, since] = [s, Date.now()];
    else if (Date.now() - since >= quiet) return s;
  }
}

try {
  tmux('-f', '/dev/null', 'new-session', '-d', '-x', '120', '-y', '40', '-s', 'b', 'env', 'TERM=xterm-256color', 'PS1=$ ', 'bash', '--norc', '--noprofile');
  tmux('send-keys', '-t', 'b', '-l', `node ${join(root, 'dist/planboard.js')} ${resolve(plan)} --today ${today}`);
  tmux('send-keys', '-t', 'b', 'Enter');
  for (let i = 0; i < 200 && !/1 Kanban/.test(screen()); i++) await sleep(50);
  await settle(500);
  const out = {};
  const press = async (name, key, n) => {
    out[name] = [];
    for (let i = 0; i < n; i++) {
      const file = join(dir, `${name.replace(/\W/g, '_')}-${i}`);
      tmux('pipe-pane', '-t', 'b', '-o', `cat > ${file}`);
      tmux('send-keys', '-t', 'b', ...(key.length > 1 ? [key] : ['-l', key]));
      await settle();
      tmux('pipe-pane', '-t', 'b');
      await sleep(100);
      out[name].push(statSync(file).size);
    }
  };
  await press('j', 'j', 10);
  await press('l', 'l', 3);
  await press('h', 'h', 3);
  await press('space', 'Space', 2);
  await press('u', 'u', 2);
  tmux('send-keys', '-t', 'b', '-l', '2');
  await settle(500);
  await press('timeline j', 'j', 5);
  tmux('send-keys', '-t', 'b', 'C-c');
  console.log(JSON.stringify(out));
} finally {
  try {
    tmux('kill-server');
  } catch {
    /* gone */
  }
  rmSync(dir, { recursive: true, force: true });
}
