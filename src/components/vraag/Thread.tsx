import { t } from './strings.ts';
import type { ThreadMessage } from '../../../shared/vraag/types.ts';

/**
 * A question thread: the young person's words and the CJG's, paragraphs kept. `youthName` is how the young
 * person's lines are headed: "Jij" for them, "Jongere" on the counsellors' page.
 */
export function Thread({ messages, timeZone, youthName = t('antwoord.you') }: { messages: ThreadMessage[]; timeZone: string; youthName?: string }) {
  return (
    <ol class="vraag-thread">
      {messages.map((m, i) => (
        <li key={i} class={`vraag-thread__message vraag-thread__message--${m.from}`}>
          <p class="vraag-thread__who">
            <strong>{m.from === 'youth' ? youthName : t('antwoord.cjg', { name: m.name })}</strong>{' '}
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
