// Registers the JSON export (written in core/report/export-json.ts) as a format.
import { exportJson } from '../report/export-json.js';
import type { Exporter } from './types.js';

export const jsonExport: Exporter = {
  name: 'json',
  description: 'the plan, its model and its schedule (re-import with planboard import)',
  patterns: ['*.json'],
  write: exportJson,
};
