import { t } from '../../../shared/i18n/nl.ts';
import type { ThreadMessage } from '../../../shared/vraag/types.ts';

/** A question thread as the young person reads it: their words and the CJG's, paragraphs kept. */
export function Thread({ messages, timeZone }: { messages: ThreadMessage[]; timeZone: string }) {
  return (
    <ol class="vraag-thread">
      {messages.map((m, i) => (
        <li key={i} class={`vraag-thread__message vraag-thread__message--${m.from}`}>
          <p class="vraag-thread__who">
            <strong>{m.from === 'youth' ? t('antwoord.you') : t('antwoord.cjg', { name: m.name })}</strong>{' '}
            <span class="vraag-thread__when">{new Date(m.at).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', timeZone })}</span>
          </p>
          {m.text.split(/\n{2,}/).map((paragraph, j) => (
            <p key={j} class="vraag-thread__text">
              {paragraph}
            </p>
          ))}
        </li>
      ))}
    </ol>
  );
}
