import type { QueueEntryView } from '../../../shared/protocol/events.ts';
import { t } from './console-strings.ts';
import { formatWaited } from '../../lib/chat-format.ts';
import { ariaShortcut } from '../../lib/chat-shortcuts.ts';
import { ageLabel, topicLabel } from './console-types.ts';

interface Props {
  entries: QueueEntryView[];
  /** When the list came from the server; waiting times count on from there. */
  receivedAt: number;
  now: number;
  onTake: (entryId?: string) => void;
}

/**
 * The queue as the server orders it: connected young people first, in order of arrival; those
 * whose connection dropped last, marked, so "Volgende aannemen" only reaches them when nobody else waits.
 */
export function ConsoleQueue({ entries, receivedAt, now, onTake }: Props) {
  return (
    <section class="ws-queue" aria-labelledby="wachtrij-titel">
      <h2 id="wachtrij-titel" tabindex={-1} data-login-focus>
        {t('console.queue.title')} <span class="ws-count">({t('console.queue.count', { n: entries.length })})</span>
      </h2>
      <button type="button" id="volgende-aannemen" class="button ws-take-next" onClick={() => onTake()} aria-keyshortcuts={ariaShortcut('next')}>
        {t('console.queue.takeNext')} <kbd>Alt N</kbd>
      </button>
      <p class="visually-hidden" role="status">
        {entries.length > 0 ? t('werkplek.notify.queue', { n: entries.length }) : ''}
      </p>
      {entries.length === 0 ? (
        <p class="ws-empty">{t('console.queue.empty')}</p>
      ) : (
        <ol class="ws-entries">
          {entries.map((entry) => {
            const about = `${topicLabel(entry.topic)}, ${ageLabel(entry.ageBand)}`;
            const who = entry.number === null ? about : `${t('console.conversation.label', { n: entry.number })}: ${about}`;
            return (
              <li
                key={entry.entryId}
                class={['ws-entry', !entry.connected && 'ws-entry--dropped', (entry.flagged || entry.danger) && 'ws-entry--flagged'].filter(Boolean).join(' ')}
                data-connected={String(entry.connected)}
              >
                <span class="ws-entry__text">
                  <strong>{t('console.queue.waiting', { wait: formatWaited(0, entry.waitedMs + (now - receivedAt)) })}</strong>
                  <span>{who}</span>
                  <span class="ws-tags">
                    {entry.flagged && <span class="ws-tag ws-tag--danger">{t('console.conversation.flagged')}</span>}
                    {entry.danger && <span class="ws-tag ws-tag--danger">{t('werkplek.danger.tag')}</span>}
                    {entry.requeued && <span class="ws-tag">{t('console.queue.requeued')}</span>}
                    {entry.connected ? (
                      <span class="ws-tag ws-tag--ok">{t('werkplek.queue.connected')}</span>
                    ) : (
                      <span class="ws-tag ws-tag--warn" title={t('werkplek.queue.dropped')}>
                        {t('werkplek.queue.droppedShort')}
                        <span class="visually-hidden"> – {t('werkplek.queue.dropped')}</span>
                      </span>
                    )}
                  </span>
                </span>
                <button type="button" class="button button--secondary" onClick={() => onTake(entry.entryId)} aria-label={t('console.queue.takeLabel', { who })}>
                  {t('console.queue.take')}
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
