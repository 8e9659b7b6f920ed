// Reading plan files: every way a read can fail is a problem at 1:1, never an empty plan.
import { mkdtempSync, openSync, rmSync, writeFileSync, writeSync, closeSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/core/plan/load.js';
import { describeFsError, MAX_PLAN_BYTES, readPlanFile } from '../../../src/core/persist/read-plan.js';

const dir = mkdtempSync(join(tmpdir(), 'planboard-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const PLAN = 'planboard: 1\ntitle: T\nissues:\n  - id: A\n    title: a\n';

async function refused(path: string): Promise<string[]> {
  const r = await readPlanFile(path);
  if (r.ok) throw new Error('expected a refusal');
  return r.problems.map(formatProblem);
}

describe('readPlanFile', () => {
  it('reads a valid plan', async () => {
    const p = join(dir, 'ok.yaml');
    writeFileSync(p, PLAN);
    const r = await readPlanFile(p);
    expect(r.ok && r.plan.model.issues.map((i) => i.id)).toEqual(['A']);
  });

  it('reports a missing file', async () => {
    expect(await refused(join(dir, 'nope.yaml'))).toEqual([`${join(dir, 'nope.yaml')}:1:1: file not found`]);
  });

  it('reports a directory', async () => {
    expect(await refused(dir)).toEqual([`${dir}:1:1: is a directory, not a plan file`]);
  });

  it('refuses a binary file (NUL bytes)', async () => {
    const p = join(dir, 'bin.yaml');
    writeFileSync(p, Buffer.from([0x70, 0x6c, 0x61, 0x00, 0x01, 0x02, 0xff]));
    expect(await refused(p)).toEqual([`${p}:1:1: binary file (a NUL byte at offset 3), not a YAML plan`]);
  });

  it('refuses bytes that are not UTF-8', async () => {
    const p = join(dir, 'latin1.yaml');
    writeFileSync(p, Buffer.from('planboard: 1\ntitle: caf\xe9\n', 'latin1'));
    expect(await refused(p)).toEqual([`${p}:1:1: not UTF-8 text: is this a binary file?`]);
  });

  it('refuses a 50 MB file without parsing it', async () => {
    const p = join(dir, 'huge.yaml');
    const fd = openSync(p, 'w');
    const chunk = Buffer.from('  - id: X\n    title: filler filler filler filler filler\n'.repeat(20_000));
    for (let written = 0; written < 50 * 1024 * 1024; written += chunk.length) writeSync(fd, chunk);
    closeSync(fd);
    const [message] = await refused(p);
    expect(message).toMatch(new RegExp(`^${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:1: file is too large \\(5\\d\\.\\d MB; a plan may be at most 20\\.0 MB\\)$`));
    expect(MAX_PLAN_BYTES).toBe(20 * 1024 * 1024);
  });

  it('says "file is empty" for an empty or whitespace-only file, never an empty plan', async () => {
    const p = join(dir, 'empty.yaml');
    writeFileSync(p, '');
    expect(await refused(p)).toEqual([`${p}:1:1: file is empty`]);
    writeFileSync(p, ' \n\t\n');
    expect(await refused(p)).toEqual([`${p}:1:1: file is empty`]);
  });

  it('reads again when it catches a file empty mid-write', async () => {
    const p = join(dir, 'half.yaml');
    writeFileSync(p, '');
    const pending = readPlanFile(p);
    setTimeout(() => writeFileSync(p, PLAN), 5);
    const r = await pending;
    expect(r.ok).toBe(true);
  });

  it('tolerates a byte-order mark and keeps it in the text (so saving is byte-identical)', async () => {
    const p = join(dir, 'bom.yaml');
    writeFileSync(p, '\uFEFF' + PLAN);
    const r = await readPlanFile(p);
    expect(r.ok).toBe(true);
    if (r.ok) expect(Buffer.from(r.plan.text, 'utf8').equals(readFileSync(p))).toBe(true);
  });

  it('names permission errors plainly (checked on the error itself, as root can read anything)', () => {
    const e = Object.assign(new Error('EACCES: permission denied, open'), { code: 'EACCES' });
    expect(describeFsError(e)).toBe('permission denied: cannot read the file');
  });

  it('refuses a device or pipe instead of reading forever', async () => {
    expect(await refused('/dev/zero')).toEqual(['/dev/zero:1:1: is a device, not a plan file: only regular files are plans']);
  });
});
