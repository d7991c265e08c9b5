import type { ChatStore } from '../store/types.ts';
import { accountVersion, type Account, type AccountBook } from './account-file.ts';

/**
 * The account behind a login session, if the session is still good: not expired, and made for the
 * account as it is now (same role and password). Checked on every socket connection, every staff
 * event and every staff-only HTTP request, so a removed, re-added, re-keyed or demoted account has
 * no way back in through an old token.
 */
export async function currentStaff(store: ChatStore, accounts: AccountBook, tokenHash: string, now: number): Promise<Account | null> {
  const session = await store.getStaffSession(tokenHash, now);
  if (!session) return null;
  const account = accounts.get(session.counsellorKey);
  return account && accountVersion(account) === session.accountVersion ? account : null;
}
