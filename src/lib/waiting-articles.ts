/**
 * What a young person can read while waiting in the chat queue: articles for young people on the topic
 * they picked, chosen at build time. Nothing about the chosen topic reaches a server, and the list is
 * never an empty promise: a topic without its own articles gets the general list under a general heading.
 */
import { CHAT_TOPICS, type ChatTopic } from '../../shared/protocol/limits.ts';
import { articleUrl, sortArticles, type ArticleLike } from './articles.ts';

export const WAITING_ARTICLES_MAX = 4;

export interface WaitingArticle {
  url: string;
  title: string;
}

export interface WaitingReading {
  /** Per chat topic, up to four articles on that topic (may be empty: then `general` is shown). */
  byTopic: Record<ChatTopic, WaitingArticle[]>;
  /** For no topic, or a topic without articles: the first articles for young people in reading order. */
  general: WaitingArticle[];
}

/** What to show for a topic: its own articles under the topic heading, else the general list under a general heading. */
export function readingFor(reading: WaitingReading, topic: ChatTopic | null): { topic: ChatTopic | null; articles: WaitingArticle[] } {
  const own = topic ? reading.byTopic[topic] : [];
  return own.length > 0 ? { topic, articles: own } : { topic: null, articles: reading.general };
}

export function waitingReading(articles: ArticleLike[], max = WAITING_ARTICLES_MAX): WaitingReading {
  const youth = sortArticles(articles.filter((a) => a.data.doelgroep === 'jongeren'));
  const pick = (list: ArticleLike[]) => list.slice(0, max).map((a) => ({ url: articleUrl(a), title: a.data.title }));
  const byTopic = Object.fromEntries(CHAT_TOPICS.map((topic) => [topic, pick(youth.filter((a) => a.data.onderwerp === topic))])) as Record<
    ChatTopic,
    WaitingArticle[]
  >;
  return { byTopic, general: pick(youth) };
}
