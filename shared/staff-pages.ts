/**
 * The staff pages and who may use each: the one list for the staff header's navigation, for the
 * "Geen toegang" answer of a page (with links to what the account can use), and in step with the
 * roles the server checks (CHAT_ROLES for the chat and the questions, supervisors for the figures,
 * the activities role and supervisors for the sign-ups).
 */
import { CHAT_ROLES, type StaffRole } from './protocol/limits.ts';
import { SIGNUP_READER_ROLES, STAFF_SIGNUPS_PAGE } from './signup/limits.ts';
import { STAFF_PAGE } from './vraag/limits.ts';

export type StaffPageId = 'chat' | 'vragen' | 'statistiek' | 'aanmeldingen';

export interface StaffPage {
  id: StaffPageId;
  href: string;
  /** Dictionary key of its name in the header. */
  label: 'staff.nav.chat' | 'staff.nav.vragen' | 'staff.nav.statistiek' | 'staff.nav.aanmeldingen';
  roles: readonly StaffRole[];
}

export const STAFF_PAGES: readonly StaffPage[] = [
  { id: 'chat', href: '/medewerkers/chat/', label: 'staff.nav.chat', roles: CHAT_ROLES },
  { id: 'vragen', href: STAFF_PAGE, label: 'staff.nav.vragen', roles: CHAT_ROLES },
  { id: 'statistiek', href: '/medewerkers/statistiek/', label: 'staff.nav.statistiek', roles: ['supervisor'] },
  { id: 'aanmeldingen', href: STAFF_SIGNUPS_PAGE, label: 'staff.nav.aanmeldingen', roles: SIGNUP_READER_ROLES },
];

/** May an account with this role use the page? (Unknown roles may use nothing.) */
export function mayOpen(page: StaffPageId, role: string | undefined): boolean {
  return role !== undefined && STAFF_PAGES.some((p) => p.id === page && (p.roles as readonly string[]).includes(role));
}

/** The pages an account with this role can use, in header order. */
export function staffPagesFor(role: string | undefined): StaffPage[] {
  return STAFF_PAGES.filter((p) => mayOpen(p.id, role));
}
