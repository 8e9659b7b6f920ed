// Registers the CSV export (written in core/report/export-csv.ts) as a format.
import { exportCsv } from '../report/export-csv.js';
import type { Exporter } from './types.js';

export const csvExport: Exporter = { name: 'csv', description: 'one row per issue', patterns: ['*.csv'], write: exportCsv };
