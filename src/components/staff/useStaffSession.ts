import { useLayoutEffect, useState } from 'preact/hooks';
import { t } from './strings.ts';
import { clearStaffSession, readStaffSession, saveStaffSession, staffLogin, staffLogout, type StaffSession } from '../../lib/staff-session.ts';

/** Where focus goes once the login form is replaced: a page's marked start (data-login-focus), else its main part. */
function focusAfterLogin(): void {
  // After the page has rendered (Preact renders in a microtask; a task comes after it).
  setTimeout(() => (document.querySelector<HTMLElement>('[data-login-focus]') ?? document.getElementById('inhoud'))?.focus(), 0);
}

/**
 * The login of every /medewerkers/ page: one token in this tab's sessionStorage, so logging in on
 * the console also opens the figures. `end` is for an expired or refused session, with a reason.
 */
export function useStaffSession() {
  // Read after hydration, not during it: the build rendered the login form, and hydrating that HTML as the
  // logged-in page left the form behind under it. A layout effect runs before the first paint, so no flash.
  const [session, setSession] = useState<StaffSession | null>(null);
  useLayoutEffect(() => setSession(readStaffSession()), []);
  // The staff header lists only the pages this role can use (staff.css reads the attribute).
  useLayoutEffect(() => {
    if (session) document.documentElement.dataset['staffRole'] = session.role;
    else delete document.documentElement.dataset['staffRole'];
  }, [session]);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const login = async (name: string, password: string) => {
    if (!name.trim() || !password) {
      setError(t('console.login.missing'));
      return;
    }
    setBusy(true);
    setError('');
    try {
      const body = await staffLogin(name.trim(), password);
      if (!body.ok) {
        setError(body.error);
        return;
      }
      const next: StaffSession = { token: body.token, name: body.name, role: body.role };
      saveStaffSession(next);
      setSession(next);
      focusAfterLogin();
    } catch {
      setError(t('console.login.failed'));
    } finally {
      setBusy(false);
    }
  };

  const end = (reason = '') => {
    clearStaffSession();
    setSession(null);
    setError(reason);
  };

  const logout = async () => {
    const token = session?.token;
    end();
    if (token) await staffLogout(token);
  };

  return { session, error, busy, login, logout, end };
}
