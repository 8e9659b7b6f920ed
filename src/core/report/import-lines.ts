// The importer's two front-ends. Markdown and reStructuredText both become one stream of
// lines in Markdown-like notation (headings with a level, `- ` bullets, `| a | b |` tables,
// `**Key**: value` fields), so a single reader places their content.

export interface SourceLine {
  /** 1-based line in the original file. */
  line: number;
  kind: 'heading' | 'text' | 'code';
  level: number;
  text: string;
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

export function toLines(text: string, format: RoadmapFormat = detectFormat(text)): SourceLine[] {
  return format === 'rst' ? rstLines(text) : markdownLines(text);
}

export function markdownLines(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  let fence: string | null = null;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const f = /^\s*(```|~~~)/.exec(raw);
    if (f) {
      fence = fence ? null : f[1];
      out.push({ line, kind: 'code', level: 0, text: raw });
      return;
    }
    if (fence) return void out.push({ line, kind: 'code', level: 0, text: raw });
    const h = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(raw);
    if (h) return void out.push({ line, kind: 'heading', level: h[1].length, text: h[2] });
    out.push({ line, kind: 'text', level: 0, text: raw.replace(/\s+$/, '') });
  });
  return out;
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
    out.push({ line: i + 1, kind: 'text', level: 0, text: rstInline(raw.replace(/\s+$/, '')) });
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
