/** Ages as people type them in a filter ("15", "12-18"), and whether a service or activity fits. Tiny and import-free: filter islands load it. */

/** An age filter: one age, or a band of ages (inclusive). */
export interface AgeRange {
  min: number;
  max: number;
}

/**
 * Reads an age filter as typed or shared: "15", or a band "12-18" (also "12–18", "12 tot 18").
 * Returns null when it is not an age.
 */
export function parseAge(text: string): AgeRange | null {
  const t = text.trim();
  if (!t) return null;
  const single = /^(\d{1,3})$/.exec(t);
  if (single) {
    const n = Number(single[1]);
    return n <= 120 ? { min: n, max: n } : null;
  }
  const band = /^(\d{1,3})\s*(?:-|–|tot)\s*(\d{1,3})$/.exec(t);
  if (band) {
    const min = Number(band[1]);
    const max = Number(band[2]);
    return min <= max && max <= 120 ? { min, max } : null;
  }
  return null;
}

/** Whether a service is for someone in the age range. A service without an age limit fits every age. */
export function ageOverlaps(service: { minimum_age?: number | undefined; maximum_age?: number | undefined }, range: AgeRange): boolean {
  return (service.minimum_age ?? 0) <= range.max && (service.maximum_age ?? Infinity) >= range.min;
}
