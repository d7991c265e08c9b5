import { useEffect, useRef, useState } from 'preact/hooks';
import type { TeamMemberView } from '../../../shared/protocol/events.ts';
import { ERROR_MESSAGES } from '../../../shared/protocol/errors.ts';
import { MAX_HANDOVER_NOTE_LENGTH } from '../../../shared/protocol/limits.ts';
import { t } from './console-strings.ts';
import { transferOrder, type ConsoleConversation } from './console-types.ts';

interface Props {
  c: ConsoleConversation;
  colleagues: TeamMemberView[];
  onCancel: () => void;
  /** Hands the conversation on; resolves to a Dutch error (the box stays open with it), or null. */
  onTransfer: (to: string, note: string) => Promise<string | null>;
}

/**
 * "Overdragen": to an available colleague (preselected) or back to the queue, with a short note for
 * whoever takes over. The note is checked here and by the server's schema; a refused note stays in
 * the field with the reason, nothing is lost.
 */
export function ConsoleTransfer({ c, colleagues: team, onCancel, onTransfer }: Props) {
  const colleagues = transferOrder(team);
  const [to, setTo] = useState(colleagues[0]?.name ?? '');
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const select = useRef<HTMLSelectElement>(null);
  const noteField = useRef<HTMLTextAreaElement>(null);
  useEffect(() => select.current?.focus(), []);
  const id = `overdragen-${c.id}`;
  const left = MAX_HANDOVER_NOTE_LENGTH - note.trim().length;
  const submit = async () => {
    if (busy) return;
    const problem = left < 0 ? ERROR_MESSAGES.note_too_long : await send();
    if (problem) {
      setError(problem);
      noteField.current?.focus();
    }
  };
  const escape = (e: KeyboardEvent) => {
    if (e.key === 'Escape') onCancel();
  };
  const send = async () => {
    setBusy(true);
    const problem = await onTransfer(to, note);
    setBusy(false);
    return problem;
  };
  return (
    <form
      class="chat-confirm ws-transfer"
      aria-labelledby={`${id}-titel`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p id={`${id}-titel`}>{t('werkplek.transfer.title')}</p>
      <div class="chat-field">
        <label for={id}>{t('console.tools.transferTo')}</label>
        {/* Shown as a list (size), every choice visible at once; arrows choose. */}
        <select
          id={id}
          ref={select}
          class="ws-transfer__to"
          size={Math.min(colleagues.length + 1, 5)}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          onKeyDown={escape}
        >
          {colleagues.map((m) => (
            <option key={m.name} value={m.name}>
              {m.name} ({m.conversations}/{m.maxConversations})
            </option>
          ))}
          <option value="">{t('console.tools.transferQueue')}</option>
        </select>
      </div>
      <div class="chat-field">
        <label for={`${id}-notitie`}>{t('werkplek.transfer.note')}</label>
        <textarea
          id={`${id}-notitie`}
          ref={noteField}
          rows={2}
          value={note}
          aria-describedby={`${id}-hint${error ? ` ${id}-fout` : ''}`}
          aria-invalid={error ? true : undefined}
          onInput={(e) => {
            setNote(e.currentTarget.value);
            setError('');
          }}
          onKeyDown={(e) => {
            escape(e);
            // Enter is a new line: a note is often more than one thought. Ctrl+Enter (or the button) hands over.
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.isComposing) {
              e.preventDefault();
              void submit();
            }
          }}
        />
        <p id={`${id}-hint`} class="ws-hint">
          {left < 0 ? t('werkplek.transfer.noteOver', { n: -left }) : t('werkplek.transfer.noteHint', { n: left })}
        </p>
        <p id={`${id}-fout`} class="chat-composer__error" role="alert">
          {error}
        </p>
      </div>
      <div class="chat-actions">
        <button type="submit" class="button" disabled={busy} onKeyDown={escape}>
          {t('werkplek.transfer.submit')}
        </button>
        <button type="button" class="button button--secondary" onClick={onCancel} onKeyDown={escape}>
          {t('werkplek.transfer.cancel')}
        </button>
      </div>
    </form>
  );
}
