// Every export format, in one list. A new exporter is one module and one line here.
import { csvExport } from './export-csv.js';
import { jsonExport } from './export-json.js';
import { mermaidExport } from './export-mermaid.js';
import { tjpExport } from './export-tjp.js';
import type { Exporter } from './types.js';

export const EXPORTERS: readonly Exporter[] = [jsonExport, csvExport, mermaidExport, tjpExport];

export const exporterNamed = (name: string): Exporter | undefined => EXPORTERS.find((f) => f.name === name);
