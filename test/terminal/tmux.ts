// A real terminal for tests: a private tmux server (own socket, no user config) with one pane of
// a given size. Bytes the program sends are recorded with pipe-pane; the screen and the
// scrollback are read with capture-pane and history_size.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function requireTmux(): void {
  const r = spawnSync('tmux', ['-V'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error('these tests need tmux (apt-get install tmux)');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Tmux {
  readonly socket = `pbtest-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  readonly dir = mkdtempSync(join(tmpdir(), 'pb-tmux-'));
  private piping = false;

  constructor(width: number, height: number, env: Record<string, string> = {}) {
    const vars = Object.entries({ PS1: '$ ', TERM: 'xterm-256color', ...env }).map(([k, v]) => `${k}=${v}`);
    this.tmux('-f', '/dev/null', 'new-session', '-d', '-x', String(width), '-y', String(height), '-s', 't', 'env', ...vars, 'bash', '--norc', '--noprofile');
    this.tmux('set-option', '-g', 'history-limit', '5000');
  }

  tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  /** Types text then Enter (a shell command line). */
  run(line: string): void {
    this.tmux('send-keys', '-t', 't', '-l', line);
    this.tmux('send-keys', '-t', 't', 'Enter');
  }

  /** Sends keys literally (`j`, ` `), or tmux key names with `named`. */
  keys(keys: string, named = false): void {
    this.tmux('send-keys', '-t', 't', ...(named ? [keys] : ['-l', keys]));
  }

  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', 't');
  }

  history(): number {
    return Number(this.tmux('display-message', '-p', '-t', 't', '#{history_size}').trim());
  }

  async until(test: (screen: string) => boolean, what: string, ms = 8000): Promise<string> {
    const end = Date.now() + ms;
    for (;;) {
      const s = this.screen();
      if (test(s)) return s;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}; screen:\n${s}`);
      await sleep(50);
    }
  }

  /** Waits until the screen stops changing (a frame is complete). */
  async settle(quietMs = 300): Promise<string> {
    let last = this.screen();
    let since = Date.now();
    for (;;) {
      await sleep(50);
      const s = this.screen();
      if (s !== last) {
        last = s;
        since = Date.now();
      } else if (Date.now() - since >= quietMs) return s;
    }
  }

  /** Records what the program writes from now on; stopRecording() returns the bytes. */
  record(): void {
    this.tmux('pipe-pane', '-t', 't', '-o', `cat > ${join(this.dir, 'bytes')}`);
    this.piping = true;
  }

  async stopRecording(): Promise<Buffer> {
    await sleep(200);
    this.tmux('pipe-pane', '-t', 't');
    this.piping = false;
    await sleep(100);
    return readFileSync(join(this.dir, 'bytes'));
  }

  kill(): void {
    try {
      if (this.piping) this.tmux('pipe-pane', '-t', 't');
      this.tmux('kill-server');
    } catch {
      /* already gone */
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
