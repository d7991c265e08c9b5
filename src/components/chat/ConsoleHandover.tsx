import type { HandoverView } from '../../../shared/protocol/events.ts';
import { t } from './console-strings.ts';
import { formatClock } from '../../lib/chat-format.ts';

/** The note the previous counsellor left when handing this conversation on; it ends with the conversation. */
export function ConsoleHandover({ handover, timeZone }: { handover: HandoverView; timeZone: string }) {
  return (
    <aside class="ws-handover" aria-label={t('werkplek.handover.title', { name: handover.from })}>
      <p class="ws-handover__title">
        <strong>{t('werkplek.handover.title', { name: handover.from })}</strong> · {formatClock(handover.at, timeZone)}
      </p>
      <p class="ws-handover__note">{handover.note}</p>
    </aside>
  );
}
