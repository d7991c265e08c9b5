import type { ChatTopic } from '../../../shared/protocol/limits.ts';
import { TOPIC_INFO } from '../../../shared/taxonomy.ts';
import { t } from './strings.ts';
import { readingFor, type WaitingReading } from '../../lib/waiting-articles.ts';

/**
 * Something to read while waiting, picked at build time (`waitingReading`): nothing about the chosen
 * topic reaches a server. Articles open in a new tab so the place in the queue stays.
 */
export function TopicArticles({ topic, reading }: { topic: ChatTopic | null; reading: WaitingReading }) {
  const shown = readingFor(reading, topic);
  if (shown.articles.length === 0) return null;
  return (
    <section aria-labelledby="chat-lezen">
      <h3 id="chat-lezen">
        {shown.topic ? t('chat.waiting.readTopic', { topic: TOPIC_INFO[shown.topic].label.toLowerCase() }) : t('chat.waiting.readMeanwhile')}
      </h3>
      <ul class="chat-articles">
        {shown.articles.map((a) => (
          <li key={a.url}>
            <a href={a.url} target="_blank" rel="noopener">
              {a.title}
            </a>
          </li>
        ))}
      </ul>
      <p class="chat-lines__when">{t('chat.waiting.newTab')}</p>
    </section>
  );
}
