import { Fragment } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from './strings.ts';
import { formatClock as clock } from '../../lib/chat-format.ts';
import { readableUrl } from '../../lib/readable-url.ts';
import type { ChatLine } from './types.ts';

interface Props {
  lines: ChatLine[];
  /** Whose point of view: "mine" bubbles sit on the right. */
  viewer: 'youth' | 'counsellor';
  label: string;
  timeZone: string;
  id?: string;
  /** False while the log sits in a hidden tab (a console conversation not open); shown again, it opens at the newest line. */
  visible?: boolean;
  /** The viewer's own name: a supervisor's own lines as second counsellor are marked colleague but are still hers. */
  ownName?: string | undefined;
}

/** How close to the newest line (px) still counts as "reading the newest", so new lines follow. */
const AT_END_PX = 32;

/**
 * The conversation as a live log: screen readers announce new lines politely, in order.
 * Names are real text, so the log reads as "Jij: …", "Sam: …".
 */
export function MessageList({ lines, viewer, label, timeZone, id, visible = true, ownName }: Props) {
  const log = useRef<HTMLDivElement>(null);
  /** Whether the reader was at the newest line before this render (measured on scroll). */
  const atEnd = useRef(true);
  const [newBelow, setNewBelow] = useState(false);
  const toEnd = () => {
    const el = log.current;
    // The log is column-reverse (chat.css): the newest line is at scrollTop 0; a positive value clamps there too.
    if (el) el.scrollTop = el.scrollHeight;
    atEnd.current = true;
    setNewBelow(false);
  };
  // Keep the newest line in view inside the log only (scrolling the page would pull the reader away
  // from what they were doing), unless they scrolled up to reread: then a pointer says there is more.
  const last = lines.at(-1);
  useLayoutEffect(() => {
    if (!visible) return;
    // Your own sent line always brings you to the end, also when you write along as a colleague.
    const mine = last !== undefined && last.from === viewer && (!last.colleague || (ownName !== undefined && last.name === ownName));
    if (atEnd.current || mine) toEnd();
    else setNewBelow(true);
  }, [lines.length]);
  // Opened (a console tab switched to): the newest line, whatever the scroll was before.
  useLayoutEffect(() => {
    if (visible) toEnd();
  }, [visible]);
  const onScroll = () => {
    const el = log.current;
    if (!el || !visible) return;
    const fromEnd = el.scrollHeight - el.clientHeight - Math.abs(el.scrollTop);
    // column-reverse: scrollTop runs from 0 (newest) to minus the overflow; the distance to 0 is what counts.
    atEnd.current = Math.abs(el.scrollTop) <= AT_END_PX || (el.scrollTop > 0 && fromEnd <= AT_END_PX);
    if (atEnd.current) setNewBelow(false);
  };

  return (
    <>
      <div class="chat-log" role="log" aria-live="polite" aria-label={label} id={id} tabindex={0} ref={log} onScroll={onScroll}>
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
      {newBelow && (
        <button type="button" class="button button--secondary chat-log__new" onClick={toEnd}>
          {t('chat.log.newBelow')} <span aria-hidden="true">↓</span>
        </button>
      )}
    </>
  );
}

const URL_PATTERN = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)]/g;

/** Web addresses in a counsellor's message (a sociale-kaart card) become links with a short readable text; the rest stays text. */
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
          <a key={i} href={part.url} target="_blank" rel="noopener noreferrer" title={part.url}>
            {/* A break chance after each dot of the site's name: it wraps there, not mid-word. Isolated, so
                its direction never spills into the message around it. */}
            <bdi>
              {readableUrl(part.url)
                .split(/(?<=\.)/)
                .map((piece, j) => (
                  <Fragment key={j}>
                    {j > 0 && <wbr />}
                    {piece}
                  </Fragment>
                ))}
            </bdi>
          </a>
        ),
      )}
    </>
  );
}
