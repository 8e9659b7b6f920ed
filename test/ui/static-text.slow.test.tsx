// Static output (render, a piped board) is drawn from the pure layouts without Ink. It must be
// the Ink pane's render, byte for byte: on every bundled plan and on generated plans, for every
// view, at several sizes, with and without a selection and swimlanes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlanText } from '../../src/core/plan/load.js';
import { createBoardStore } from '../../src/store/index.js';
import type { PaneId } from '../../src/store/types.js';
import { renderPaneText } from '../../src/ui/render-pane.js';
import { paneText } from '../../src/ui/static-text.js';
import { generatePlan } from '../../bench/lib/gen-plan.mjs';

const TODAY = '2026-03-02';
const PANES: PaneId[] = ['kanban', 'timeline', 'capacity', 'standup'];
const SIZES: [number, number][] = [[80, 24], [120, 40], [47, 13], [211, 61]];

const bundled = readdirSync('plans').filter((f) => f.endsWith('.yaml')).map((f) => [f, readFileSync(join('plans', f), 'utf8')] as const);
const generated = [30, 400].map((n) => [`generated ${n}`, generatePlan({ issues: n, seed: n }) as string] as const);

function storeFor(name: string, text: string) {
  const r = loadPlanText(text, name);
  if (!r.ok) throw new Error(`${name} does not load: ${r.problems[0]?.message}`);
  const store = createBoardStore({ file: name, text, data: r.plan.data, today: TODAY });
  store.setState({ selectedId: null });
  return store;
}

describe.each([...bundled, ...generated])('%s', (name, text) => {
  it.each(PANES)('%s is the Ink render, byte for byte', (pane) => {
    const store = storeFor(name, text);
    store.setState({ pane });
    for (const [w, h] of SIZES) expect(paneText(store.getState(), pane, w, h), `${pane} ${w}×${h}`).toBe(renderPaneText(store, pane, w, h));
  });

  it('kanban with a selection deep in a column, and with swimlanes', () => {
    const store = storeFor(name, text);
    const issues = store.getState().model.issues;
    const pick = issues[Math.floor(issues.length * 0.7)];
    store.setState({ selectedId: pick.id });
    for (const swimlanes of [false, true]) {
      store.setState({ swimlanes });
      for (const [w, h] of SIZES) expect(paneText(store.getState(), 'kanban', w, h), `${swimlanes} ${w}×${h}`).toBe(renderPaneText(store, 'kanban', w, h));
    }
  });
});

describe('static-text module', () => {
  it('loads neither React, Ink nor Yoga', () => {
    // Its imports, followed through our own sources, never reach them.
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/^import (?!type )[^'"]*['"]([^'"]+)['"]/gm)) {
        const spec = m[1];
        expect(spec, `${file} imports ${spec}`).not.toMatch(/^(react|ink|yoga-layout)(\/|$)/);
        if (spec.startsWith('.')) {
          const js = join(file, '..', spec);
          const ts = [js.replace(/\.js$/, '.ts'), js.replace(/\.js$/, '.tsx')].find((f) => { try { readFileSync(f); return true; } catch { return false; } });
          if (ts) visit(ts);
        }
      }
    };
    visit('src/ui/static-text.ts');
    expect(seen.size).toBeGreaterThan(10);
  });
});
