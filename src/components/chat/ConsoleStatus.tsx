import { t } from './console-strings.ts';
import { ariaShortcut } from '../../lib/chat-shortcuts.ts';
import type { DesktopPermission } from '../../lib/staff-notify.ts';
import type { Connection } from './useConsole.ts';

interface Props {
  connection: Connection;
  available: boolean;
  onAvailable: (value: boolean) => void;
  sound: boolean;
  onSound: (value: boolean) => void;
  desktop: DesktopPermission;
  onDesktop: () => void;
  onHelp: () => void;
}

const CONNECTION_KEYS = { online: 'staff.connection.online', connecting: 'staff.connection.connecting', lost: 'staff.connection.lost' } as const;

/** The console's part of the staff header: availability, connection, sound, desktop notifications, help. */
export function ConsoleStatus({ connection, available, onAvailable, sound, onSound, desktop, onDesktop, onHelp }: Props) {
  return (
    <>
      <p class={`staff-connection staff-connection--${connection}`} role="status">
        {t(CONNECTION_KEYS[connection])}
      </p>
      <label class="staff-status">
        <span class="visually-hidden">{t('staff.status.label')}</span>
        <select value={available ? 'ja' : 'nee'} onChange={(e) => onAvailable(e.currentTarget.value === 'ja')}>
          <option value="ja">{t('staff.status.available')}</option>
          <option value="nee">{t('staff.status.pause')}</option>
        </select>
      </label>
      <label class="staff-check">
        <input type="checkbox" checked={sound} onChange={(e) => onSound(e.currentTarget.checked)} /> {t('werkplek.notify.sound')}
      </label>
      {desktop !== 'unsupported' &&
        (desktop === 'granted' ? (
          <p class="staff-note">{t('werkplek.notify.desktopOn')}</p>
        ) : (
          <button
            type="button"
            class="button button--secondary"
            onClick={onDesktop}
            title={desktop === 'denied' ? t('werkplek.notify.desktopDenied') : undefined}
          >
            {t('werkplek.notify.desktop')}
          </button>
        ))}
      <button type="button" class="button button--secondary" onClick={onHelp} aria-keyshortcuts={ariaShortcut('help')} aria-haspopup="dialog">
        {t('werkplek.help.open')}
      </button>
    </>
  );
}
