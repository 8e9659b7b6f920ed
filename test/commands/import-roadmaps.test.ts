// Ten public roadmaps (test/fixtures/roadmaps, sources in SOURCES.md) imported as a new user
// would. What counts as a work item is decided HERE, from the raw text, never by the importer:
// every task-list line (`- [ ]` / `- [x]`), and every top-level plain bullet under the headings
// this table names as plan sections, with the done state its heading gives.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importText } from '../../src/core/formats/import.js';
import { loadPlanText } from '../../src/core/plan/load.js';
import { DIR, SPECS, type Spec } from './roadmap-specs.js';

interface Expected {
  line: number;
  text: string;
  done: boolean;
}

/** Work items counted from the raw file: headings by `#` or by an RST underline. */
function countItems(text: string, spec: Spec): Expected[] {
  const lines = text.split('\n');
  const chain: { level: number; title: string }[] = [];
  const rstLevels: string[] = [];
  const out: Expected[] = [];
  lines.forEach((raw, i) => {
    const md = /^(#{1,6})\s+(.*?)\s*$/.exec(raw);
    const under = /^([=\-~^"'`*+#])\1{2,}\s*$/.exec(lines[i + 1] ?? '');
    let heading: { level: number; title: string } | undefined;
    if (md && spec.file.endsWith('.md')) heading = { level: md[1].length, title: md[2] };
    else if (under && spec.file.endsWith('.rst') && raw.trim() && !/^([=\-~^])\1+$/.test(raw)) {
      const over = /^([=\-~^])\1{2,}$/.test(lines[i - 1] ?? '') ? 'o' : '';
      const key = under[1] + over;
      if (!rstLevels.includes(key)) rstLevels.push(key);
      heading = { level: rstLevels.indexOf(key) + 1, title: raw.trim() };
    }
    if (heading) {
      while (chain.length && chain[chain.length - 1].level >= heading.level) chain.pop();
      chain.push(heading);
      return;
    }
    const box = /^\s*[-*+]\s+\[([ xX])\]\s+(.+)$/.exec(raw);
    if (box) return void out.push({ line: i + 1, text: box[2], done: box[1] !== ' ' });
    const bullet = /^[-*+]\s+(.+)$/.exec(raw);
    const nearest = chain[chain.length - 1]?.title ?? '';
    if (bullet && spec.planUnder.test(nearest))
      out.push({ line: i + 1, text: bullet[1], done: Boolean(spec.doneUnder && chain.some((h) => spec.doneUnder!.test(h.title))) });
  });
  return out;
}

const norm = (s: string) =>
  s
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

/** Issues in document order, each matched once, so repeated titles still count one by one. */
function match(expected: Expected[], issues: { title: string; done: boolean }[]) {
  let from = 0;
  return expected.map((e) => {
    const want = norm(e.text);
    for (let k = from; k < issues.length; k++) {
      const got = norm(issues[k].title);
      if (got.length >= 3 && (want.startsWith(got.slice(0, 30)) || got.startsWith(want.slice(0, 30)))) {
        from = k + 1;
        return { ...e, found: true, rightDone: issues[k].done === e.done };
      }
    }
    return { ...e, found: false, rightDone: false };
  });
}

describe('import of ten public roadmaps', () => {
  const totals = { items: 0, issues: 0, right: 0 };

  it.each(SPECS)('$file: ≥ 90% of its task items and plan bullets become issues with the right done state', async (spec) => {
    const text = readFileSync(join(DIR, spec.file), 'utf8');
    const expected = countItems(text, spec);
    expect(expected.length, 'the fixture has work items to find').toBeGreaterThan(4);
    const r = await importText(text, spec.file);
    const loaded = loadPlanText(r.yaml, spec.file);
    if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.line}:${p.col} ${p.message}`).join('\n'));
    const results = match(expected, loaded.plan.model.issues);
    const found = results.filter((x) => x.found).length;
    const right = results.filter((x) => x.rightDone).length;
    totals.items += expected.length;
    totals.issues += found;
    totals.right += right;
    const missed = results.filter((x) => !x.rightDone).map((x) => `${x.line}: ${x.text} (${x.found ? 'wrong done state' : 'not an issue'})`);
    console.log(`${spec.file}: ${expected.length} items, ${found} issues, ${right} with the right done state`);
    expect(right / expected.length, missed.join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  it('all ten together: ≥ 90%', () => {
    expect(totals.items).toBeGreaterThan(200);
    expect(totals.right / totals.items).toBeGreaterThanOrEqual(0.9);
  });
});
