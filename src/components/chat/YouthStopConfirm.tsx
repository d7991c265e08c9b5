import { useState } from 'preact/hooks';
import { t } from './strings.ts';
import { ConfirmBox } from './ConfirmBox.tsx';

interface Props {
  kind: 'stop' | 'end';
  onConfirm: () => void;
}

/** "Stoppen" in the queue or "Gesprek beëindigen" in a conversation, always asked once first. */
export function YouthStopConfirm({ kind, onConfirm }: Props) {
  const [asking, setAsking] = useState(false);
  const id = kind === 'stop' ? 'chat-stoppen' : 'chat-beeindigen';
  return (
    <>
      <button type="button" id={id} class="button button--danger" aria-expanded={asking} onClick={() => setAsking(true)}>
        {kind === 'stop' ? t('chat.stop') : t('chat.end')}
      </button>
      {asking && (
        <ConfirmBox
          id="chat-confirm-tekst"
          question={kind === 'stop' ? t('chat.stop.confirm') : t('chat.end.confirm')}
          yes={kind === 'stop' ? t('chat.stop.yes') : t('chat.end.yes')}
          no={t('chat.stop.no')}
          onYes={() => {
            setAsking(false);
            onConfirm();
          }}
          onNo={() => {
            setAsking(false);
            queueMicrotask(() => document.getElementById(id)?.focus());
          }}
        />
      )}
    </>
  );
}
