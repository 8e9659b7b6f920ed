// Plans written as numbered stories with their order: `Apres 1.1:`, `Chemin critique: 1.1 -> 1.3`, `Dev A:`, `Checkpoint A:`.
import type { SourceLine } from '../lines.js';
import { slug } from '../prose.js';
import { idsIn, STORY, type Draft } from '../draft.js';

/** Story-numbered plans: `Story 1.1 (baseline hardening)`, `Apres 1.1:`, `Chemin critique:`, `Dev A:`, `Checkpoint A:`. */
export function storyPlanLine(d: Draft, l: SourceLine, t: string): boolean {
  // Story-numbered plans: `Story 1.1 (baseline hardening) ...`, `Apres 1.1:`, `Chemin critique:`.
  const named = /\bStory\s+(\d+(?:\.\d+)+)\s*\(([^)]+)\)/i.exec(t);
  if (named) {
    const s = d.story(named[1]);
    if (s.title === `Story ${named[1]}`) s.title = named[2].trim();
    d.keep(l);
    return true;
  }
  const after = /^(?:apr[eè]s|after|once)\s+(.+?):\s*$/i.exec(t);
  if (after && idsIn(after[1], STORY).length) {
    d.list = { kind: 'after', prereqs: idsIn(after[1], STORY) };
    idsIn(after[1], STORY).forEach((id) => d.story(id));
    return true;
  }
  if (/^(chemin critique|critical path)\s*:?\s*$/i.test(t)) {
    d.list = { kind: 'critical-path' };
    return true;
  }
  const chain = /^(?:chemin critique|critical path)\s*:\s*(.+)$/i.exec(t) ?? (/^`[^`]*(->|→)[^`]*`$/.test(t) ? [t, t] : null);
  if (chain && idsIn(chain[1], STORY).length > 1 && /->|→/.test(chain[1])) {
    d.setCriticalPath(idsIn(chain[1], STORY));
    return true;
  }
  const scen = d.within((s) => s.kind === 'scenario');
  const dev = /^(Dev\s+[A-Z])\b[^:]*:\s*$/.exec(t);
  if (scen && dev) {
    const lane = slug(dev[1]);
    if (!d.lanes.has(lane)) d.lanes.set(lane, { id: lane, name: dev[1] });
    d.list = { kind: 'dev', lane, scenario: scen };
    return true;
  }
  const cp = /^(Checkpoint|Jalon)\s+(\w+)\s*:\s*$/i.exec(t);
  if (cp) {
    const m = { id: slug(`${cp[1]} ${cp[2]}`), title: `${cp[1]} ${cp[2]}`, requires: [] as string[], note: [] as string[] };
    d.checkpoints.push(m);
    d.list = { kind: 'checkpoint', milestone: m };
    return true;
  }
  return false;
}
