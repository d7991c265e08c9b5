import type { VNode } from 'preact';
import { t } from './strings.ts';
import { mayOpen, type StaffPageId } from '../../../shared/staff-pages.ts';
import type { StaffSession } from '../../lib/staff-session.ts';
import { LoginForm } from './LoginForm.tsx';
import { NoAccess } from './NoAccess.tsx';
import { useStaffSession } from './useStaffSession.ts';

/** What a staff page gets once someone is logged in. */
export interface StaffAccess {
  session: StaffSession;
  /** The server refused the session: back to the login, with the reason. */
  onExpired: (reason: string) => void;
  onLogout: () => void;
}

/**
 * Every /medewerkers/ page's island starts here: the one login form, then the page itself, or
 * "Geen toegang" when the page (`page`) is not for this account's role.
 */
export function StaffGate({
  title = t('console.login.title'),
  page,
  children,
}: {
  title?: string;
  page?: StaffPageId;
  children: (access: StaffAccess) => VNode;
}) {
  const staff = useStaffSession();
  if (!staff.session) return <LoginForm title={title} error={staff.error} busy={staff.busy} onLogin={(n, p) => void staff.login(n, p)} />;
  if (page && !mayOpen(page, staff.session.role)) return <NoAccess session={staff.session} onLogout={() => void staff.logout()} />;
  return children({ session: staff.session, onExpired: staff.end, onLogout: () => void staff.logout() });
}
