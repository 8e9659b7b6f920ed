// Dates, durations and priorities as people write them in roadmaps (English and French),
// turned into the plan format's own notation.

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, janvier: 1, janv: 1,
  feb: 2, february: 2, fevrier: 2, février: 2, fev: 2, fév: 2, févr: 2,
  mar: 3, march: 3, mars: 3,
  apr: 4, april: 4, avril: 4, avr: 4,
  may: 5, mai: 5,
  jun: 6, june: 6, juin: 6,
  jul: 7, july: 7, juillet: 7, juil: 7,
  aug: 8, august: 8, aout: 8, août: 8,
  sep: 9, sept: 9, september: 9, septembre: 9,
  oct: 10, october: 10, octobre: 10,
  nov: 11, november: 11, novembre: 11,
  dec: 12, december: 12, decembre: 12, décembre: 12, déc: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

/** A real calendar date (rejects Feb 30). */
export function isoDate(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1) return undefined;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

const month = (word: string) => MONTHS[word.toLowerCase().replace(/\.$/, '')];

const MONTH_WORD = '([A-Za-zéûÉ]+\\.?)';

/** First date in the text: `2026-02-10`, `03/01/2026` (day first), `31 Mars 2026`, `March 31, 2026`. */
export function findDate(text: string): string | undefined {
  let m = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (m) return isoDate(+m[1], +m[2], +m[3]);
  m = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/.exec(text);
  if (m) return isoDate(+m[3], +m[2], +m[1]);
  m = new RegExp(`\\b(\\d{1,2})(?:er)?\\s+${MONTH_WORD}\\s+(\\d{4})\\b`).exec(text);
  if (m && month(m[2])) return isoDate(+m[3], month(m[2]), +m[1]);
  m = new RegExp(`\\b${MONTH_WORD}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`).exec(text);
  if (m && month(m[1])) return isoDate(+m[3], month(m[1]), +m[2]);
  return undefined;
}

/**
 * A date range such as `Oct 27 – Nov 7, 2025`, `Dec 22, 2025 – Jan 2, 2026` or
 * `December 22, 2025 – January 2, 2026`. The year may be given only at the end.
 */
export function findDateRange(text: string): { from: string; to: string } | undefined {
  const side = `${MONTH_WORD}\\s+(\\d{1,2})(?:,?\\s+(\\d{4}))?`;
  const m = new RegExp(`${side}\\s*[–—-]\\s*${side}`).exec(text);
  if (!m || !month(m[1]) || !month(m[4]) || !m[6]) return undefined;
  const toYear = +m[6];
  const fromYear = m[3] ? +m[3] : month(m[1]) > month(m[4]) ? toYear - 1 : toYear;
  const from = isoDate(fromYear, month(m[1]), +m[2]);
  const to = isoDate(toYear, month(m[4]), +m[5]);
  return from && to ? { from, to } : undefined;
}

const UNIT: Record<string, 'd' | 'w' | 'h'> = {
  j: 'd', jour: 'd', jours: 'd', d: 'd', day: 'd', days: 'd',
  w: 'w', week: 'w', weeks: 'w', semaine: 'w', semaines: 'w', sem: 'w', 'sem.': 'w',
  h: 'h', hour: 'h', hours: 'h', heure: 'h', heures: 'h',
};

/** `3-5 jours` → `3-5d`, `2-4 semaines` → `2-4w`, `1.5j` → `1.5d`, `~15 jours` → `15d`. */
export function findDuration(text: string): string | undefined {
  const m = /(\d+(?:[.,]\d+)?)(?:\s*[-–]\s*(\d+(?:[.,]\d+)?))?\s*(jours?|j|days?|d|weeks?|w|semaines?|sem\.?|hours?|heures?|h)(?![A-Za-zÀ-ÿ])/i.exec(text);
  if (!m) return undefined;
  const unit = UNIT[m[3].toLowerCase()];
  const n = (s: string) => s.replace(',', '.');
  return m[2] ? `${n(m[1])}-${n(m[2])}${unit}` : `${n(m[1])}${unit}`;
}

/** Priority words and colour emoji → the default priority scale. */
export function findPriority(text: string): string | undefined {
  const t = text.toLowerCase();
  if (/critical|critique|urgent|🔴/.test(t)) return 'critical';
  if (/high|haute|élevée|elevee|🟡|🟠/.test(t)) return 'high';
  if (/medium|moyenne|normal|🟢/.test(t)) return 'medium';
  if (/low|basse|faible|🔵|⚪/.test(t)) return 'low';
  return undefined;
}

/** Drops emoji and pictographs so titles and ids read plainly. */
export function stripEmoji(text: string): string {
  return text
    .replace(/\p{Extended_Pictographic}|\u{FE0F}|\u{200D}|\u{20E3}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `Phase 2.6 - Cilium Foundation` → `phase-2-6-cilium-foundation`. */
export function slug(text: string): string {
  return (
    stripEmoji(text)
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48)
      .replace(/-+$/, '') || 'section'
  );
}
