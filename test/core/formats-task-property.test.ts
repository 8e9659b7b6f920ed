// The importer's central promise, as a property: in any Markdown document, every task-list item
// becomes one issue, in order, with its box's done state, whatever else the document holds.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { importRoadmap } from '../../src/core/formats/roadmap/engine.js';
import { markdownLines } from '../../src/core/formats/roadmap/markdown-lines.js';
import { loadPlanText } from '../../src/core/plan/load.js';
import { planYaml } from '../../src/core/formats/plan-yaml.js';

const word = fc.constantFrom('login', 'API', 'docs', 'v2', 'cache', 'Q3', 'release', 'fix', 'été', '日本');
const title = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 4 }), fc.constantFrom('', ' @ana', ' #ui', ' (3d)', ' ~2h', ' [5 pts]', ' (WIP)', ' ✅', ' [link](https://x.test/a)'))
  .map(([w, tail]) => w.join(' ') + tail);
const block = fc.oneof(
  fc.record({ kind: fc.constant('task' as const), done: fc.boolean(), marker: fc.constantFrom('-', '*', '+'), box: fc.constantFrom('x', 'X'), depth: fc.integer({ min: 0, max: 2 }), title }),
  // A heading with an estimate and no task under it is itself work (`Infra (~15 jours)`): kept out here.
  fc.record({ kind: fc.constant('heading' as const), level: fc.integer({ min: 1, max: 4 }), title: fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')) }),
  fc.record({ kind: fc.constant('bullet' as const), title }),
  fc.record({ kind: fc.constant('text' as const), title }),
);

describe('task items, as a property', () => {
  it('every task item is one issue, in order, with its done state; the plan validates', () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 30 }), (blocks) => {
        const lines: string[] = [];
        const want: boolean[] = [];
        let depth = 0;
        for (const b of blocks) {
          if (b.kind === 'task') {
            // A nested item needs a parent item one level up.
            const d = Math.min(b.depth, depth);
            lines.push(`${'  '.repeat(d)}${b.marker} [${b.done ? b.box : ' '}] ${b.title}`);
            want.push(b.done);
            depth = d + 1;
            continue;
          }
          depth = 0;
          lines.push('', b.kind === 'heading' ? `${'#'.repeat(b.level)} ${b.title}` : b.kind === 'bullet' ? `Notes: ${b.title}` : b.title, '');
        }
        const text = lines.join('\n') + '\n';
        const { data } = importRoadmap(markdownLines(text), text);
        const issues = (data.issues ?? []) as { status?: string }[];
        expect(issues.map((i) => i.status === 'done')).toEqual(want);
        const loaded = loadPlanText(planYaml(data, 'property'), 'p.yaml');
        if (!loaded.ok) throw new Error(`${text}\n→ ${loaded.problems.map((p) => p.message).join('; ')}`);
      }),
      { numRuns: 80, seed: 11 },
    );
  });
});
