import { useEffect, useRef } from 'preact/hooks';
import { t } from './console-strings.ts';
import { CONSOLE_SHORTCUTS } from '../../lib/chat-shortcuts.ts';
import { SAFE_LANDING_ID } from './console-focus.ts';

interface Props {
  open: boolean;
  onClose: () => void;
}

/** Every shortcut in one modal dialog; Escape or "Sluiten" closes it and focus goes back where it was. */
export function ConsoleHelp({ open, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<Element | null>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      returnTo.current = document.activeElement;
      d.showModal();
    } else if (!open && d.open) {
      d.close();
    }
  }, [open]);
  return (
    <dialog
      ref={dialog}
      class="ws-help"
      aria-labelledby="sneltoetsen-titel"
      onClose={() => {
        onClose();
        // Back where it was; opened from nowhere (the page itself), to the open conversation's field or the list.
        const back = returnTo.current;
        if (back instanceof HTMLElement && back !== document.body && back.isConnected) back.focus();
        else (document.querySelector<HTMLElement>('.ws-pane:not([hidden]) textarea:not([disabled])') ?? document.getElementById(SAFE_LANDING_ID))?.focus();
      }}
    >
      <h2 id="sneltoetsen-titel">{t('werkplek.help.title')}</h2>
      <p>{t('werkplek.help.intro')}</p>
      <table class="ws-keys">
        <tbody>
          {CONSOLE_SHORTCUTS.map((s) => (
            <tr key={s.aria}>
              <th scope="row">
                <kbd>{s.keys}</kbd>
              </th>
              <td>{t(s.label)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog">
        <button type="submit" class="button">
          {t('werkplek.help.close')}
        </button>
      </form>
    </dialog>
  );
}
