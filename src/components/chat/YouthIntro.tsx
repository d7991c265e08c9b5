import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { CHAT_TOPICS, YOUTH_CHAT_AGE_BANDS, type ChatAgeBand, type ChatTopic } from '../../../shared/protocol/limits.ts';
import { LEEFTIJDSGROEPEN, ONDERWERP_INFO } from '../../../shared/taxonomy.ts';
import { t } from '../../../shared/i18n/nl.ts';
import { formatWait } from '../../lib/chat-format.ts';
import { LinesNow } from './LinesNow.tsx';
import type { LineInfo } from './types.ts';
import type { YouthChatState } from './useYouthChat.ts';

interface Props {
  chat: YouthChatState;
  live: JSX.Element;
  lines: LineInfo[];
}

const AGE_OPTIONS = LEEFTIJDSGROEPEN.filter((g) => (YOUTH_CHAT_AGE_BANDS as readonly string[]).includes(g.id));

/** The start screen: the promise, an optional topic and age, and the start button. */
export function YouthIntro({ chat, live, lines }: Props) {
  const [topic, setTopic] = useState<ChatTopic | ''>('');
  const [ageBand, setAgeBand] = useState<ChatAgeBand | ''>('');
  const waitText = chat.status?.waitMinutes != null ? t('chat.waiting.estimate', { wait: formatWait(chat.status.waitMinutes) }) : '';
  return (
    <div class="chat-panel" data-chat-state="intro">
      {live}
      <h2 ref={chat.heading} tabindex={-1}>
        {t('chat.start.title')}
      </h2>
      {chat.info && (
        <p class="chat-banner" role="status">
          {chat.info}
        </p>
      )}
      <p class="chat-promise">
        {t('chat.start.promise')} <a href="#chat-privacy-titel">{t('chat.start.promiseLink')}</a>
      </p>
      <p>{t('chat.start.intro')}</p>
      {waitText && <p>{waitText}</p>}
      <form
        class="chat-form"
        onSubmit={(e) => {
          e.preventDefault();
          chat.actions.start({ ...(topic ? { topic } : {}), ...(ageBand ? { ageBand } : {}) });
        }}
      >
        <div class="chat-field">
          <label for="chat-onderwerp">{t('chat.start.topic')}</label>
          <select id="chat-onderwerp" value={topic} onChange={(e) => setTopic(e.currentTarget.value as ChatTopic | '')}>
            <option value="">{t('chat.start.skip')}</option>
            {CHAT_TOPICS.map((o) => (
              <option key={o} value={o}>
                {ONDERWERP_INFO[o].label}
              </option>
            ))}
          </select>
        </div>
        <div class="chat-field">
          <label for="chat-leeftijd">{t('chat.start.age')}</label>
          <select id="chat-leeftijd" value={ageBand} onChange={(e) => setAgeBand(e.currentTarget.value as ChatAgeBand | '')}>
            <option value="">{t('chat.start.skip')}</option>
            {AGE_OPTIONS.map((g) => (
              <option key={g.id} value={g.id}>
                {g.label}
              </option>
            ))}
          </select>
        </div>
        <p class="chat-composer__error" role="alert">
          {chat.startError}
        </p>
        <div class="chat-actions">
          <button type="submit" class="button" disabled={chat.starting}>
            {chat.starting ? t('chat.start.starting') : t('chat.start.button')}
          </button>
        </div>
      </form>
      <LinesNow lines={lines} id="chat-lijnen" headingLevel={3} />
    </div>
  );
}
