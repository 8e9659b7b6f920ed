import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { editorCommand, issueLine, runEditor, splitCommand } from '../../src/ui/editor.js';
import { PLAN } from './board-fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'pb editor '));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('$EDITOR is split into words, never given to a shell', () => {
  it('splits on spaces and honours quotes and backslashes', () => {
    expect(splitCommand('vim')).toEqual(['vim']);
    expect(splitCommand('code --wait')).toEqual(['code', '--wait']);
    expect(splitCommand(`'/opt/my editor/bin/ed' -n "two words" a\\ b`)).toEqual(['/opt/my editor/bin/ed', '-n', 'two words', 'a b']);
  });
  it('expands nothing: $VARS, backticks, ; and | stay literal words', () => {
    expect(splitCommand('ed $HOME `id` ; rm -rf x | y')).toEqual(['ed', '$HOME', '`id`', ';', 'rm', '-rf', 'x', '|', 'y']);
  });
  it('refuses an unbalanced quote', () => {
    expect(() => splitCommand(`'vim`)).toThrow(/unbalanced/);
  });
  it('prefers $VISUAL, then $EDITOR, then vi', () => {
    expect(editorCommand({ VISUAL: 'nano', EDITOR: 'vim' })).toEqual(['nano']);
    expect(editorCommand({ EDITOR: 'vim -p' })).toEqual(['vim', '-p']);
    expect(editorCommand({})).toEqual(['vi']);
  });
  it('passes +LINE and a path with spaces and shell characters as plain arguments', () => {
    const script = join(dir, 'fake editor.sh');
    const log = join(dir, 'args.txt');
    writeFileSync(script, `#!/bin/sh\nfor a in "$@"; do echo "[$a]"; done > '${log}'\n`);
    chmodSync(script, 0o755);
    const plan = join(dir, 'my plan; $(touch pwned).yaml');
    writeFileSync(plan, PLAN);
    expect(runEditor(plan, 42, { EDITOR: `'${script}' --flag` })).toBe(0);
    expect(readFileSync(log, 'utf8')).toBe(`[--flag]\n[+42]\n[${plan}]\n`);
    for (const where of [dir, process.cwd()]) expect(() => readFileSync(join(where, 'pwned'))).toThrow();
  });
  it('says so when the editor cannot be started', () => {
    expect(() => runEditor('x.yaml', 1, { EDITOR: join(dir, 'no-such-editor') })).toThrow(/cannot start/);
  });
});

describe('issueLine', () => {
  it('finds the line of an issue’s id in the plan text', () => {
    const line = issueLine(PLAN, 'A-3');
    expect(PLAN.split('\n')[line - 1]).toBe('  - id: A-3');
    expect(issueLine(PLAN, 'nope')).toBe(1);
  });
});
