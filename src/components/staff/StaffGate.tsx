import type { VNode } from 'preact';
import { t } from './strings.ts';
import type { StaffSession } from '../../lib/staff-session.ts';
import { LoginForm } from './LoginForm.tsx';
import { useStaffSession } from './useStaffSession.ts';

/** What a staff page gets once someone is logged in. */
export interface StaffAccess {
  session: StaffSession;
  /** The server refused the session: back to the login, with the reason. */
  onExpired: (reason: string) => void;
  onLogout: () => void;
}

/** Every /medewerkers/ page's island starts here: the one login form, then the page itself. */
export function StaffGate({ title = t('console.login.title'), children }: { title?: string; children: (access: StaffAccess) => VNode }) {
  const staff = useStaffSession();
  if (!staff.session) return <LoginForm title={title} error={staff.error} busy={staff.busy} onLogin={(n, p) => void staff.login(n, p)} />;
  return children({ session: staff.session, onExpired: staff.end, onLogout: () => void staff.logout() });
}
