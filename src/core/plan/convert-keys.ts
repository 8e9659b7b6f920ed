// What both reads (yaml's Document in load-convert.ts, js-yaml's events in fast-convert.ts) need
// to agree on, kept apart from either parser so the fast read never loads yaml.

/** Keys whose values are ids (or lists of ids): a number there is read as its source text. */
export const ID_KEYS: ReadonlySet<string> = new Set([
  'id',
  'depends_on',
  'blocks',
  'requires',
  'group',
  'parent',
  'epic',
  'milestone',
  'lane',
  'critical',
  'critical_path',
  'continuous',
  'issues',
  // Not ids, but text that people write as numbers: `version: 1.10`, `sprint: 3`, `name: 3`.
  'version',
  'sprint',
  'name',
]);
/** `assign: { lane: [ids] }`, `rhythm: { sprint: [ids] }`: every value of this map is a list of ids. */
export const ID_MAP_KEYS: ReadonlySet<string> = new Set(['assign', 'rhythm']);

/** A plan nests about six levels deep; anything past this is not a plan. */
export const MAX_DEPTH = 64;

/** How a value is read: as written, as an id (numbers as their text), or as a map of id lists. */
export type Mode = 'plain' | 'id' | 'idmap';
