// The roadmap reader's line stream. Markdown (markdown-lines.ts, a real parser) and
// reStructuredText (here) both become lines in Markdown-like notation (headings with a level,
// `- ` bullets, `| a | b |` tables, `**Key**: value` fields), so one reader places their content.

/** A line that starts a list item. */
export interface ListItem {
  /** true / false for a task item (`- [x]` / `- [ ]`), null for a plain bullet. */
  checked: boolean | null;
  /** 0 for a top-level list, 1 inside it, ... */
  depth: number;
  /** The item's first line, without the marker and the box. */
  text: string;
  /** The rest of its first paragraph, one entry per line. */
  more: string[];
}

export interface SourceLine {
  /** 1-based line in the original file. */
  line: number;
  kind: 'heading' | 'text' | 'code';
  level: number;
  text: string;
  item?: ListItem;
  /** A continuation line of a list item's paragraph. */
  cont?: boolean;
  /** Inside an HTML block (comments included): never plan content. */
  html?: boolean;
}

export type RoadmapFormat = 'markdown' | 'rst';

const RST_ADORNMENT = /^([=\-~^"'`#*+:._])\1{2,}\s*$/;

/** reStructuredText when it has RST headings or directives and no Markdown headings. */
export function detectFormat(text: string): RoadmapFormat {
  const lines = text.split(/\r?\n/);
  let md = 0;
  let rst = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (/^#{1,6}\s+\S/.test(l)) md += 2;
    if (/^\s*[-*]\s+\[[ xX]\]\s/.test(l)) md += 1;
    if (/^\.\. [a-z-]+::/.test(l)) rst += 2;
    if (/\\ :/.test(l)) rst += 1;
    if (i > 0 && RST_ADORNMENT.test(l) && lines[i - 1].trim() && !RST_ADORNMENT.test(lines[i - 1]) && /^[=~^]/.test(l)) rst += 2;
  }
  return rst > md ? 'rst' : 'markdown';
}

/** Inline RST → Markdown-ish: escaped spaces, literals, links, bullets. */
function rstInline(s: string): string {
  return s
    .replace(/\\ /g, '')
    .replace(/``([^`]+)``/g, '`$1`')
    .replace(/`([^`<]+?)\s*<([^>]+)>`__?/g, '$1 ($2)')
    .replace(/^(\s*)\*\s+/, '$1- ')
    .replace(/^(\s*)#\.\s+/, '$11. ');
}

export function rstLines(text: string): SourceLine[] {
  return annotateBullets(rstBlocks(text));
}

/** RST has no task lists; its bullets (rewritten to `- `) and their wrapped lines are marked here. */
function annotateBullets(lines: SourceLine[]): SourceLine[] {
  let open: { item: { more: string[] }; indent: number } | null = null;
  for (const l of lines) {
    if (l.kind !== 'text') {
      open = null;
      continue;
    }
    const b = /^(\s*)[-*+]\s+(?:\[([ xX])\]\s+)?(.*)$/.exec(l.text);
    if (b) {
      l.item = { checked: b[2] === undefined ? null : b[2] !== ' ', depth: Math.floor(b[1].length / 2), text: b[3].trim(), more: [] };
      open = { item: l.item, indent: b[1].length + 2 };
      continue;
    }
    if (!l.text.trim()) {
      open = null;
      continue;
    }
    const indent = /^\s*/.exec(l.text)![0].length;
    if (open && indent >= open.indent) {
      l.cont = true;
      open.item.more.push(l.text.trim());
    } else open = null;
  }
  return lines;
}

function rstBlocks(text: string): SourceLine[] {
  const lines = text.split(/\r?\n/);
  const out: SourceLine[] = [];
  const styles: string[] = [];
  const levelOf = (style: string) => {
    if (!styles.includes(style)) styles.push(style);
    return styles.indexOf(style) + 1;
  };
  let i = 0;
  while (i < lines.length) {
    const raw = lines[i];
    const next = lines[i + 1] ?? '';
    // Over- and underlined title.
    if (RST_ADORNMENT.test(raw) && lines[i + 1]?.trim() && RST_ADORNMENT.test(lines[i + 2] ?? '') && raw[0] === lines[i + 2][0]) {
      out.push({ line: i + 2, kind: 'heading', level: levelOf(raw[0] + 'o'), text: rstInline(lines[i + 1].trim()) });
      i += 3;
      continue;
    }
    if (raw.trim() && !/^\s/.test(raw) && !RST_ADORNMENT.test(raw) && RST_ADORNMENT.test(next)) {
      out.push({ line: i + 1, kind: 'heading', level: levelOf(next[0]), text: rstInline(raw.trim()) });
      i += 2;
      continue;
    }
    const directive = /^\.\.\s+([a-z-]+)::\s*(.*)$/.exec(raw);
    if (directive) {
      const start = i;
      i++;
      const body: { line: number; text: string }[] = [];
      while (i < lines.length && (lines[i].trim() === '' || /^\s/.test(lines[i]))) {
        body.push({ line: i + 1, text: lines[i] });
        i++;
      }
      while (body.length && !body[body.length - 1].text.trim()) body.pop();
      if (directive[1] === 'list-table') out.push(...listTable(body));
      else {
        out.push({ line: start + 1, kind: 'code', level: 0, text: raw });
        for (const b of body) out.push({ line: b.line, kind: 'code', level: 0, text: b.text });
      }
      continue;
    }
    out.push({ line: i + 1, kind: 'text', level: 0, text: rstInline(raw.trimEnd()) });
    i++;
  }
  return out;
}

/** `.. list-table::` rows (`* - a` / `  - b`) → `| a | b |` lines, header first. */
function listTable(body: { line: number; text: string }[]): SourceLine[] {
  const rows: { line: number; cells: string[] }[] = [];
  let headerRows = 0;
  for (const b of body) {
    const opt = /^\s+:header-rows:\s*(\d+)/.exec(b.text);
    if (opt) headerRows = +opt[1];
    const row = /^\s+\*\s+-\s+(.*)$/.exec(b.text);
    const cell = /^\s+-\s+(.*)$/.exec(b.text);
    if (row) rows.push({ line: b.line, cells: [row[1]] });
    else if (cell && rows.length) rows[rows.length - 1].cells.push(cell[1]);
  }
  const out: SourceLine[] = [];
  rows.forEach((r, k) => {
    out.push({ line: r.line, kind: 'text', level: 0, text: `| ${r.cells.map(rstInline).join(' | ')} |` });
    if (k === headerRows - 1) out.push({ line: r.line, kind: 'text', level: 0, text: `|${r.cells.map(() => '---').join('|')}|` });
  });
  return out;
}
