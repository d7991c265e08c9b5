import type { TeamMemberView } from '../../../shared/protocol/events.ts';
import { t } from './console-strings.ts';
import { ariaShortcut } from '../../lib/chat-shortcuts.ts';
import { ConfirmBox } from './ConfirmBox.tsx';
import { focusConversation } from './console-focus.ts';
import { ConsoleTransfer } from './ConsoleTransfer.tsx';
import type { ConsoleConversation } from './console-types.ts';
import type { ConsoleState } from './useConsole.ts';

/** An action that asks first: which conversation, and what. */
export interface Ask {
  id: string;
  kind: 'end' | 'block' | 'transfer';
  /** What had focus when it was asked (the message field after Alt+E): "Annuleren" goes back there. */
  from?: Element | null;
}

interface Props {
  c: ConsoleConversation;
  colleagues: TeamMemberView[];
  ask: Ask | null;
  setAsk: (ask: Ask | null) => void;
  actions: ConsoleState['actions'];
}

/** End, transfer, "zorgelijk" and block: one row, each with its shortcut; end, block and transfer ask first. */
export function ConsoleActions({ c, colleagues, ask, setAsk, actions }: Props) {
  const mine = ask?.id === c.id ? ask.kind : null;
  const back = (kind: Ask['kind']) => {
    const from = ask?.from;
    setAsk(null);
    queueMicrotask(() => {
      const target = from instanceof HTMLElement && from.isConnected && from !== document.body ? from : document.getElementById(`${kind}-${c.id}`);
      target?.focus();
    });
  };
  const open = (kind: Ask['kind'], e: MouseEvent) => setAsk({ id: c.id, kind, from: e.currentTarget as Element });
  return (
    <>
      <div class="ws-actions" role="group" aria-label={t('werkplek.actions.label')}>
        <button
          type="button"
          id={`transfer-${c.id}`}
          class="button button--secondary"
          aria-expanded={mine === 'transfer'}
          aria-keyshortcuts={ariaShortcut('transfer')}
          onClick={(e) => open('transfer', e)}
        >
          {t('console.tools.transfer')}
        </button>
        <button
          type="button"
          class="button button--secondary"
          onClick={() => void actions.flag(c.id)}
          disabled={c.flagged}
          aria-keyshortcuts={ariaShortcut('flag')}
        >
          {c.flagged ? t('console.conversation.flagged') : t('console.tools.flag')}
        </button>
        <button
          type="button"
          id={`end-${c.id}`}
          class="button"
          aria-expanded={mine === 'end'}
          aria-keyshortcuts={ariaShortcut('end')}
          onClick={(e) => open('end', e)}
        >
          {t('console.tools.end')}
        </button>
        <button
          type="button"
          id={`block-${c.id}`}
          class="button button--danger"
          aria-expanded={mine === 'block'}
          aria-keyshortcuts={ariaShortcut('block')}
          onClick={(e) => open('block', e)}
        >
          {t('console.tools.block')}
        </button>
      </div>
      {mine === 'transfer' && (
        <ConsoleTransfer
          c={c}
          colleagues={colleagues}
          onCancel={() => back('transfer')}
          onTransfer={async (to, note) => {
            const problem = await actions.transfer(c.id, to, note);
            if (!problem) setAsk(null);
            return problem;
          }}
        />
      )}
      {(mine === 'end' || mine === 'block') && (
        <ConfirmBox
          key={mine}
          id={`confirm-${c.id}`}
          question={mine === 'block' ? t('console.tools.blockConfirm', { n: c.number }) : t('console.tools.endConfirm', { n: c.number })}
          warning={c.flagged || c.danger ? t(c.flagged ? 'console.tools.confirmFlagged' : 'console.tools.confirmDanger') : undefined}
          yes={mine === 'block' ? t('console.tools.blockYes') : t('console.tools.endYes')}
          no={t('console.tools.cancel')}
          onYes={() => {
            setAsk(null);
            // The box closes at once. Focus goes to this conversation's heading (its field is gone once
            // it has ended), never into another young person's message field unasked.
            focusConversation(c.id, false);
            if (mine === 'block') void actions.block(c.id);
            else void actions.end(c.id);
          }}
          onNo={() => back(mine)}
        />
      )}
    </>
  );
}
