import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { YouthChatAgeBand, ChatTopic } from '../../../shared/protocol/limits.ts';
import { YOUTH_AGE_OPTIONS, YOUTH_TOPIC_OPTIONS } from '../../lib/youth-choices.ts';
import { Select } from '../form/Select.tsx';
import { t } from './strings.ts';
import { formatWait } from '../../lib/chat-format.ts';
import { LinesNow } from './LinesNow.tsx';
import type { LineInfo } from './types.ts';
import type { YouthChatState } from './useYouthChat.ts';

interface Props {
  chat: YouthChatState;
  live: JSX.Element;
  lines: LineInfo[];
}

/** The start screen: the promise, an optional topic and age, and the start button. */
export function YouthIntro({ chat, live, lines }: Props) {
  const [topic, setTopic] = useState<ChatTopic | ''>('');
  const [ageBand, setAgeBand] = useState<YouthChatAgeBand | ''>('');
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
        <Select
          class="chat-field"
          id="chat-onderwerp"
          label={t('chat.start.topic')}
          allLabel={t('chat.start.skip')}
          options={YOUTH_TOPIC_OPTIONS}
          value={topic}
          onChange={(v) => setTopic(v as ChatTopic | '')}
        />
        <Select
          class="chat-field"
          id="chat-leeftijd"
          label={t('chat.start.age')}
          allLabel={t('chat.start.skip')}
          options={YOUTH_AGE_OPTIONS}
          value={ageBand}
          onChange={(v) => setAgeBand(v as YouthChatAgeBand | '')}
        />
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
