import { t } from './strings.ts';
import { staffPagesFor } from '../../../shared/staff-pages.ts';
import type { StaffSession } from '../../lib/staff-session.ts';
import { AccountBar } from './AccountBar.tsx';

/**
 * A logged-in account on a page its role does not open: said plainly, with links to the pages it can
 * use. The login stays; a session that "expired" here would send the person round in a loop.
 */
export function NoAccess({ session, onLogout, text = t('staff.noAccess.text') }: { session: StaffSession; onLogout: () => void; text?: string }) {
  const pages = staffPagesFor(session.role);
  return (
    <>
      <AccountBar name={session.name} role={session.role} onLogout={onLogout} />
      <section class="staff-noaccess" aria-labelledby="geen-toegang">
        <div role="alert">
          <h2 id="geen-toegang">{t('staff.noAccess.title')}</h2>
          <p>{text}</p>
        </div>
        {pages.length > 0 && (
          <>
            <p>{t('staff.noAccess.use')}</p>
            <ul>
              {pages.map((page) => (
                <li key={page.id}>
                  <a href={page.href}>{t(page.label)}</a>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}
