import type { JSX } from 'preact';
import { t } from './strings.ts';
import { formatWait } from '../../lib/chat-format.ts';
import { LinesNow } from './LinesNow.tsx';
import { AskLink } from '../vraag/AskLink.tsx';
import { MessageList } from './MessageList.tsx';
import { TopicArticles } from './TopicArticles.tsx';
import type { LineInfo } from './types.ts';
import type { WaitingReading } from '../../lib/waiting-articles.ts';
import type { YouthChatState, YouthPhase } from './useYouthChat.ts';
import { YouthStopConfirm } from './YouthStopConfirm.tsx';

interface Props {
  phase: Extract<YouthPhase, { kind: 'queued' }>;
  chat: YouthChatState;
  live: JSX.Element;
  saveButton: JSX.Element | null;
  lines: LineInfo[];
  timeZone: string;
  reading: WaitingReading;
}

/** Waiting: the place in line, an honest estimate, something to read, and a way out. */
export function YouthQueue({ phase, chat, live, saveButton, lines, timeZone, reading }: Props) {
  const where = phase.position <= 1 ? t('chat.waiting.next') : t('chat.waiting.position', { n: phase.position });
  return (
    <div class="chat-panel" data-chat-state="queued">
      {live}
      <ReconnectBanner chat={chat} />
      <h2 ref={chat.heading} tabindex={-1}>
        <span class="chat-waiting__spinner" aria-hidden="true" />
        {t('chat.waiting.title')}
      </h2>
      <p class="chat-queue-status" data-queue-position={phase.position}>
        {where}
      </p>
      <p>{t('chat.waiting.estimate', { wait: formatWait(phase.waitMinutes) })}</p>
      <p>{t('chat.waiting.calm')}</p>
      <AskLink context="waiting" />
      {chat.lines.length > 0 && <MessageList lines={chat.lines} viewer="youth" label={t('chat.conversation.log')} timeZone={timeZone} />}
      <div class="chat-actions">
        <YouthStopConfirm kind="stop" onConfirm={chat.actions.stop} />
        {saveButton}
      </div>
      <TopicArticles topic={chat.topic} reading={reading} />
      <LinesNow lines={lines} id="chat-lijnen" headingLevel={3} />
    </div>
  );
}

/**
 * The connection is gone: "we try again", or, when this network hit its connection limit, why it takes
 * long, with the lines to call meanwhile (`lines`: where the screen does not show them already).
 */
export function ReconnectBanner({ chat, lines }: { chat: YouthChatState; lines?: LineInfo[] }) {
  if (chat.connection !== 'reconnecting') return null;
  return (
    <>
      <p class="chat-banner chat-banner--warning" role="status">
        {t('chat.notice.reconnecting')} {chat.refusal}
      </p>
      {chat.refusal && lines && <LinesNow lines={lines} id="chat-lijnen-verbinding" headingLevel={3} />}
    </>
  );
}
