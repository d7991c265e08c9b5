/**
 * A counsellor's or supervisor's login in the browser: the token from the login endpoint, kept in
 * this tab's sessionStorage (gone when the tab closes), shared by every /medewerkers/ page so one
 * login serves the console and the figures.
 */
import { LOGIN_PATH, LOGOUT_PATH, type StaffRole } from '../../shared/protocol/limits.ts';
import type { LoginResponse } from '../../shared/protocol/events.ts';

export const STAFF_SESSION_KEY = 'cjg-medewerker-sessie';

export interface StaffSession {
  token: string;
  name: string;
  role?: StaffRole;
}

/** Said on `window` when this tab logs in or out, for the islands of the same page that follow the login. */
export const STAFF_SESSION_EVENT = 'cjg-staff-session';

function announce(): void {
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(STAFF_SESSION_EVENT));
}

export function readStaffSession(): StaffSession | null {
  try {
    const raw = sessionStorage.getItem(STAFF_SESSION_KEY);
    return raw ? (JSON.parse(raw) as StaffSession) : null;
  } catch {
    return null;
  }
}

export function saveStaffSession(session: StaffSession): void {
  try {
    sessionStorage.setItem(STAFF_SESSION_KEY, JSON.stringify(session));
  } catch {
    // Works without storage; a reload then asks to log in again.
  }
  announce();
}

export function clearStaffSession(): void {
  try {
    sessionStorage.removeItem(STAFF_SESSION_KEY);
  } catch {
    // Nothing stored.
  }
  announce();
}

/** Retries when the server only said "a check is running right now" (no password was checked). */
const BUSY_RETRIES = 5;

/**
 * Logs in; the server's Dutch error comes back as `error`. Network trouble throws. `base` is empty in
 * the browser (same origin); benchmarks and tests pass the server's URL.
 */
export async function staffLogin(name: string, password: string, base = ''): Promise<LoginResponse> {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${base}${LOGIN_PATH}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name, password }),
      credentials: 'omit',
      cache: 'no-store',
    });
    const body = (await res.json()) as LoginResponse;
    if (body.ok || body.code !== 'login_busy' || attempt >= BUSY_RETRIES) return body;
    await new Promise((resolve) => setTimeout(resolve, body.retryAfterMs ?? 1000));
  }
}

export async function staffLogout(token: string): Promise<void> {
  await fetch(LOGOUT_PATH, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ token }),
    credentials: 'omit',
  }).catch(() => undefined);
}
