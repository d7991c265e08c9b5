import type { JSX } from 'preact';
import { MAX_MESSAGE_LENGTH } from '../../../shared/protocol/limits.ts';
import { t } from './strings.ts';
import { Composer } from './Composer.tsx';
import { LinesNow } from './LinesNow.tsx';
import { MessageList } from './MessageList.tsx';
import type { LineInfo } from './types.ts';
import type { YouthChatState } from './useYouthChat.ts';
import { ReconnectBanner } from './YouthQueue.tsx';
import { YouthStopConfirm } from './YouthStopConfirm.tsx';

interface Props {
  chat: YouthChatState;
  live: JSX.Element;
  saveButton: JSX.Element | null;
  saved: boolean;
  /** The lines to call, shown when this network cannot reconnect. */
  lines: LineInfo[];
  timeZone: string;
}

/**
 * In conversation: the log, who is typing, the message field (which keeps working offline), and the way out.
 * The heading names the counsellor; "<name> praat nu met je." is said once, as a line in the log.
 * On a phone the panel fills the screen below the "Snel weg" button: the log scrolls, the message field stays in view.
 */
export function YouthConversation({ chat, live, saveButton, saved, lines, timeZone }: Props) {
  const name = chat.counsellorName;
  return (
    <div class="chat-panel chat-conversation" data-chat-state="chatting">
      {live}
      <div class="chat-conversation__screen">
        <h2 ref={chat.heading} tabindex={-1}>
          {name ? t('chat.conversation.with', { name }) : t('chat.conversation.title')}
        </h2>
        <MessageList lines={chat.lines} viewer="youth" label={t('chat.conversation.log')} timeZone={timeZone} />
        <p class="chat-typing">{chat.counsellorTyping ? t('chat.typing', { name: name || t('chat.counsellorFallback') }) : ''}</p>
        {/* Inside the screen, so the notice takes room from the log and never pushes the field below the fold. */}
        <ReconnectBanner chat={chat} />
        {chat.sendError && (
          <p class="chat-banner chat-banner--warning" role="alert">
            {chat.sendError}
          </p>
        )}
        <Composer
          id="chat-bericht"
          label={t('chat.composer.label')}
          maxLength={MAX_MESSAGE_LENGTH}
          onSend={chat.actions.send}
          onTyping={chat.actions.typing}
          draft={chat.draft}
        />
      </div>
      {chat.connection === 'reconnecting' && chat.refusal && <LinesNow lines={lines} id="chat-lijnen-verbinding" headingLevel={3} />}
      <div class="chat-actions">
        {saveButton}
        <YouthStopConfirm kind="end" onConfirm={chat.actions.stop} />
      </div>
      {saved && <p role="status">{t('chat.save.done')}</p>}
    </div>
  );
}
