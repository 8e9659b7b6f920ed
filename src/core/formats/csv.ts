// RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. Each record
// keeps the line it starts on, so a bad file is reported as file:line:col.
import { ImportError } from './types.js';

export interface CsvRecord {
  line: number;
  fields: string[];
}

export function parseCsv(text: string, source: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let col = 1;
  let start = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let quoted = false;
  let wasQuoted = false;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '' && !wasQuoted)) records.push({ line: start, fields });
    fields = [];
    field = '';
    wasQuoted = false;
  };
  for (; i < text.length; i++, col++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
          col++;
        } else {
          quoted = false;
          const next = text[i + 1];
          if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r')
            throw new ImportError(`${source}:${line}:${col + 1}: a quoted CSV field must end at a comma or the end of the line`);
        }
      } else {
        if (c === '\n') {
          line++;
          col = 0;
        }
        field += c;
      }
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      wasQuoted = true;
      continue;
    }
    if (c === ',') {
      fields.push(field);
      field = '';
      wasQuoted = false;
      continue;
    }
    if (c === '\r' && text[i + 1] === '\n') continue;
    if (c === '\n' || c === '\r') {
      endRecord();
      line++;
      col = 0;
      start = line;
      continue;
    }
    field += c;
  }
  if (quoted) throw new ImportError(`${source}:${start}:1: a quoted CSV field is never closed`);
  if (field !== '' || fields.length || wasQuoted) endRecord();
  return records;
}

/** Header → column indexes; Jira repeats a header (`Labels`, `Sprint`) once per value. */
export function columns(header: string[]): (name: string) => number[] {
  const map = new Map<string, number[]>();
  header.forEach((h, i) => {
    const k = h.trim().toLowerCase();
    map.set(k, [...(map.get(k) ?? []), i]);
  });
  return (name) => map.get(name.toLowerCase()) ?? [];
}
