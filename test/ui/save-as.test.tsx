// A plan that cannot be written: the edits stay in memory, the board says so, and W saves them to
// another path (a real temp dir) and carries on there. Root ignores file modes, so the failure is
// the file store's own NoWriteAccessError, injected at commit.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NoWriteAccessError } from '../../src/core/persist/file-store.js';
import { applyOps } from '../../src/core/plan/ops.js';
import { filePersistence, type Persistence } from '../../src/store/index.js';
import { resolveSavePath } from '../../src/store/save-as.js';
import { suggestSaveAs } from '../../src/store/prompt-items.js';
import { KEY, openOnDisk, PLAN, renderBoard, TODAY, until } from './helpers.js';

let dir = '';
let file = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pb-save-as-'));
  file = join(dir, 'plan.yaml');
  writeFileSync(file, PLAN);
});
afterEach(() => {
  cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const readOnly = (reason = 'the file is read-only'): Persistence => ({
  ...filePersistence,
  commit: async (path) => {
    throw new NoWriteAccessError(path, reason);
  },
});

const open = (persistence: Persistence) => openOnDisk(file, persistence);

/** Clears the prompt (Ctrl-u) and types a path. */
const typed = (path: string) => ['\u0015', ...path];

describe('a plan that cannot be written', () => {
  it('keeps the edits in memory and says so, with W offered in the header and the footer', async () => {
    const store = open(readOnly());
    const { press, frame } = await renderBoard({ store });
    store.getState().select('A-4');
    await press(' ', 's');
    await until(() => store.getState().writeBlocked !== null);
    expect(readFileSync(file, 'utf8')).toBe(PLAN);
    expect(store.getState().pending).toHaveLength(1);
    expect(store.getState().model.byId.get('A-4')?.done).toBe(true);
    const lines = frame().split('\n');
    expect(lines[0]).toContain('unsaved changes (1) · read-only: W save as');
    expect(lines.at(-2)).toMatch(/^W save as {2}/);
    expect(lines.at(-1)).toContain('cannot save (edits kept in memory; W saves them elsewhere): the file is read-only');
  });

  it('W writes base + pending to the new path, then the board works on that file', async () => {
    const store = open(readOnly());
    const { press, frame } = await renderBoard({ store });
    store.getState().select('A-4');
    await press(' ', 's');
    await until(() => store.getState().writeBlocked !== null);
    await press('W');
    expect(frame()).toContain(`save as (path): ${join(dir, 'plan.mine.yaml')}`);
    const target = join(dir, 'copy.yaml');
    await press(...typed(target), KEY.enter);
    await until(() => store.getState().file === target);
    const expected = applyOps(PLAN, [{ kind: 'tick', id: 'A-4', date: TODAY }]);
    expect(readFileSync(target, 'utf8')).toBe(expected);
    expect(readFileSync(file, 'utf8')).toBe(PLAN);
    const s = store.getState();
    expect([s.fileState, s.pending.length, s.writeBlocked, s.baseText, s.overlay]).toEqual(['saved', 0, null, expected, null]);
    expect(frame().split('\n')[0]).toContain('copy.yaml ✓ saved');
  });

  it('suggests the home folder when the plan’s folder is not writable, and resolves ~ and relative paths', () => {
    expect(suggestSaveAs('/srv/plans/team.yaml', 'the directory /srv/plans is not writable')).toBe('~/team.mine.yaml');
    expect(suggestSaveAs('/srv/plans/team.yml', 'the file is read-only')).toBe('/srv/plans/team.mine.yml');
    expect(resolveSavePath('~/x.yaml', '/cwd', '/home/me')).toBe('/home/me/x.yaml');
    expect(resolveSavePath('sub/x.yaml', '/cwd', '/home/me')).toBe('/cwd/sub/x.yaml');
    expect(resolveSavePath('  ', '/cwd', '/home/me')).toBeNull();
  });

  it('refuses to overwrite a different existing file until Enter is pressed again on the same path', async () => {
    const store = open(readOnly());
    const other = join(dir, 'other.yaml');
    writeFileSync(other, 'someone else\n');
    const { press, frame } = await renderBoard({ store });
    store.getState().select('A-3');
    await press(']', 'W', ...typed(other), KEY.enter);
    await until(() => frame().includes('a different file is there'));
    expect(readFileSync(other, 'utf8')).toBe('someone else\n');
    expect(store.getState().file).toBe(file);
    await press(KEY.enter);
    await until(() => store.getState().file === other);
    expect(readFileSync(other, 'utf8')).toBe(applyOps(PLAN, [{ kind: 'move-lane', id: 'A-3', lane: 'cy' }]));
  });

  it('Esc after the warning writes nothing and keeps the edits; a directory as the target is refused with a reason', async () => {
    const store = open(readOnly());
    const other = join(dir, 'other.yaml');
    writeFileSync(other, 'someone else\n');
    const { press, frame } = await renderBoard({ store });
    store.getState().select('A-3');
    await press(']', 'W', ...typed(other), KEY.enter);
    await until(() => frame().includes('a different file is there'));
    await press(KEY.escape);
    expect(readFileSync(other, 'utf8')).toBe('someone else\n');
    expect(store.getState().pending).toHaveLength(1);
    mkdirSync(join(dir, 'sub'));
    await press('W', ...typed(join(dir, 'sub')), KEY.enter);
    await until(() => /not saved: cannot save to \S*\/sub: it is/.test(frame())); // the reason is cut at the frame's edge
    expect(store.getState().file).toBe(file);
    expect(store.getState().pending).toHaveLength(1);
  });

  it('the quit question offers W when the plan cannot be written, and W there opens the path prompt', async () => {
    const store = open(readOnly());
    const { press, frame } = await renderBoard({ store });
    store.getState().select('A-4');
    await press(' ', 's');
    await until(() => store.getState().writeBlocked !== null);
    await press('q');
    expect(frame()).toContain('W  save them to another path (this one cannot be written: the file is read-only)');
    await press('W');
    expect(store.getState().overlay).toMatchObject({ kind: 'prompt', purpose: 'save-as' });
    const target = join(dir, 'kept.yaml');
    await press(...typed(target), KEY.enter);
    await until(() => store.getState().file === target);
    await press('q');
    expect(store.getState().quit).toBe(true);
  });

  it('after saving elsewhere, the next save commits to the new file', async () => {
    const onlyOriginalRefused: Persistence = {
      ...filePersistence,
      commit: async (path, ops, opts) => {
        if (path === file) throw new NoWriteAccessError(path, 'the file is read-only');
        return filePersistence.commit(path, ops, opts);
      },
    };
    const store = open(onlyOriginalRefused);
    store.getState().select('A-4');
    store.getState().toggleDone();
    await store.getState().save();
    expect(store.getState().writeBlocked).not.toBeNull();
    const target = join(dir, 'mine.yaml');
    expect(await store.getState().saveAs(target)).toBe('saved');
    store.getState().select('A-3');
    store.getState().shiftLane(1);
    await store.getState().save();
    expect(store.getState().fileState).toBe('saved');
    expect(readFileSync(target, 'utf8')).toBe(
      applyOps(PLAN, [
        { kind: 'tick', id: 'A-4', date: TODAY },
        { kind: 'move-lane', id: 'A-3', lane: 'cy' },
      ]),
    );
    expect(readFileSync(file, 'utf8')).toBe(PLAN);
  });
});
