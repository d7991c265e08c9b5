import type { ComponentChildren } from 'preact';
import { createPortal } from 'preact/compat';
import { useEffect, useState } from 'preact/hooks';
import { t } from './strings.ts';

/** Where StaffLayout's header keeps room for the logged-in part. */
export const ACCOUNT_SLOT_ID = 'staff-account';

interface Props {
  name: string;
  role?: string | undefined;
  onLogout: () => void;
  /** Status controls of the page (availability, sound …), shown before the name. */
  children?: ComponentChildren;
}

/**
 * Who is logged in, their status and "Uitloggen", rendered into the staff header (StaffLayout)
 * from whichever island owns the login. Falls back to rendering in place when there is no header.
 */
export function AccountBar({ name, role, onLogout, children }: Props) {
  // undefined until mounted (nothing during the build's render), then the header slot or null.
  const [slot, setSlot] = useState<HTMLElement | null | undefined>(undefined);
  useEffect(() => setSlot(document.getElementById(ACCOUNT_SLOT_ID)), []);
  const bar = (
    <div class="staff-account">
      {children}
      <p class="staff-account__me">
        {t('console.loggedInAs', { name })}
        {role
          ? ` (${role === 'supervisor' ? t('console.role.supervisor') : role === 'activities' ? t('staff.role.activities') : t('console.role.counsellor')})`
          : ''}
      </p>
      <button type="button" class="button button--secondary" onClick={onLogout}>
        {t('console.logout')}
      </button>
    </div>
  );
  if (slot === undefined) return null;
  return slot ? createPortal(bar, slot) : bar;
}
