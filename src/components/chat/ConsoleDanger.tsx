import { t } from './console-strings.ts';
import { ariaShortcut } from '../../lib/chat-shortcuts.ts';

interface Props {
  id: string;
  flagged: boolean;
  /** Readers cannot flag (the counsellor does); they see the signal only. */
  canFlag: boolean;
  onFlag: () => void;
}

/**
 * "Mogelijk acuut gevaar": a message of the young person matched the danger phrases (shared/danger.ts).
 * The crisis script shows beside it; flagging "zorgelijk" is one button (or Alt + Z) away.
 */
export function ConsoleDanger({ id, flagged, canFlag, onFlag }: Props) {
  return (
    <section class="ws-danger" role="alert" aria-labelledby={`gevaar-${id}`}>
      <h3 id={`gevaar-${id}`}>{t('werkplek.danger.title')}</h3>
      <p>{t('werkplek.danger.text')}</p>
      {flagged ? (
        <p>
          <strong>{t('werkplek.danger.flagged')}</strong>
        </p>
      ) : (
        canFlag && (
          <button type="button" class="button" onClick={onFlag} aria-keyshortcuts={ariaShortcut('flag')}>
            {t('werkplek.danger.flag')} <kbd>Alt Z</kbd>
          </button>
        )
      )}
    </section>
  );
}
