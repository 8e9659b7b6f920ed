// In-process keypress-to-frame latency on a mounted board, and save time after one tick.
// Bundled by bench/run.mjs; prints one JSON line.
import { readFileSync, writeFileSync, mkdtempSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { render } from 'ink-testing-library';
import { createElement } from 'react';
import { loadPlanText } from '../src/core/plan/load.js';
import { commitOps } from '../src/core/persist/file-store.js';
import { createBoardStore } from '../src/store/index.js';
import { selectKanbanPosition } from '../src/store/selectors.js';
import { App } from '../src/ui/App.js';

const [file, today, mode] = process.argv.slice(2); // mode 'save': only the save; 'keys': only the keys
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function quantiles(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { median: at(0.5), p95: at(0.95) };
}

async function main() {
  const text = readFileSync(file, 'utf8');
  const loaded = loadPlanText(text, file);
  if (!loaded.ok) throw new Error(`plan does not load: ${loaded.problems[0]?.message}`);
  const result: Record<string, unknown> = {};
  if (mode !== 'save') await keys(text, loaded.plan.data, result);
  if (mode !== 'keys') await save(text, loaded.plan.data, result);
  writeFileSync(1, JSON.stringify(result) + '\n');
  process.exit(0);
}

async function keys(text: string, data: Parameters<typeof createBoardStore>[0]['data'], result: Record<string, unknown>) {
  const store = createBoardStore({ file, text, data, today });
  const ui = render(createElement(App, { store, width: 120, height: 40, color: false }));
  await sleep(50);

  // Resolve when the next frame is written after a key.
  const stdout = ui.stdout as unknown as { write: (frame: string) => void };
  const original = stdout.write.bind(stdout);
  let onFrame: (() => void) | null = null;
  stdout.write = (frame: string) => {
    original(frame);
    onFrame?.();
  };
  // Wall time from key to frame, and the CPU time this process spent on it (on a shared box the
  // wall time includes waiting for a core; the CPU time does not).
  let cpuTimes: number[] = [];
  const press = async (key: string) => {
    const framed = new Promise<void>((resolve) => (onFrame = resolve));
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    ui.stdin.write(key);
    await Promise.race([framed, sleep(2000)]);
    const dt = performance.now() - t0;
    const c = process.cpuUsage(c0);
    cpuTimes.push((c.user + c.system) / 1000);
    onFrame = null;
    await sleep(40); // let Ink's frame throttle settle so each key is measured alone
    return dt;
  };
  const measure = async (keys: string[], n: number) => {
    const times: number[] = [];
    cpuTimes = [];
    for (let i = 0; i < n; i++) times.push(await press(keys[i % keys.length]));
    const cpu = quantiles(cpuTimes);
    return { ...quantiles(times), cpu_median: cpu.median, cpu_p95: cpu.p95 };
  };

  // 100 presses a key, for a p95 that is the 5th-slowest. `j` goes down and back up (`k`) so it
  // never stops at a column's end; the search types two letters and erases them, a new pair
  // each time (the first letter from an empty query scans every issue).
  const only = process.env.BENCH_KEY; // one of j, l, space, filter: profile one key alone
  const N = Number(process.env.BENCH_PRESSES ?? 100);
  if (!only || only === 'j') {
    // From the top of the selection's column, down as far as 10 cards and back, so every press moves.
    store.getState().moveToEdge('first');
    await sleep(40);
    const { cols, c } = selectKanbanPosition(store.getState());
    const steps = Math.max(1, Math.min(10, (cols[c]?.length ?? 2) - 1));
    result.j = await measure([...Array(steps).fill('j'), ...Array(steps).fill('k')], N);
  }
  if (!only || only === 'l') result.l = await measure(['l', 'h'], N);
  if (!only || only === 'space') result.space = await measure([' '], N);
  if (!only || only === 'filter') {
    await press('/');
    const letters = 'etaoinsrhldcumfpgwybvk';
    const typing = Array.from({ length: N / 4 }, (_, n) => [letters[n % letters.length], letters[(n * 7 + 3) % letters.length], '\u007F', '\u007F']).flat();
    result.filter = await measure(typing, N);
  }
  ui.unmount();
}

async function save(text: string, data: Parameters<typeof createBoardStore>[0]['data'], result: Record<string, unknown>) {
  // Save after one tick: the time of the locked, verified, atomic write, and the diff size.
  const dir = mkdtempSync(join(tmpdir(), 'pb-bench-'));
  const copy = join(dir, 'plan.yaml');
  copyFileSync(file, copy);
  const id = data.issues?.find((i) => i.status !== 'done')?.id;
  if (!id) throw new Error('no open issue to tick');
  const t0 = performance.now();
  const saved = await commitOps(copy, [{ kind: 'tick', id, date: today }]);
  result.save_ms = performance.now() - t0;
  const before = text.split('\n');
  const after = saved.text.split('\n');
  let head = 0;
  while (head < before.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  result.diff_lines = { removed: before.length - head - tail, added: after.length - head - tail };
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exit(1);
});
