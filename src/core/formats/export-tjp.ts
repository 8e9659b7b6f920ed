// Registers the TaskJuggler export (written in core/report/export-tjp.ts) as a format.
import { exportTjp } from '../report/export-tjp.js';
import type { Exporter } from './types.js';

export const tjpExport: Exporter = { name: 'tjp', description: 'a TaskJuggler 3 project', patterns: ['*.tjp'], write: exportTjp };
