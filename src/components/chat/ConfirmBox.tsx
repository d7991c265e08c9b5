import { useEffect, useRef } from 'preact/hooks';

interface Props {
  id: string;
  question: string;
  yes: string;
  no: string;
  onYes: () => void;
  onNo: () => void;
}

/**
 * An inline "are you sure?" for stopping, ending and blocking. Focus moves to the safe choice, so
 * a keyboard user hears the question and an accidental Enter changes nothing.
 */
export function ConfirmBox({ id, question, yes, no, onYes, onNo }: Props) {
  const safe = useRef<HTMLButtonElement>(null);
  useEffect(() => safe.current?.focus(), []);
  return (
    <div class="chat-confirm" role="group" aria-labelledby={id}>
      <p id={id}>{question}</p>
      <div class="chat-actions">
        <button type="button" class="button" onClick={onYes}>
          {yes}
        </button>
        <button type="button" class="button button--secondary" onClick={onNo} ref={safe}>
          {no}
        </button>
      </div>
    </div>
  );
}
