import { useState } from 'preact/hooks';
import type { TeamMemberView } from '../../../shared/protocol/events.ts';
import { MAX_MESSAGE_LENGTH } from '../../../shared/protocol/limits.ts';
import { t } from './console-strings.ts';
import { Composer } from './Composer.tsx';
import { ConsoleActions, type Ask } from './ConsoleActions.tsx';
import { ConsoleDanger } from './ConsoleDanger.tsx';
import { ConsoleHandover } from './ConsoleHandover.tsx';
import { composerId, focusComposer, paneTitleId } from './console-focus.ts';
import { ariaShortcut } from '../../lib/chat-shortcuts.ts';
import { ageLabel, conversationState, topicLabel, type ConsoleConversation } from './console-types.ts';
import { MessageList } from './MessageList.tsx';
import type { ConsoleState } from './useConsole.ts';

interface Props {
  c: ConsoleConversation;
  hidden: boolean;
  colleagues: TeamMemberView[];
  ask: Ask | null;
  setAsk: (ask: Ask | null) => void;
  actions: ConsoleState['actions'];
  timeZone: string;
  /** The logged-in name, so one's own lines (also as a colleague) scroll the log to the end. */
  me: string;
}

/**
 * The open conversation: a head with the actions (always in view), the log filling the space,
 * and the message field at the bottom. A supervisor reading along may step in as a second counsellor.
 */
export function ConsolePane({ c, hidden, colleagues, ask, setAsk, actions, timeZone, me }: Props) {
  const [steppingIn, setSteppingIn] = useState(false);
  const label = t('console.conversation.label', { n: c.number });
  const state = conversationState(c);
  // The field stays after the end (disabled), so a half-written answer is never thrown away unseen.
  const canWrite = !c.readOnly || steppingIn;
  return (
    <div role="tabpanel" id={`paneel-${c.id}`} aria-labelledby={`tab-${c.id}`} hidden={hidden} class="ws-pane" data-conversation={c.id}>
      <div class="ws-pane__head">
        <div class="ws-pane__who">
          <h2 class="ws-pane__title" id={paneTitleId(c.id)} tabindex={-1}>
            {label}
            {c.flagged && <span class="ws-tag ws-tag--flag">{t('console.conversation.flagged')}</span>}
          </h2>
          <p class="ws-pane__meta">
            {topicLabel(c.topic)} · {ageLabel(c.ageBand)}
            {state && !c.readOnly && ` · ${state}`}
            {c.readOnly && !steppingIn && ` · ${t('console.conversation.readOnly')}`}
          </p>
        </div>
        {!c.ended && !c.readOnly && <ConsoleActions c={c} colleagues={colleagues} ask={ask} setAsk={setAsk} actions={actions} />}
        {c.readOnly && !c.ended && (
          <div class="ws-actions">
            {!steppingIn && (
              <button
                type="button"
                class="button button--secondary"
                onClick={() => {
                  setSteppingIn(true);
                  // The button goes away: focus moves on to the field the supervisor now writes in.
                  focusComposer(c.id);
                }}
              >
                {t('werkplek.stepIn')}
              </button>
            )}
            <button type="button" class="button button--secondary" onClick={() => void actions.unobserve(c.id)}>
              {t('werkplek.stopReading')}
            </button>
          </div>
        )}
        {c.ended && (
          <div class="ws-actions">
            <button type="button" class="button button--secondary" onClick={() => actions.close(c.id)} aria-keyshortcuts={ariaShortcut('close')}>
              {t('werkplek.closeEnded')} <kbd>Alt L</kbd>
            </button>
          </div>
        )}
      </div>
      {c.danger && !c.ended && <ConsoleDanger id={c.id} flagged={c.flagged} canFlag={!c.readOnly} onFlag={() => void actions.flag(c.id)} />}
      {c.handover && !c.readOnly && <ConsoleHandover handover={c.handover} timeZone={timeZone} />}
      {c.error && (
        <p class="chat-banner chat-banner--warning ws-pane__error" role="alert">
          {c.error}
        </p>
      )}
      <MessageList lines={c.lines} viewer="counsellor" label={label} timeZone={timeZone} visible={!hidden} ownName={me} />
      <p class="chat-typing">{c.youthTyping ? t('console.conversation.youthTyping') : ''}</p>
      {canWrite && (
        <>
          {c.readOnly && !c.ended && <p class="ws-note">{t('werkplek.stepIn.note')}</p>}
          <Composer
            id={composerId(c.id)}
            label={c.readOnly ? t('werkplek.stepIn.label', { n: c.number }) : t('console.composer.label', { n: c.number })}
            maxLength={MAX_MESSAGE_LENGTH}
            onSend={actions.send(c.id)}
            onTyping={(typing) => actions.typing(c.id, typing)}
            disabled={Boolean(c.ended)}
            {...(c.insert ? { insert: c.insert } : {})}
          />
        </>
      )}
    </div>
  );
}
