import { useEffect, useRef } from 'preact/hooks';

interface Props {
  id: string;
  question: string;
  /** An extra line under the question, e.g. that this young person may be in danger. */
  warning?: string | undefined;
  yes: string;
  no: string;
  onYes: () => void;
  onNo: () => void;
}

/**
 * An inline "are you sure?" for stopping, ending and blocking. Focus moves to the safe choice, so
 * a keyboard user hears the question and an accidental Enter changes nothing. Escape is "no".
 */
export function ConfirmBox({ id, question, warning, yes, no, onYes, onNo }: Props) {
  const safe = useRef<HTMLButtonElement>(null);
  // Focus is always on one of the two buttons: Escape there is "no", as in the transfer panel.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    onNo();
  };
  useEffect(() => safe.current?.focus(), []);
  return (
    <div class="chat-confirm" role="group" aria-labelledby={id} aria-describedby={warning ? `${id}-waarschuwing` : undefined}>
      <p id={id}>{question}</p>
      {warning && (
        <p id={`${id}-waarschuwing`} class="chat-confirm__warning">
          {warning}
        </p>
      )}
      <div class="chat-actions">
        <button type="button" class="button" onClick={onYes} onKeyDown={onKeyDown}>
          {yes}
        </button>
        <button type="button" class="button button--secondary" onClick={onNo} onKeyDown={onKeyDown} ref={safe}>
          {no}
        </button>
      </div>
    </div>
  );
}
