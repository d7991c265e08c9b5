import type { JSX } from 'preact';
import { t } from './strings.ts';
import { LinesNow } from './LinesNow.tsx';
import { AskLink } from '../vraag/AskLink.tsx';
import type { LineInfo } from './types.ts';
import type { YouthChatState, YouthPhase } from './useYouthChat.ts';

interface Props {
  phase: Extract<YouthPhase, { kind: 'closed' | 'busy' | 'unavailable' | 'blocked' }>;
  chat: YouthChatState;
  live: JSX.Element;
  lines: LineInfo[];
  hours: string[];
}

/** Closed, too busy, unreachable or blocked: say so plainly and show where to go now. */
export function YouthStatus({ phase, chat, live, lines, hours }: Props) {
  const title = phase.kind === 'closed' ? t('chat.closed.title') : phase.kind === 'busy' ? t('chat.busy.title') : t('chat.linesNow.title');
  const text =
    phase.kind === 'closed'
      ? phase.text
      : phase.kind === 'busy'
        ? phase.network
          ? phase.text
          : t('chat.busy.text')
        : phase.kind === 'blocked'
          ? t('chat.notice.blocked')
          : t('chat.unavailable');
  return (
    <div class="chat-panel" data-chat-state={phase.kind}>
      {live}
      <h2 ref={chat.heading} tabindex={-1}>
        {title}
      </h2>
      <p>{text}</p>
      {phase.kind === 'closed' && (
        <>
          <h3>{t('chat.closed.hours')}</h3>
          <ul>
            {hours.map((h) => (
              <li key={h}>{h}</li>
            ))}
          </ul>
        </>
      )}
      {(phase.kind === 'busy' || phase.kind === 'unavailable') && (
        <p>
          <button type="button" class="button button--secondary" onClick={() => void chat.actions.retryStatus()}>
            {t('chat.busy.retry')}
          </button>
        </p>
      )}
      {(phase.kind === 'closed' || phase.kind === 'busy') && <AskLink context={phase.kind} />}
      <LinesNow lines={lines} id="chat-lijnen" headingLevel={phase.kind === 'unavailable' || phase.kind === 'blocked' ? 3 : 2} />
    </div>
  );
}
