// How every command turns a plan's text into a checked plan: through the cache of parsed plans
// (core/persist/plan-cache.ts) under this version's name; PLANBOARD_NO_CACHE=1 reads without it.
import { loadPlanTextCached } from '../core/persist/plan-cache.js';
import { VERSION } from './version.js';

export const readPlanText = (text: string, file: string) => loadPlanTextCached(text, file, VERSION);
