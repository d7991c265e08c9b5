import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { RATING_MAX, RATING_MIN } from '../../../shared/protocol/limits.ts';
import { t, type ChatKey } from './strings.ts';
import { LinesNow } from './LinesNow.tsx';
import { MessageList } from './MessageList.tsx';
import type { LineInfo } from './types.ts';
import type { YouthChatState, YouthPhase } from './useYouthChat.ts';

interface Props {
  phase: Extract<YouthPhase, { kind: 'ended' }>;
  chat: YouthChatState;
  live: JSX.Element;
  saveButton: JSX.Element | null;
  saved: boolean;
  lines: LineInfo[];
  timeZone: string;
}

const RATING_KEYS: Record<number, ChatKey> = { 1: 'chat.feedback.1', 2: 'chat.feedback.2', 3: 'chat.feedback.3', 4: 'chat.feedback.4', 5: 'chat.feedback.5' };

/** After the chat: what happens to the messages, saving them, a new chat, and the one-tap satisfaction check. */
export function YouthEnded({ phase, chat, live, saveButton, saved, lines, timeZone }: Props) {
  const [feedback, setFeedback] = useState<'idle' | 'sent' | 'failed'>('idle');
  return (
    <div class="chat-panel" data-chat-state="ended">
      {live}
      <h2 ref={chat.heading} tabindex={-1}>
        {t('chat.ended.title')}
      </h2>
      {chat.lines.length > 0 && <MessageList lines={chat.lines} viewer="youth" label={t('chat.conversation.log')} timeZone={timeZone} />}
      {chat.draft.text.trim() && (
        <div class="chat-banner">
          <p>{t('chat.outbox.unsent')}</p>
          <p class="chat-unsent">{chat.draft.text}</p>
        </div>
      )}
      <p>{t('chat.ended.text')}</p>
      <div class="chat-actions">
        {saveButton}
        <button type="button" class="button button--secondary" onClick={chat.actions.newChat}>
          {t('chat.ended.again')}
        </button>
      </div>
      {saved && <p role="status">{t('chat.save.done')}</p>}
      {phase.feedbackId && (
        <div class="chat-panel chat-panel--calm">
          {feedback === 'idle' ? (
            <fieldset class="chat-feedback">
              <legend>{t('chat.feedback.title')}</legend>
              <p>{t('chat.feedback.intro')}</p>
              <div class="chat-feedback__options">
                {Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => RATING_MIN + i).map((rating) => (
                  <button
                    key={rating}
                    type="button"
                    class="button button--secondary"
                    onClick={() => chat.actions.rate(rating, (ok) => setFeedback(ok ? 'sent' : 'failed'))}
                  >
                    {t(RATING_KEYS[rating] ?? 'chat.feedback.3')}
                  </button>
                ))}
              </div>
            </fieldset>
          ) : (
            <p role="status">{feedback === 'sent' ? t('chat.feedback.thanks') : t('chat.feedback.failed')}</p>
          )}
        </div>
      )}
      <LinesNow lines={lines} id="chat-lijnen" headingLevel={3} />
    </div>
  );
}
