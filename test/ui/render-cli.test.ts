// `planboard render` and `planboard PLAN` without a terminal, through the CLI entry.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/command.js';
import { PLAN } from './board-fixture.js';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pb-render-'));
  writeFileSync(join(dir, 'plan.yaml'), PLAN);
  writeFileSync(join(dir, 'bad.yaml'), PLAN.replace('status: in-progress', 'status: doing'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => void (out += t.endsWith('\n') ? t : t + '\n'), err: (t) => void (err += t + '\n'), cwd: dir, isTTY: false };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('planboard render', () => {
  it('prints the kanban as plain text within the width and height', async () => {
    const { code, out } = await run('render', 'plan.yaml', '--view', 'kanban', '--width', '80', '--height', '12', '--today', '2026-03-02');
    expect(code).toBe(0);
    expect(out).not.toMatch(/\u001b/);
    const lines = out.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(12);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(80);
    expect(lines[0]).toMatch(/^todo \(2\)\s*│in-progress \(1\)/);
    expect(out).toContain('A-3 ⊘!');
    expect(out).not.toContain('▶'); // a static picture has no cursor
  });

  it('prints the timeline and capacity panes', async () => {
    const t = await run('render', 'plan.yaml', '--view', 'timeline', '--width', '100', '--height', '20', '--today', '2026-03-02');
    expect(t.code).toBe(0);
    expect(t.out).toContain('A-2');
    const c = await run('render', 'plan.yaml', '--view', 'capacity', '--width', '100', '--height', '20', '--today', '2026-03-02');
    expect(c.code).toBe(0);
    expect(c.out).toMatch(/Ann/);
    expect(c.out).not.toMatch(/\u001b/);
  });

  it('rejects an unknown view, a bad size and a bad date with exit 2', async () => {
    expect((await run('render', 'plan.yaml', '--view', 'gantt')).err).toMatch(/--view: expected one of kanban, timeline, capacity/);
    expect((await run('render', 'plan.yaml', '--width', 'wide')).code).toBe(2);
    const d = await run('render', 'plan.yaml', '--today', '2026-02-30');
    expect(d.code).toBe(2);
    expect(d.err).toMatch(/--today: "2026-02-30" is not a calendar date/);
  });

  it('reports a bad plan validate-style, exit 1, no stack trace', async () => {
    const { code, err } = await run('render', 'bad.yaml');
    expect(code).toBe(1);
    expect(err).toMatch(/bad\.yaml:\d+:\d+: .*doing/);
    expect(err).not.toMatch(/\n\s+at /);
  });
});

describe('planboard PLAN without a terminal', () => {
  it('prints a static kanban with the title and exits 0', async () => {
    const { code, out } = await run('plan.yaml', '--today', '2026-03-02');
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe('Test plan · as of 2026-03-01');
    expect(out).toMatch(/todo \(2\)/);
  });

  it('names a missing file, exit 1', async () => {
    const { code, err } = await run('missing.yaml');
    expect(code).toBe(1);
    expect(err).toMatch(/missing\.yaml/);
  });
});
