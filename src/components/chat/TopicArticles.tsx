import { useEffect, useState } from 'preact/hooks';
import type { ChatTopic } from '../../../shared/protocol/limits.ts';
import { AUDIENCE_LABELS, TOPIC_INFO } from '../../../shared/taxonomy.ts';
import { t } from './strings.ts';
import { loadPagefind } from '../../lib/search-client.ts';

const MAX_ARTICLES = 4;
/** Results to look at before giving up; each costs one small fragment request. */
const MAX_LOOKED_AT = 24;
const ARTICLE_PREFIX = '/jongeren/';

interface Found {
  url: string;
  title: string;
}

/**
 * Something to read while waiting, picked in the browser with Pagefind: nothing about the chosen
 * topic reaches a server. Articles open in a new tab so the place in the queue stays.
 */
export function TopicArticles({ topic }: { topic: ChatTopic | null }) {
  const [found, setFound] = useState<Found[] | null>(null);

  useEffect(() => {
    // Aborted when the topic changes or the island goes: a late search then changes nothing.
    const run = new AbortController();
    void (async () => {
      try {
        const pagefind = await loadPagefind();
        const doelgroep = AUDIENCE_LABELS.jongeren;
        const search = (filters: Record<string, string>) => pagefind.search(null, { filters });
        let result = topic ? await search({ doelgroep, onderwerp: TOPIC_INFO[topic].label }) : null;
        if (!result?.results.length) result = await search({ doelgroep });
        // Sociale-kaart pages carry the same filters; the waiting room offers articles for young people only.
        const articles: Found[] = [];
        for (const r of (result?.results ?? []).slice(0, MAX_LOOKED_AT)) {
          const d = await r.data();
          if (d.url.startsWith(ARTICLE_PREFIX) && d.url !== location.pathname) articles.push({ url: d.url, title: d.meta['title'] ?? d.url });
          if (articles.length >= MAX_ARTICLES || run.signal.aborted) break;
        }
        if (!run.signal.aborted) setFound(articles);
      } catch {
        if (!run.signal.aborted) setFound([]);
      }
    })();
    return () => {
      run.abort();
    };
  }, [topic]);

  if (found === null) return null;
  return (
    <section aria-labelledby="chat-lezen">
      <h3 id="chat-lezen">{topic ? t('chat.waiting.readTopic', { topic: TOPIC_INFO[topic].label.toLowerCase() }) : t('chat.waiting.readMeanwhile')}</h3>
      {found.length === 0 ? (
        <p>
          <a href="/jongeren/" target="_blank" rel="noopener">
            {t('chat.waiting.noArticles')}
          </a>
        </p>
      ) : (
        <ul class="chat-articles">
          {found.map((a) => (
            <li key={a.url}>
              <a href={a.url} target="_blank" rel="noopener">
                {a.title}
              </a>
            </li>
          ))}
        </ul>
      )}
      <p class="chat-lines__when">{t('chat.waiting.newTab')}</p>
    </section>
  );
}
