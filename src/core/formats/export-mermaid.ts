// Registers the Mermaid gantt export (written in core/report/export-mermaid.ts) as a format.
import { exportMermaid } from '../report/export-mermaid.js';
import type { Exporter } from './types.js';

export const mermaidExport: Exporter = { name: 'mermaid', description: 'a gantt block', patterns: ['*.mmd', '*.mermaid'], write: exportMermaid };
