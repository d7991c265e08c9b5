import { useEffect, useRef } from 'preact/hooks';
import { t } from './strings.ts';
import { formatClock as clock } from '../../lib/chat-format.ts';
import type { ChatLine } from './types.ts';

interface Props {
  lines: ChatLine[];
  /** Whose point of view: "mine" bubbles sit on the right. */
  viewer: 'youth' | 'counsellor';
  label: string;
  timeZone: string;
  id?: string;
}

/**
 * The conversation as a live log: screen readers announce new lines politely, in order.
 * Names are real text, so the log reads as "Jij: …", "Sam: …".
 */
export function MessageList({ lines, viewer, label, timeZone, id }: Props) {
  const log = useRef<HTMLDivElement>(null);
  // Keep the newest line in view inside the log only: scrolling the page itself would pull the
  // reader away from what they were doing (typing, reading the tools).
  useEffect(() => {
    const el = log.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [lines.length]);

  return (
    <div class="chat-log" role="log" aria-live="polite" aria-label={label} id={id} tabindex={0} ref={log}>
      <ol class="chat-log__list">
        {lines.map((line) => {
          if (line.from === 'notice') {
            return (
              <li key={line.id} class="chat-log__notice">
                <span class="visually-hidden">{t('chat.system')}: </span>
                {line.text}
              </li>
            );
          }
          const mine = line.from === viewer && !line.colleague;
          const name = line.from === 'youth' ? (viewer === 'youth' ? t('chat.you') : label) : (line.name ?? t('chat.counsellorFallback'));
          const who = line.colleague ? `${name} (${t('chat.colleague')})` : name;
          const classes = [
            'chat-log__line',
            mine ? 'chat-log__line--mine' : 'chat-log__line--theirs',
            line.colleague ? 'chat-log__line--colleague' : '',
            line.pending ? 'chat-log__line--pending' : '',
          ];
          return (
            <li key={line.id} class={classes.filter(Boolean).join(' ')}>
              <span class="chat-log__meta">
                <span class="chat-log__who">{who}</span>
                <span class="visually-hidden">, </span>
                {line.pending ? (
                  <span class="chat-log__time">{t('chat.outbox.sending')}</span>
                ) : (
                  <time class="chat-log__time" dateTime={new Date(line.at).toISOString()}>
                    {clock(line.at, timeZone)}
                  </time>
                )}
                <span class="visually-hidden">: </span>
              </span>
              <span class="chat-log__bubble">{line.from === 'counsellor' ? <Linkified text={line.text} /> : line.text}</span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

const URL_PATTERN = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)]/g;

/** Web addresses in a counsellor's message (a sociale-kaart card) become links; the rest stays text. */
function Linkified({ text }: { text: string }) {
  const parts: (string | { url: string })[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const index = match.index;
    if (index > last) parts.push(text.slice(last, index));
    parts.push({ url: match[0] });
    last = index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return (
    <>
      {parts.map((part, i) =>
        typeof part === 'string' ? (
          part
        ) : (
          <a key={i} href={part.url} target="_blank" rel="noopener noreferrer">
            {part.url}
          </a>
        ),
      )}
    </>
  );
}
