/** Ages as people type them in a filter ("15", "12-18"), and whether a service or activity fits. Tiny and import-free: filter islands load it. */

/** An age filter: one age, or a band of ages (inclusive). */
export interface AgeRange {
  min: number;
  max: number;
}

/** A number of years as parents write it: "4", "3,5" (half years count as the year they are in). */
const YEARS = String.raw`(\d{1,3})(?:[.,]\d+)?`;
/** "jaar", "jr", "j", "jaar oud", "yr": words after an age that say nothing more. */
const UNIT = String.raw`(?:\s*(?:jaar|jaren|jr\.?|j\.?|yrs?|years?)(?:\s+oud)?)?`;
const SINGLE = new RegExp(`^${YEARS}${UNIT}$`);
const BAND = new RegExp(`^${YEARS}${UNIT}\\s*(?:-|–|tot(?:\\s+en\\s+met)?|t/m)\\s*${YEARS}${UNIT}$`);
/** A baby's age in months ("8 maanden", "18 mnd"): the year it is in. */
const MONTHS = /^(\d{1,3})\s*(?:maand|maanden|mnd\.?|mndn)(?:\s+oud)?$/;

/**
 * Reads an age filter as typed or shared: "15", "4 jaar", "4jr", "3,5", or a band "12-18" (also
 * "12–18", "12 tot 18", "12 t/m 18 jaar", "16-12" the wrong way round; a baby's "8 maanden"). Returns null when it is not an age.
 */
export function parseAge(text: string): AgeRange | null {
  const t = text.trim().toLowerCase();
  if (!t) return null;
  const months = MONTHS.exec(t);
  if (months) {
    const n = Math.floor(Number(months[1]) / 12);
    return n <= 120 ? { min: n, max: n } : null;
  }
  const single = SINGLE.exec(t);
  if (single) {
    const n = Number(single[1]);
    return n <= 120 ? { min: n, max: n } : null;
  }
  const band = BAND.exec(t);
  if (band) {
    const [min, max] = [Number(band[1]), Number(band[2])].sort((a, b) => a - b);
    return max <= 120 ? { min, max } : null;
  }
  return null;
}

/** Whether a service is for someone in the age range. A service without an age limit fits every age. */
export function ageOverlaps(service: { minimum_age?: number | undefined; maximum_age?: number | undefined }, range: AgeRange): boolean {
  return (service.minimum_age ?? 0) <= range.max && (service.maximum_age ?? Infinity) >= range.min;
}
