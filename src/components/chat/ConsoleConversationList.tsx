import { t } from './console-strings.ts';
import { formatWaited } from '../../lib/chat-format.ts';
import { conversationState, listOrder, youthTurn, type ConsoleConversation } from './console-types.ts';
import { SAFE_LANDING_ID } from './console-focus.ts';

interface Props {
  conversations: ConsoleConversation[];
  active: string | null;
  now: number;
  onSelect: (id: string, focusComposer?: boolean) => void;
}

const LAST_LINE_CHARS = 60;

/**
 * "Mijn gesprekken": one tab per conversation, with what a counsellor needs to choose the next one
 * to answer: unread count, the last line, how long ago the young person wrote, and how it ended.
 */
export function ConsoleConversationList({ conversations, active, now, onSelect }: Props) {
  const ordered = listOrder(conversations);
  return (
    <section class="ws-mine" aria-labelledby={SAFE_LANDING_ID}>
      <h2 id={SAFE_LANDING_ID} tabindex={-1}>
        {t('werkplek.mine.title')}
      </h2>
      {conversations.length === 0 ? (
        <p class="ws-empty">{t('werkplek.mine.none')}</p>
      ) : (
        <div role="tablist" aria-orientation="vertical" aria-labelledby={SAFE_LANDING_ID} class="ws-tabs">
          {ordered.map((c, i) => {
            const { slot } = c;
            const { lastYouthAt, waitingOnMe } = youthTurn(c);
            const last = c.lines.filter((l) => l.from !== 'notice').at(-1);
            const lastText = last ? (last.text.length > LAST_LINE_CHARS ? `${last.text.slice(0, LAST_LINE_CHARS)}…` : last.text) : t('werkplek.mine.noLine');
            const state = conversationState(c);
            return (
              <button
                key={c.id}
                type="button"
                role="tab"
                id={`tab-${c.id}`}
                aria-selected={c.id === active}
                aria-controls={`paneel-${c.id}`}
                tabindex={c.id === active ? 0 : -1}
                class={['ws-tab', c.flagged && 'ws-tab--flagged', c.ended && 'ws-tab--ended', waitingOnMe && 'ws-tab--waiting'].filter(Boolean).join(' ')}
                aria-keyshortcuts={slot !== null ? `Alt+${slot}` : undefined}
                onClick={() => onSelect(c.id)}
                onKeyDown={(e) => {
                  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
                  if (e.altKey) return;
                  e.preventDefault();
                  const next = ordered.at((i + (e.key === 'ArrowDown' ? 1 : ordered.length - 1)) % ordered.length);
                  if (!next) return;
                  onSelect(next.id);
                  document.getElementById(`tab-${next.id}`)?.focus();
                }}
              >
                <span class="ws-tab__title">
                  {slot !== null && (
                    <kbd class="ws-slot" aria-hidden="true">
                      Alt {slot}
                    </kbd>
                  )}
                  {t('console.conversation.label', { n: c.number })}
                  {c.flagged && <span class="ws-tag ws-tag--flag">{t('console.conversation.flagged')}</span>}
                  {c.danger && !c.flagged && !c.ended && <span class="ws-tag ws-tag--flag">{t('werkplek.danger.tag')}</span>}
                  {c.unread > 0 && <span class="ws-badge">{t('werkplek.mine.unread', { n: c.unread })}</span>}
                  {c.ended && state && <span class="ws-tag ws-tag--state">{state}</span>}
                </span>
                {!c.ended && (
                  <>
                    <span class="ws-tab__last">{c.youthTyping ? t('console.conversation.youthTyping') : lastText}</span>
                    <span class="ws-tab__meta">
                      {state && <span class="ws-tag ws-tag--state">{state}</span>}
                      {waitingOnMe && <span class="ws-tag ws-tag--warn">{t('werkplek.mine.waitingOnYou')}</span>}
                      {lastYouthAt !== null && <span>{t('werkplek.mine.since', { ago: formatWaited(lastYouthAt, now) })}</span>}
                    </span>
                  </>
                )}
              </button>
            );
          })}
        </div>
      )}
    </section>
  );
}
