/**
 * What staff read about one sign-up, the same on the staff page and in the CSV: its status ("Geplaatst
 * van wachtlijst": call them) and what to check (a possible double, an e-mail address with a likely typo).
 */
import { fill } from '../i18n/fill.ts';
import { werkplekStrings as w } from '../i18n/nl/werkplek.ts';
import type { StaffSignup } from './types.ts';

export function staffStatusText(s: Pick<StaffSignup, 'status' | 'position' | 'promotedAt'>): string {
  if (s.status === 'waiting') return fill(w['aanmeldingen.status.waitingAt'], { n: s.position ?? 0 });
  return s.promotedAt === undefined ? w['aanmeldingen.status.placed'] : w['aanmeldingen.status.promoted'];
}

/** "Zelfde telefoon/e-mail als Eva: misschien dubbel.", "E-mailadres klopt misschien niet: …": none, one or both. */
export function staffChecks(s: Pick<StaffSignup, 'sameContactAs' | 'emailSuggestion'>): string[] {
  return [
    s.sameContactAs === undefined ? '' : fill(w['aanmeldingen.sameContact'], { name: s.sameContactAs }),
    s.emailSuggestion === undefined ? '' : fill(w['aanmeldingen.emailTypo'], { suggestion: s.emailSuggestion }),
  ].filter(Boolean);
}
