import { useEffect, useRef, useState } from 'preact/hooks';
import type { TeamMemberView } from '../../../shared/protocol/events.ts';
import { t } from '../../../shared/i18n/nl.ts';
import { ariaShortcut } from '../../lib/chat-shortcuts.ts';
import { ConfirmBox } from './ConfirmBox.tsx';
import type { ConsoleConversation } from './console-types.ts';
import type { ConsoleState } from './useConsole.ts';

/** An action that asks first: which conversation, and what. */
export interface Ask {
  id: string;
  kind: 'end' | 'block' | 'transfer';
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
    setAsk(null);
    queueMicrotask(() => document.getElementById(`${kind}-${c.id}`)?.focus());
  };
  return (
    <>
      <div class="ws-actions" role="group" aria-label={t('werkplek.actions.label')}>
        <button
          type="button"
          id={`transfer-${c.id}`}
          class="button button--secondary"
          aria-expanded={mine === 'transfer'}
          aria-keyshortcuts={ariaShortcut('transfer')}
          onClick={() => setAsk({ id: c.id, kind: 'transfer' })}
        >
          {t('console.tools.transfer')}
        </button>
        <button type="button" class="button button--secondary" onClick={() => actions.flag(c.id)} disabled={c.flagged} aria-keyshortcuts={ariaShortcut('flag')}>
          {c.flagged ? t('console.conversation.flagged') : t('console.tools.flag')}
        </button>
        <button
          type="button"
          id={`end-${c.id}`}
          class="button"
          aria-expanded={mine === 'end'}
          aria-keyshortcuts={ariaShortcut('end')}
          onClick={() => setAsk({ id: c.id, kind: 'end' })}
        >
          {t('console.tools.end')}
        </button>
        <button
          type="button"
          id={`block-${c.id}`}
          class="button button--danger"
          aria-expanded={mine === 'block'}
          aria-keyshortcuts={ariaShortcut('block')}
          onClick={() => setAsk({ id: c.id, kind: 'block' })}
        >
          {t('console.tools.block')}
        </button>
      </div>
      {mine === 'transfer' && (
        <TransferBox
          c={c}
          colleagues={colleagues}
          onCancel={() => back('transfer')}
          onTransfer={(to) => {
            setAsk(null);
            actions.transfer(c.id, to);
          }}
        />
      )}
      {(mine === 'end' || mine === 'block') && (
        <ConfirmBox
          key={mine}
          id={`confirm-${c.id}`}
          question={mine === 'block' ? t('console.tools.blockConfirm') : t('console.tools.endConfirm')}
          yes={mine === 'block' ? t('console.tools.blockYes') : t('console.tools.endYes')}
          no={t('console.tools.cancel')}
          onYes={() => {
            setAsk(null);
            if (mine === 'block') actions.block(c.id);
            else actions.end(c.id);
          }}
          onNo={() => back(mine)}
        />
      )}
    </>
  );
}

function TransferBox({
  c,
  colleagues,
  onCancel,
  onTransfer,
}: {
  c: ConsoleConversation;
  colleagues: TeamMemberView[];
  onCancel: () => void;
  onTransfer: (to: string) => void;
}) {
  const [to, setTo] = useState(colleagues[0]?.name ?? '');
  const select = useRef<HTMLSelectElement>(null);
  useEffect(() => select.current?.focus(), []);
  const id = `overdragen-${c.id}`;
  return (
    <form
      class="chat-confirm ws-transfer"
      aria-labelledby={`${id}-titel`}
      onSubmit={(e) => {
        e.preventDefault();
        onTransfer(to);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <p id={`${id}-titel`}>{t('werkplek.transfer.title')}</p>
      <div class="chat-field">
        <label for={id}>{t('console.tools.transferTo')}</label>
        <select id={id} ref={select} value={to} onChange={(e) => setTo(e.currentTarget.value)}>
          {colleagues.map((m) => (
            <option key={m.name} value={m.name}>
              {m.name} ({m.conversations}/{m.maxConversations})
            </option>
          ))}
          <option value="">{t('console.tools.transferQueue')}</option>
        </select>
      </div>
      <div class="chat-actions">
        <button type="submit" class="button">
          {t('werkplek.transfer.submit')}
        </button>
        <button type="button" class="button button--secondary" onClick={onCancel}>
          {t('werkplek.transfer.cancel')}
        </button>
      </div>
    </form>
  );
}
