import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { importText, ImportError } from '../../src/core/formats/import.js';
import { loadPlanText } from '../../src/core/plan/load.js';

// Lines shaped like roadmap content, shuffled into arbitrary documents.
const line = fc.oneof(
  fc.constantFrom(
    '# Title', '## Q1 2026 - Launch', '### Phase 2.6 - Cilium', '**Deadline:** 31 Mars 2026', '**Deadline:** 2026-02-30',
    '- [x] CAB-1: done thing', '- [ ] CAB-1: duplicate id', '- [ ] CAB-2: open thing (Todo)', '#44: Storage ⏱️ 2-3 jours',
    '**Bloque**: #45 (UI)', '**Dépend de**: #44, #99', '**Priority**: 🔴 Critical | **Track**: Software', '| Phase | Scope | Est. |',
    '|---|---|---|', '| **2.6** | Cilium | 1.25j |', 'Apres 1.1:', '- 1.2, 1.3', 'Chemin critique:', '`1.1 -> 1.2 -> 1.1`',
    '## 3) Plan 2 dev', 'Dev A (core):', '- 1.1 -> 1.2', 'Checkpoint A:', '- 1.1 done', '### Sprint 1 — Go', '**Oct 27 – Nov 7, 2025** | 2 weeks',
    '```', '.. code-block::', 'Title', '=====', '~~~~', '**Tâches**:', '* a task', '**Hypothèse:** ~8h/semaine', '',
    '- [ ] plain task', '* [X] done task @ana #ui (3d)', '  - [x] nested', '- Ship it ~2h', '| Task | Status | Owner | Due |', '|---|---|---|---|',
    '| Login | WIP | @bo | March 31 |', '## v1.2 (2026-03)', '## Q2 2026', '- Deadline: March 31', 'Later features:', '<!-- - [ ] hidden -->',
    '## [1.0.0] - 2017-06-20', '### Added', '- [ ] #12 Fix login', '- [ ] ABC-7 [5 pts] blocked', '# DONE', '- old thing',
  ),
  fc.string({ maxLength: 40 }),
);

describe('import never crashes and never writes an invalid plan', () => {
  it('any mix of roadmap-like lines imports to a plan that loads, or fails with a clear ImportError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 40 }), async (lines) => {
        const text = lines.join('\n');
        let r: Awaited<ReturnType<typeof importText>>;
        try {
          r = await importText(text, 'fuzz.md');
        } catch (e) {
          expect(e).toBeInstanceOf(ImportError);
          return;
        }
        const loaded = loadPlanText(r.yaml, 'fuzz.yaml');
        if (!loaded.ok) throw new Error(`${JSON.stringify(text)}\n→ ${loaded.problems.map((p) => p.message).join('; ')}`);
      }),
      { numRuns: 1000, seed: 42 },
    );
  });
});
