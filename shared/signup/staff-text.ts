/**
 * What staff read about one sign-up, the same on the staff page and in the CSV: its status ("Geplaatst
 * van wachtlijst": call them) and what to check (a possible double, an e-mail address with a likely typo).
 */
import { fill } from '../i18n/fill.ts';
import { werkplekStrings as w } from '../i18n/nl/werkplek.ts';
import type { CancelAnswer, StaffSignup } from './types.ts';

export function staffStatusText(s: Pick<StaffSignup, 'status' | 'position' | 'promotedAt'>): string {
  if (s.status === 'waiting') return fill(w['aanmeldingen.status.waitingAt'], { n: s.position ?? 0 });
  return s.promotedAt === undefined ? w['aanmeldingen.status.placed'] : w['aanmeldingen.status.promoted'];
}

/** "Zelfde telefoon/e-mail als Eva: misschien dubbel.", "3 aanmeldingen van hetzelfde netwerk.", "E-mailadres klopt misschien niet: …". */
export function staffChecks(s: Pick<StaffSignup, 'sameContactAs' | 'emailSuggestion' | 'sameNetwork'>): string[] {
  return [
    s.sameContactAs === undefined ? '' : fill(w['aanmeldingen.sameContact'], { name: s.sameContactAs }),
    s.sameNetwork === undefined ? '' : fill(w['aanmeldingen.sameNetwork'], { n: s.sameNetwork }),
    s.emailSuggestion === undefined ? '' : fill(w['aanmeldingen.emailTypo'], { suggestion: s.emailSuggestion }),
  ].filter(Boolean);
}

const peopleText = (n: number) => (n === 1 ? w['aanmeldingen.peopleOne'] : fill(w['aanmeldingen.peopleMany'], { n }));

/** "4 personen (3 aanmeldingen) op de wachtlijst": people count for places, sign-ups for calls. */
export function waitingLineText(people: number, signups: number): string {
  const count = signups === 1 ? w['aanmeldingen.signupsOne'] : fill(w['aanmeldingen.signupsMany'], { n: signups });
  return fill(w['aanmeldingen.waiting'], { people: peopleText(people), signups: count });
}

/** "Marieke is afgemeld. Els van de wachtlijst heeft nu een plek. … Wim (2 personen) past nog niet …" */
export function cancelNoticeText(name: string, answer: CancelAnswer): string {
  const names = new Intl.ListFormat('nl', { type: 'conjunction' }).format(answer.promotedNames);
  const first =
    answer.promoted === 0
      ? fill(w['aanmeldingen.cancelled'], { name })
      : fill(w[answer.promoted === 1 ? 'aanmeldingen.cancelledPromotedOne' : 'aanmeldingen.cancelledPromotedMany'], { name, names });
  const passed = answer.notFitting.map((p) => fill(w['aanmeldingen.notFitting'], { name: p.name, people: peopleText(p.people) }));
  return [first, ...passed].join(' ');
}
