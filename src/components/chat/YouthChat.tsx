import { useEffect, useRef, useState } from 'preact/hooks';
import { io, type Socket } from 'socket.io-client';
import type {
  ChatMessage,
  ChatStatus,
  EndedBy,
  QueuePosition,
  YouthClientToServerEvents,
  YouthServerToClientEvents,
  YouthSessionState,
} from '../../../shared/protocol/events.ts';
import {
  CHAT_AGE_BANDS,
  CHAT_TOPICS,
  MAX_MESSAGE_LENGTH,
  RATING_MAX,
  RATING_MIN,
  SOCKET_PATH,
  STATUS_PATH,
  YOUTH_NAMESPACE,
  type ChatAgeBand,
  type ChatTopic,
} from '../../../shared/protocol/limits.ts';
import { LEEFTIJDSGROEPEN, ONDERWERP_INFO } from '../../../shared/taxonomy.ts';
import { t, type UiKey } from '../../../shared/i18n/nl.ts';
import { shouldAnnounceQueue } from '../../lib/chat-announce.ts';
import { formatWait } from '../../lib/chat-format.ts';
import { ensureSessionToken, newSessionToken, readSessionToken, wipeSessionToken } from '../../lib/chat-session.ts';
import { downloadText, transcriptFilename, transcriptText } from '../../lib/chat-transcript.ts';
import { Composer } from './Composer.tsx';
import { ConfirmBox } from './ConfirmBox.tsx';
import { LinesNow } from './LinesNow.tsx';
import { MessageList } from './MessageList.tsx';
import { TopicArticles } from './TopicArticles.tsx';
import { AskLink } from '../vraag/AskLink.tsx';
import { mergeLines, type ChatLine, type LineInfo } from './types.ts';

type YouthSocket = Socket<YouthServerToClientEvents, YouthClientToServerEvents>;

type Phase =
  | { kind: 'loading' }
  | { kind: 'intro' }
  | { kind: 'closed'; text: string }
  | { kind: 'busy'; text: string }
  | { kind: 'unavailable' }
  | { kind: 'blocked' }
  | { kind: 'queued'; position: number; waitMinutes: number | null }
  | { kind: 'chatting' }
  | { kind: 'ended'; by: EndedBy; feedbackId?: string };

interface Props {
  lines: LineInfo[];
  cjgName: string;
  timeZone: string;
  /** Weekly opening hours in words, from the opening-hours engine. */
  hours: string[];
}

const ACK_TIMEOUT_MS = 10_000;

const RATING_KEYS: Record<number, UiKey> = {
  1: 'chat.feedback.1',
  2: 'chat.feedback.2',
  3: 'chat.feedback.3',
  4: 'chat.feedback.4',
  5: 'chat.feedback.5',
};

const storage = () => (typeof sessionStorage === 'undefined' ? undefined : sessionStorage);

/** Protocol message → what the young person sees. Staff-only notices are left out. */
function toLine(message: ChatMessage): ChatLine | null {
  const base = { id: message.id, at: message.at };
  if (message.from === 'youth') return { ...base, from: 'youth', text: message.text };
  if (message.from === 'counsellor') return { ...base, from: 'counsellor', name: message.name, text: message.text };
  const name = message.name ?? t('chat.counsellorFallback');
  switch (message.notice) {
    case 'counsellorJoined':
      return { ...base, from: 'notice', text: t('chat.conversation.joined', { name }) };
    case 'transferred':
      return { ...base, from: 'notice', text: t('chat.notice.transferred', { name }) };
    case 'requeued':
      return { ...base, from: 'notice', text: t('chat.notice.requeued') };
    default:
      return null;
  }
}

const localNotice = (text: string): ChatLine => ({ id: `lokaal-${newSessionToken().slice(0, 12)}`, from: 'notice', text, at: Date.now() });

/**
 * The young person's side of the chat: status → start → queue → conversation → end and a
 * one-tap satisfaction check. Every state shows where to go now if the chat cannot help.
 */
export default function YouthChat({ lines, cjgName, timeZone, hours }: Props) {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [status, setStatus] = useState<ChatStatus | null>(null);
  const [chatLines, setChatLines] = useState<ChatLine[]>([]);
  const [counsellorName, setCounsellorName] = useState('');
  const [counsellorTyping, setCounsellorTyping] = useState(false);
  const [connection, setConnection] = useState<'online' | 'reconnecting'>('online');
  const [announcement, setAnnouncement] = useState('');
  const [topic, setTopic] = useState<ChatTopic | ''>('');
  const [ageBand, setAgeBand] = useState<ChatAgeBand | ''>('');
  const [startError, setStartError] = useState('');
  const [starting, setStarting] = useState(false);
  const [confirm, setConfirm] = useState<'stop' | 'end' | null>(null);
  const [feedback, setFeedback] = useState<'idle' | 'sent' | 'failed'>('idle');
  const [saved, setSaved] = useState(false);
  /** A calm one-line explanation shown on the start screen (e.g. the previous chat expired). */
  const [info, setInfo] = useState('');

  const socket = useRef<YouthSocket | null>(null);
  const lastSeq = useRef(0);
  const joinRequest = useRef<{ topic?: ChatTopic; ageBand?: ChatAgeBand } | null>(null);
  const announced = useRef<{ position: number; at: number } | null>(null);
  const phaseRef = useRef(phase);
  phaseRef.current = phase;
  const heading = useRef<HTMLHeadingElement>(null);

  const addMessages = (messages: ChatMessage[]) => {
    for (const m of messages) lastSeq.current = Math.max(lastSeq.current, m.seq);
    const mapped = messages.map(toLine).filter((l): l is ChatLine => l !== null);
    if (mapped.length) setChatLines((current) => mergeLines(current, mapped));
  };

  const announceQueue = (position: number, waitMinutes: number | null) => {
    const now = Date.now();
    const prev = announced.current;
    if (!shouldAnnounceQueue(prev ? { position: prev.position } : null, { position }, prev?.at ?? null, now)) return;
    announced.current = { position, at: now };
    const where = position <= 1 ? t('chat.waiting.next') : t('chat.waiting.position', { n: position });
    setAnnouncement(`${where} ${t('chat.waiting.estimate', { wait: formatWait(waitMinutes) })}`);
  };

  const showQueue = (q: QueuePosition) => {
    setPhase({ kind: 'queued', position: q.position, waitMinutes: q.waitMinutes });
    announceQueue(q.position, q.waitMinutes);
  };

  const handleJoinError = (code: string, error: string, opensText?: string) => {
    joinRequest.current = null;
    setStarting(false);
    if (code === 'closed') {
      forget();
      setPhase({ kind: 'closed', text: opensText ? t('chat.closed.opensAt', { when: opensText }) : error });
    } else if (code === 'busy') {
      forget();
      setPhase({ kind: 'busy', text: error });
    } else if (code === 'blocked') {
      forget();
      setPhase({ kind: 'blocked' });
    } else if (code !== 'already_queued' && code !== 'already_chatting') {
      setStartError(error);
    }
  };

  /** Drops the connection and the tab's token: nothing of this chat is left in the browser. */
  const forget = () => {
    wipeSessionToken(storage());
    socket.current?.disconnect();
    socket.current = null;
    lastSeq.current = 0;
  };

  const connect = () => {
    if (socket.current) return socket.current;
    const token = ensureSessionToken(storage());
    const s: YouthSocket = io(YOUTH_NAMESPACE, {
      path: SOCKET_PATH,
      // A function, so every reconnect sends the last message we have and gets only what we missed.
      auth: (cb) => cb({ token, lastSeq: lastSeq.current }),
      transports: ['websocket', 'polling'],
    });
    socket.current = s;

    s.on('connect', () => setConnection('online'));
    s.on('disconnect', (reason) => {
      if (reason !== 'io client disconnect') setConnection('reconnecting');
    });
    s.on('connect_error', () => setConnection('reconnecting'));

    s.on('session:state', (state: YouthSessionState) => {
      setStatus(state.status);
      addMessages(state.messages);
      if (state.phase === 'chatting') {
        setStarting(false);
        joinRequest.current = null;
        if (state.counsellorName) setCounsellorName(state.counsellorName);
        if (state.resumed && phaseRef.current.kind !== 'chatting') setChatLines((c) => [...c, localNotice(t('chat.notice.resumed'))]);
        setPhase({ kind: 'chatting' });
      } else if (state.phase === 'queued') {
        setStarting(false);
        joinRequest.current = null;
        if (state.resumed && phaseRef.current.kind === 'loading') setAnnouncement(t('chat.notice.resumedQueue'));
        showQueue({ position: state.position ?? 1, waitMinutes: state.waitMinutes ?? null });
      } else if (joinRequest.current) {
        const request = joinRequest.current;
        s.timeout(ACK_TIMEOUT_MS).emit('queue:join', request, (err, ack) => {
          if (err) return handleJoinError('timeout', t('chat.error.generic'));
          if (ack.ok) {
            joinRequest.current = null;
            setStarting(false);
            showQueue(ack);
            heading.current?.focus();
          } else handleJoinError(ack.code, ack.error, ack.opensText);
        });
      } else if (phaseRef.current.kind === 'ended') {
        // After the end the socket stays for the satisfaction check; a reconnect changes nothing.
      } else {
        // Idle without a pending start: the token's session is gone (ended, or away longer than the
        // resume window). Say so plainly instead of silently showing the start screen.
        const wasActive = phaseRef.current.kind === 'queued' || phaseRef.current.kind === 'chatting';
        forget();
        if (state.expired || wasActive) setInfo(t('chat.notice.expired'));
        setPhase(statusPhase(state.status));
      }
    });
    s.on('queue:position', (q) => {
      if (phaseRef.current.kind === 'queued' || phaseRef.current.kind === 'chatting') showQueue(q);
    });
    s.on('conversation:started', ({ counsellorName: name }) => {
      setCounsellorName(name);
      setPhase({ kind: 'chatting' });
      if (document.hidden) document.title = `(!) ${t('chat.conversation.joined', { name })}`;
      queueMicrotask(() => heading.current?.focus());
    });
    s.on('message', (message) => {
      addMessages([message]);
      if (message.from === 'counsellor') setCounsellorTyping(false);
      if (document.hidden && message.from !== 'youth') document.title = `(!) ${t('chat.notice.newMessage')}`;
    });
    s.on('typing', ({ typing }) => setCounsellorTyping(typing));
    s.on('conversation:ended', ({ by, feedbackId }) => {
      setCounsellorTyping(false);
      if (by === 'counsellor') setChatLines((c) => [...c, localNotice(t('chat.notice.endedByCounsellor'))]);
      // The conversation is over: the token has no more use, so it goes now.
      wipeSessionToken(storage());
      setPhase(by === 'blocked' ? { kind: 'blocked' } : { kind: 'ended', by, ...(feedbackId ? { feedbackId } : {}) });
    });
    return s;
  };

  const statusPhase = (st: ChatStatus): Phase =>
    st.state === 'closed' ? { kind: 'closed', text: st.text } : st.state === 'busy' ? { kind: 'busy', text: st.text } : { kind: 'intro' };

  const loadStatus = async () => {
    setPhase({ kind: 'loading' });
    try {
      const res = await fetch(STATUS_PATH, { cache: 'no-store', credentials: 'omit' });
      if (!res.ok) throw new Error(String(res.status));
      const st = (await res.json()) as ChatStatus;
      setStatus(st);
      setPhase(statusPhase(st));
    } catch {
      setPhase({ kind: 'unavailable' });
    }
  };

  useEffect(() => {
    // A token in this tab means a chat was going on before a reload or a drop: pick it up again.
    if (readSessionToken(storage())) connect();
    else void loadStatus();

    const onQuickExit = () => {
      // Synchronous, before the page is replaced: the emit goes out on the open socket now.
      const s = socket.current;
      if (s?.connected) s.emit('session:end', { reason: 'quickExit' }, () => undefined);
      wipeSessionToken(storage());
    };
    const onVisible = () => {
      if (!document.hidden) document.title = originalTitle;
    };
    const originalTitle = document.title;
    window.addEventListener('cjg:quick-exit', onQuickExit);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('cjg:quick-exit', onQuickExit);
      document.removeEventListener('visibilitychange', onVisible);
      socket.current?.disconnect();
    };
  }, []);

  const start = (e: Event) => {
    e.preventDefault();
    setInfo('');
    setStartError('');
    setStarting(true);
    setChatLines([]);
    setFeedback('idle');
    setSaved(false);
    announced.current = null;
    joinRequest.current = { ...(topic ? { topic } : {}), ...(ageBand ? { ageBand } : {}) };
    const s = connect();
    if (s.connected) {
      // Already connected (e.g. a second chat after the first ended): no fresh session:state will come.
      s.disconnect().connect();
    }
  };

  const stop = () => {
    const s = socket.current;
    setConfirm(null);
    if (s?.connected) {
      const wasChatting = phaseRef.current.kind === 'chatting';
      s.timeout(ACK_TIMEOUT_MS).emit('session:end', { reason: 'stop' }, (err, ack) => {
        if (wasChatting) {
          // The server may also have sent conversation:ended already; either way we show the end once.
          const feedbackId = !err && ack.ok ? ack.feedbackId : undefined;
          wipeSessionToken(storage());
          setPhase((current) => {
            const known = current.kind === 'ended' ? current.feedbackId : undefined;
            const id = feedbackId ?? known;
            return { kind: 'ended', by: 'youth', ...(id ? { feedbackId: id } : {}) };
          });
          setChatLines((c) => (c.some((l) => l.text === t('chat.notice.endedByYou')) ? c : [...c, localNotice(t('chat.notice.endedByYou'))]));
        } else {
          forget();
          void loadStatus();
        }
      });
    } else {
      forget();
      void loadStatus();
    }
  };

  const send = async (text: string): Promise<string | null> => {
    const s = socket.current;
    if (!s?.connected) return t('chat.composer.notConnected');
    try {
      const ack = await s.timeout(ACK_TIMEOUT_MS).emitWithAck('message:send', { text, clientId: newSessionToken().slice(0, 22) });
      if (!ack.ok) return ack.error;
      lastSeq.current = Math.max(lastSeq.current, ack.seq);
      setChatLines((c) => mergeLines(c, [{ id: ack.id, from: 'youth', text, at: Date.now() }]));
      return null;
    } catch {
      return t('chat.composer.notConnected');
    }
  };

  const typing = (value: boolean) => {
    socket.current?.volatile.emit('typing', { typing: value });
  };

  const rate = (rating: number) => {
    const s = socket.current;
    if (phase.kind !== 'ended' || !phase.feedbackId || !s?.connected) {
      setFeedback('failed');
      return;
    }
    s.timeout(ACK_TIMEOUT_MS).emit('feedback:send', { feedbackId: phase.feedbackId, rating }, (err, ack) => {
      setFeedback(!err && ack.ok ? 'sent' : 'failed');
    });
  };

  const save = () => {
    const now = Date.now();
    const transcript = transcriptText(
      chatLines.map((l) => ({ who: l.from === 'youth' ? t('chat.you') : l.from === 'notice' ? t('chat.system') : (l.name ?? t('chat.counsellorFallback')), text: l.text, at: l.at })),
      { cjgName, now, timeZone },
    );
    downloadText(transcript, transcriptFilename(now, timeZone));
    setSaved(true);
  };

  const newChat = () => {
    forget();
    setChatLines([]);
    setCounsellorName('');
    void loadStatus();
  };

  const saveButton = chatLines.length > 0 && (
    <button type="button" class="button button--secondary" onClick={save}>
      {t('chat.save')}
    </button>
  );

  const live = (
    <p class="visually-hidden" role="status" aria-live="polite">
      {announcement}
    </p>
  );

  const banner = connection === 'reconnecting' && (phase.kind === 'queued' || phase.kind === 'chatting') && (
    <p class="chat-banner chat-banner--warning" role="status">
      {t('chat.notice.reconnecting')}
    </p>
  );

  const cancelConfirm = () => {
    const trigger = confirm === 'stop' ? 'chat-stoppen' : 'chat-beeindigen';
    setConfirm(null);
    queueMicrotask(() => document.getElementById(trigger)?.focus());
  };
  const stopControls = confirm ? (
    <ConfirmBox
      id="chat-confirm-tekst"
      question={confirm === 'stop' ? t('chat.stop.confirm') : t('chat.end.confirm')}
      yes={confirm === 'stop' ? t('chat.stop.yes') : t('chat.end.yes')}
      no={t('chat.stop.no')}
      onYes={stop}
      onNo={cancelConfirm}
    />
  ) : null;

  if (phase.kind === 'loading') {
    return (
      <div class="chat-panel" aria-busy="true">
        <p>{t('chat.loading')}</p>
      </div>
    );
  }

  if (phase.kind === 'closed' || phase.kind === 'busy' || phase.kind === 'unavailable' || phase.kind === 'blocked') {
    const title =
      phase.kind === 'closed' ? t('chat.closed.title') : phase.kind === 'busy' ? t('chat.busy.title') : t('chat.linesNow.title');
    const text =
      phase.kind === 'closed'
        ? phase.text
        : phase.kind === 'busy'
          ? t('chat.busy.text')
          : phase.kind === 'blocked'
            ? t('chat.notice.blocked')
            : t('chat.unavailable');
    return (
      <div class="chat-panel" data-chat-state={phase.kind}>
        {live}
        <h2 ref={heading} tabindex={-1}>
          {title}
        </h2>
        <p>{text}</p>
        {phase.kind === 'closed' && (
          <>
            <h3>{t('chat.closed.hours')}</h3>
            <ul>
              {hours.map((h) => (
                <li key={h}>{h}</li>
              ))}
            </ul>
          </>
        )}
        {(phase.kind === 'busy' || phase.kind === 'unavailable') && (
          <p>
            <button type="button" class="button button--secondary" onClick={() => void loadStatus()}>
              {t('chat.busy.retry')}
            </button>
          </p>
        )}
        {(phase.kind === 'closed' || phase.kind === 'busy') && <AskLink context={phase.kind} />}
        <LinesNow lines={lines} id="chat-lijnen" headingLevel={phase.kind === 'unavailable' || phase.kind === 'blocked' ? 3 : 2} />
      </div>
    );
  }

  if (phase.kind === 'intro') {
    const waitText = status?.waitMinutes != null ? t('chat.waiting.estimate', { wait: formatWait(status.waitMinutes) }) : '';
    return (
      <div class="chat-panel" data-chat-state="intro">
        {live}
        <h2 ref={heading} tabindex={-1}>
          {t('chat.start.title')}
        </h2>
        {info && (
          <p class="chat-banner" role="status">
            {info}
          </p>
        )}
        <p class="chat-promise">
          {t('chat.start.promise')} <a href="#chat-privacy-titel">{t('chat.start.promiseLink')}</a>
        </p>
        <p>{t('chat.start.intro')}</p>
        {waitText && <p>{waitText}</p>}
        <form class="chat-form" onSubmit={start}>
          <div class="chat-field">
            <label for="chat-onderwerp">{t('chat.start.topic')}</label>
            <select id="chat-onderwerp" value={topic} onChange={(e) => setTopic(e.currentTarget.value as ChatTopic | '')}>
              <option value="">{t('chat.start.skip')}</option>
              {CHAT_TOPICS.map((o) => (
                <option key={o} value={o}>
                  {ONDERWERP_INFO[o].label}
                </option>
              ))}
            </select>
          </div>
          <div class="chat-field">
            <label for="chat-leeftijd">{t('chat.start.age')}</label>
            <select id="chat-leeftijd" value={ageBand} onChange={(e) => setAgeBand(e.currentTarget.value as ChatAgeBand | '')}>
              <option value="">{t('chat.start.skip')}</option>
              {LEEFTIJDSGROEPEN.filter((g) => (CHAT_AGE_BANDS as readonly string[]).includes(g.id)).map((g) => (
                <option key={g.id} value={g.id}>
                  {g.label}
                </option>
              ))}
            </select>
          </div>
          <p class="chat-composer__error" role="alert">
            {startError}
          </p>
          <div class="chat-actions">
            <button type="submit" class="button" disabled={starting}>
              {starting ? t('chat.start.starting') : t('chat.start.button')}
            </button>
          </div>
        </form>
        <LinesNow lines={lines} id="chat-lijnen" headingLevel={3} />
      </div>
    );
  }

  if (phase.kind === 'queued') {
    const where = phase.position <= 1 ? t('chat.waiting.next') : t('chat.waiting.position', { n: phase.position });
    return (
      <div class="chat-panel" data-chat-state="queued">
        {live}
        {banner}
        <h2 ref={heading} tabindex={-1}>
          <span class="chat-waiting__spinner" aria-hidden="true" />
          {t('chat.waiting.title')}
        </h2>
        <p class="chat-queue-status" data-queue-position={phase.position}>
          {where}
        </p>
        <p>{t('chat.waiting.estimate', { wait: formatWait(phase.waitMinutes) })}</p>
        <p>{t('chat.waiting.calm')}</p>
        <AskLink context="waiting" />
        {chatLines.length > 0 && <MessageList lines={chatLines} viewer="youth" label={t('chat.conversation.log')} timeZone={timeZone} />}
        <div class="chat-actions">
          <button type="button" id="chat-stoppen" class="button button--danger" aria-expanded={confirm === 'stop'} onClick={() => setConfirm('stop')}>
            {t('chat.stop')}
          </button>
          {saveButton}
        </div>
        {stopControls}
        <TopicArticles topic={topic || null} />
        <LinesNow lines={lines} id="chat-lijnen" headingLevel={3} />
      </div>
    );
  }

  if (phase.kind === 'chatting') {
    return (
      <div class="chat-panel chat-conversation" data-chat-state="chatting">
        {live}
        {banner}
        <h2 ref={heading} tabindex={-1}>
          {counsellorName ? t('chat.conversation.joined', { name: counsellorName }) : t('chat.conversation.title')}
        </h2>
        <MessageList lines={chatLines} viewer="youth" label={t('chat.conversation.log')} timeZone={timeZone} />
        <p class="chat-typing">{counsellorTyping ? t('chat.typing', { name: counsellorName || t('chat.counsellorFallback') }) : ''}</p>
        <Composer
          id="chat-bericht"
          label={t('chat.composer.label')}
          maxLength={MAX_MESSAGE_LENGTH}
          onSend={send}
          onTyping={typing}
        />
        <div class="chat-actions">
          {saveButton}
          <button type="button" id="chat-beeindigen" class="button button--danger" aria-expanded={confirm === 'end'} onClick={() => setConfirm('end')}>
            {t('chat.end')}
          </button>
        </div>
        {stopControls}
        {saved && <p role="status">{t('chat.save.done')}</p>}
      </div>
    );
  }

  // Ended
  return (
    <div class="chat-panel" data-chat-state="ended">
      {live}
      <h2 ref={heading} tabindex={-1}>
        {t('chat.ended.title')}
      </h2>
      {chatLines.length > 0 && <MessageList lines={chatLines} viewer="youth" label={t('chat.conversation.log')} timeZone={timeZone} />}
      <p>{t('chat.ended.text')}</p>
      <div class="chat-actions">
        {saveButton}
        <button type="button" class="button button--secondary" onClick={newChat}>
          {t('chat.ended.again')}
        </button>
      </div>
      {saved && <p role="status">{t('chat.save.done')}</p>}
      {phase.feedbackId && (
        <div class="chat-panel chat-panel--calm">
          {feedback === 'idle' ? (
            <fieldset class="chat-feedback">
              <legend>{t('chat.feedback.title')}</legend>
              <p>{t('chat.feedback.intro')}</p>
              <div class="chat-feedback__options">
                {Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => RATING_MIN + i).map((rating) => (
                  <button key={rating} type="button" class="button button--secondary" onClick={() => rate(rating)}>
                    {t(RATING_KEYS[rating] ?? 'chat.feedback.3')}
                  </button>
                ))}
              </div>
            </fieldset>
          ) : (
            <p role="status">{feedback === 'sent' ? t('chat.feedback.thanks') : t('chat.feedback.failed')}</p>
          )}
        </div>
      )}
      <LinesNow lines={lines} id="chat-lijnen" headingLevel={3} />
    </div>
  );
}
