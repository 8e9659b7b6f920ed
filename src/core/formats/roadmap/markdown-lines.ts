// Markdown → the roadmap reader's line stream, through a real CommonMark + GFM parser
// (micromark / mdast). The parser decides what is a heading (ATX or setext), a code block,
// a list item and whether it is a task with its done state; the lines keep their raw text.
// This module is loaded only by `planboard import` (see ../markdown.ts).
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Nodes, Parents } from 'mdast';
import type { SourceLine } from './lines.js';

export function markdownLines(text: string): SourceLine[] {
  const raw = text.split(/\r?\n/);
  const out: SourceLine[] = raw.map((t, i) => ({ line: i + 1, kind: 'text', level: 0, text: t.trimEnd() }));
  const tree = fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const slice = (from?: number, to?: number) => (from === undefined || to === undefined ? '' : text.slice(from, to));
  const at = (n: Nodes) => n.position!.start.line - 1;
  const end = (n: Nodes) => n.position!.end.line - 1;

  const walk = (node: Nodes, listDepth: number) => {
    switch (node.type) {
      case 'heading': {
        const first = node.children[0];
        const last = node.children[node.children.length - 1];
        const content = first && last ? slice(first.position?.start.offset, last.position?.end.offset).replace(/\s*\n\s*/g, ' ') : '';
        for (let l = at(node); l <= end(node); l++) out[l] = { ...out[l], kind: 'code', text: '' };
        if (content.trim()) out[at(node)] = { line: at(node) + 1, kind: 'heading', level: node.depth, text: content.trim() };
        return;
      }
      case 'code':
        for (let l = at(node); l <= end(node); l++) out[l].kind = 'code';
        return;
      case 'html':
        for (let l = at(node); l <= end(node); l++) out[l].html = true;
        return;
      case 'listItem': {
        const para = node.children[0]?.type === 'paragraph' ? node.children[0] : undefined;
        const body = para ? slice(para.position?.start.offset, para.position?.end.offset) : '';
        const [head, ...rest] = body.replace(/^\s*\[[ xX]\]\s+/, '').split(/\r?\n/);
        out[at(node)].item = { checked: node.checked ?? null, depth: listDepth, text: head.trim(), more: rest.map((r) => r.trim()).filter(Boolean) };
        if (para) for (let l = at(para) + 1; l <= end(para); l++) out[l].cont = true;
        break;
      }
    }
    if ('children' in node) {
      const next = node.type === 'list' ? listDepth + 1 : listDepth;
      for (const c of (node as Parents).children) walk(c as Nodes, next);
    }
  };
  walk(tree, -1);
  return out;
}
