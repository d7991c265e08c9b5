import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from './strings.ts';
import { checkComposer } from '../../lib/chat-format.ts';

interface Props {
  id: string;
  label: string;
  maxLength: number;
  disabled?: boolean;
  /** Sends the text; resolves to a Dutch error message, or null when it was delivered. */
  onSend: (text: string) => Promise<string | null>;
  /** Called while typing, so the other side can see it. */
  onTyping?: (typing: boolean) => void;
  /** Text to put into the field from outside (canned answer); changes when `insertKey` changes. */
  insert?: { text: string; key: number };
  sendLabel?: string;
  /** Keep the text outside (so it survives this field being unmounted); without it the field keeps its own. */
  draft?: { text: string; set: (text: string | ((current: string) => string)) => void };
}

const TYPING_IDLE_MS = 3000;

/**
 * Message field: Enter sends, Shift+Enter adds a line. A failed send keeps the text and says why,
 * in Dutch, next to the field. The counter only shows near the limit.
 */
export function Composer({ id, label, maxLength, disabled, onSend, onTyping, insert, sendLabel, draft }: Props) {
  const [ownText, setOwnText] = useState('');
  const text = draft ? draft.text : ownText;
  const setText = draft ? draft.set : setOwnText;
  const [error, setError] = useState('');
  const [sending, setSending] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const typing = useRef(false);
  const idle = useRef<ReturnType<typeof setTimeout>>();
  const lastInsert = useRef<number | undefined>(insert?.key);

  useEffect(() => {
    if (!insert || insert.key === lastInsert.current) return;
    lastInsert.current = insert.key;
    setText((current) => (current.trim() ? `${current.trimEnd()} ${insert.text}` : insert.text));
    field.current?.focus();
  }, [insert?.key]);

  const check = checkComposer(text, maxLength);

  const stopTyping = () => {
    clearTimeout(idle.current);
    if (typing.current) {
      typing.current = false;
      onTyping?.(false);
    }
  };

  /**
   * Takes exactly what is in the field now and empties it at once, so whatever is typed while the
   * message travels stays. If sending fails, the sent text comes back in front of it.
   */
  const submit = async () => {
    if (sending) return;
    const raw = field.current?.value ?? text;
    const value = raw.trim();
    if (!value) {
      setError(t('chat.composer.empty'));
      return;
    }
    if (checkComposer(value, maxLength).tooLong) {
      setError(t('chat.composer.tooLong', { n: -checkComposer(value, maxLength).remaining }));
      return;
    }
    setSending(true);
    stopTyping();
    setText('');
    if (field.current) {
      field.current.value = '';
      field.current.focus();
    }
    setError('');
    const problem = await onSend(value);
    setSending(false);
    if (problem) {
      setText((typed) => (typed ? `${value}\n${typed}` : value));
      setError(problem);
    }
  };

  const errorId = `${id}-fout`;
  const hintId = `${id}-hint`;
  const counterId = `${id}-teller`;

  return (
    <form
      class="chat-composer"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label for={id} class="chat-composer__label">
        {label}
      </label>
      <p id={hintId} class="chat-composer__hint">
        {t('chat.composer.hint')}
      </p>
      <div class="chat-composer__row">
        <textarea
          id={id}
          ref={field}
          rows={2}
          value={text}
          disabled={disabled}
          aria-describedby={`${hintId}${check.showCounter ? ` ${counterId}` : ''}${error ? ` ${errorId}` : ''}`}
          aria-invalid={error ? true : undefined}
          onInput={(e) => {
            setText(e.currentTarget.value);
            if (error) setError('');
            if (!typing.current) {
              typing.current = true;
              onTyping?.(true);
            }
            clearTimeout(idle.current);
            idle.current = setTimeout(stopTyping, TYPING_IDLE_MS);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
              e.preventDefault();
              void submit();
            }
          }}
        />
        <button type="submit" class="button chat-composer__send" disabled={disabled}>
          <svg class="chat-composer__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
            <path d="M3 20.5 21 12 3 3.5v6.6l12 1.9-12 1.9z" fill="currentColor" />
          </svg>
          {/* On a narrow field only the arrow shows; the name stays for screen readers. */}
          <span class="chat-composer__send-text">{sendLabel ?? t('chat.composer.send')}</span>
        </button>
      </div>
      {check.showCounter && (
        <p id={counterId} class={`chat-composer__counter${check.tooLong ? ' chat-composer__counter--over' : ''}`}>
          {check.tooLong ? t('chat.composer.tooLong', { n: -check.remaining }) : t('chat.composer.counter', { n: check.remaining })}
        </p>
      )}
      <p id={errorId} class="chat-composer__error" role="alert">
        {error}
      </p>
    </form>
  );
}
