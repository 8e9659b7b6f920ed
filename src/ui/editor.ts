// $EDITOR without a shell: the variable is split into words here (quotes and backslashes
// honoured, nothing expanded), and the file is passed as its own argument, so neither a path
// with spaces nor anything in the plan can run as a command.
import { spawnSync } from 'node:child_process';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';

/** Splits a command line into words like a shell would, without expansion of any kind. */
export function splitCommand(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote === "'") {
      if (ch === "'") quote = null;
      else word += ch;
    } else if (quote === '"') {
      if (ch === '"') quote = null;
      else if (ch === '\\' && i + 1 < text.length && '"\\$`'.includes(text[i + 1])) word += text[++i];
      else word += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (quote) throw new Error(`unbalanced ${quote} in $EDITOR`);
  if (inWord) words.push(word);
  return words;
}

/** The editor command: $VISUAL, then $EDITOR, then vi. */
export function editorCommand(env: NodeJS.ProcessEnv = process.env): string[] {
  const words = splitCommand(env.VISUAL || env.EDITOR || 'vi');
  if (words.length === 0) throw new Error('$EDITOR is empty');
  return words;
}

/** Runs the editor on `file` at `line`, inheriting the terminal; returns its exit status. */
export function runEditor(file: string, line: number, env: NodeJS.ProcessEnv = process.env): number {
  const [cmd, ...args] = editorCommand(env);
  const r = spawnSync(cmd, [...args, `+${line}`, file], { stdio: 'inherit', shell: false });
  if (r.error) throw new Error(`cannot start ${cmd}: ${r.error.message}`);
  return r.status ?? 1;
}

/** 1-based line where the issue with `id` starts in the plan text; 1 when not found. */
export function issueLine(text: string, id: string): number {
  const doc = parseDocument(text, { keepSourceTokens: false });
  const issues = doc.get('issues', true);
  if (!isSeq(issues)) return 1;
  for (const item of issues.items) {
    if (!isMap(item)) continue;
    const idNode = item.get('id', true);
    if (isScalar(idNode) && String(idNode.value) === id && idNode.range) {
      // Count lines up to the id's offset: cheap, and independent of how the parser was set up.
      let line = 1;
      for (let i = 0; i < idNode.range[0]; i++) if (text.charCodeAt(i) === 10) line++;
      return line;
    }
  }
  return 1;
}
