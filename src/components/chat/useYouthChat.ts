import { useEffect, useRef, useState } from 'preact/hooks';
import { io, type Socket } from 'socket.io-client';
import type {
  Ack,
  ChatMessage,
  ChatStatus,
  ConnectionCheck,
  EndedBy,
  QueuePosition,
  YouthClientToServerEvents,
  YouthServerToClientEvents,
  YouthSessionState,
} from '../../../shared/protocol/events.ts';
import { CONNECTION_PATH, SOCKET_PATH, STATUS_PATH, YOUTH_NAMESPACE, type YouthChatAgeBand, type ChatTopic } from '../../../shared/protocol/limits.ts';
import { t } from './strings.ts';
import { shouldAnnounceQueue } from '../../lib/chat-announce.ts';
import { formatWait } from '../../lib/chat-format.ts';
import { ensureSessionToken, newSessionToken, readSessionToken, wipeSessionToken } from '../../lib/chat-session.ts';
import { localNotice, mergeLines, messageToLine, type ChatLine } from './types.ts';
import { ackWithin } from './ack-within.ts';

type YouthSocket = Socket<YouthServerToClientEvents, YouthClientToServerEvents>;

/**
 * A counsellor answered: focus the conversation's heading and bring the whole panel into view from
 * its top, so on a phone the message field is on screen without scrolling (the panel is one screen high).
 */
function showConversation(heading: HTMLElement | null): void {
  if (!heading) return;
  heading.focus({ preventScroll: true });
  heading.scrollIntoView({ block: 'start' });
}

export type YouthPhase =
  | { kind: 'loading' }
  | { kind: 'intro' }
  | { kind: 'closed'; text: string }
  /** `network`: the limit of this network (a school's wifi), not the chat as a whole; `text` says so in Dutch. */
  | { kind: 'busy'; text: string; network?: boolean }
  | { kind: 'unavailable' }
  | { kind: 'blocked' }
  | { kind: 'queued'; position: number; waitMinutes: number | null }
  | { kind: 'chatting' }
  | { kind: 'ended'; by: EndedBy; feedbackId?: string };

/** A message the young person sent that the server has not confirmed yet. */
interface OutboxItem {
  /** Sent with every try, so the server stores it once however often it is retried. */
  clientId: string;
  text: string;
  at: number;
}

const ACK_TIMEOUT_MS = 10_000;
/** After a send that got no answer in time, try again this much later (the clientId makes it safe). */
const RETRY_MS = 2_000;

const storage = () => (typeof sessionStorage === 'undefined' ? undefined : sessionStorage);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const statusPhase = (st: ChatStatus): YouthPhase =>
  st.state === 'closed' ? { kind: 'closed', text: st.text } : st.state === 'busy' ? { kind: 'busy', text: st.text } : { kind: 'intro' };

/**
 * The young person's chat as a state machine over one socket: status → start → queue →
 * conversation → end. Messages go through an outbox: each is shown at once as "wordt verstuurd",
 * sent one at a time in order, retried after a drop with the same id, and confirmed exactly once.
 */
export function useYouthChat() {
  const [phase, setPhase] = useState<YouthPhase>({ kind: 'loading' });
  const [status, setStatus] = useState<ChatStatus | null>(null);
  const [lines, setLines] = useState<ChatLine[]>([]);
  const [outbox, setOutbox] = useState<OutboxItem[]>([]);
  const [draft, setDraft] = useState('');
  const [counsellorName, setCounsellorName] = useState('');
  const [counsellorTyping, setCounsellorTyping] = useState(false);
  const [connection, setConnection] = useState<'online' | 'reconnecting'>('online');
  /** Why reconnecting does not work: this network's connection limit, in Dutch (empty when unknown). */
  const [refusal, setRefusal] = useState('');
  const explaining = useRef(false);
  const [announcement, setAnnouncement] = useState('');
  const [startError, setStartError] = useState('');
  const [sendError, setSendError] = useState('');
  const [starting, setStarting] = useState(false);
  /** A calm one-line explanation shown on the start screen (e.g. the previous chat expired). */
  const [info, setInfo] = useState('');
  /** The topic picked at the start, for reading suggestions while waiting (never sent anywhere else). */
  const [topic, setTopic] = useState<ChatTopic | null>(null);

  const socket = useRef<YouthSocket | null>(null);
  const lastSeq = useRef(0);
  const joinRequest = useRef<{ topic?: ChatTopic; ageBand?: YouthChatAgeBand } | null>(null);
  const announced = useRef<{ position: number; at: number } | null>(null);
  const phaseRef = useRef(phase);
  phaseRef.current = phase;
  const pending = useRef<OutboxItem[]>([]);
  const flushing = useRef(false);
  const heading = useRef<HTMLHeadingElement>(null);

  const syncOutbox = () => setOutbox([...pending.current]);

  const addMessages = (messages: ChatMessage[]) => {
    for (const m of messages) lastSeq.current = Math.max(lastSeq.current, m.seq);
    if (messages.length) setLines((current) => mergeLines(current, messages.map(messageToLine)));
  };

  /** Sends what waits in the outbox, oldest first, one at a time, while the socket is up. */
  const flush = async () => {
    if (flushing.current) return;
    flushing.current = true;
    try {
      for (;;) {
        const item = pending.current.at(0);
        const s = socket.current;
        if (!item || !s?.connected || phaseRef.current.kind !== 'chatting') return;
        let ack: Ack<{ id: string; seq: number }>;
        try {
          const payload = { text: item.text, clientId: item.clientId };
          ack = await ackWithin<Ack<{ id: string; seq: number }>>((done) => s.timeout(ACK_TIMEOUT_MS).emit('message:send', payload, done));
        } catch {
          // No answer in time: the message may or may not be in; the same clientId makes a retry safe.
          setTimeout(() => void flush(), RETRY_MS);
          return;
        }
        if (ack.ok) {
          lastSeq.current = Math.max(lastSeq.current, ack.seq);
          pending.current = pending.current.filter((p) => p !== item);
          setLines((c) => (c.some((l) => l.id === ack.id) ? c : mergeLines(c, [{ id: ack.id, from: 'youth', text: item.text, at: item.at }])));
          syncOutbox();
        } else if (ack.code === 'rate_limited') {
          await sleep(ack.retryAfterMs ?? RETRY_MS);
        } else {
          // Refused for good: nothing is lost, the text goes back into the field with the reason.
          pending.current = pending.current.filter((p) => p !== item);
          syncOutbox();
          setDraft((typed) => (typed ? `${item.text}\n${typed}` : item.text));
          setSendError(t('chat.outbox.failed', { reason: ack.error }));
        }
      }
    } finally {
      flushing.current = false;
    }
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

  /** Drops the connection and the tab's token: nothing of this chat is left in the browser. */
  const forget = () => {
    wipeSessionToken(storage());
    socket.current?.disconnect();
    socket.current = null;
    lastSeq.current = 0;
    pending.current = [];
    syncOutbox();
  };

  const handleJoinError = (code: string, error: string, opensText?: string) => {
    joinRequest.current = null;
    setStarting(false);
    if (code === 'closed') {
      forget();
      setPhase({ kind: 'closed', text: opensText ? t('chat.closed.opensAt', { when: opensText }) : error });
    } else if (code === 'busy' || code === 'network_busy' || code === 'too_many_connections') {
      forget();
      setPhase({ kind: 'busy', text: error, ...(code === 'busy' ? {} : { network: true }) });
    } else if (code === 'blocked') {
      forget();
      setPhase({ kind: 'blocked' });
    } else if (code !== 'already_queued' && code !== 'already_chatting') {
      setStartError(error);
    }
  };

  /**
   * A failed connection says nothing about why (a browser cannot read a refused WebSocket handshake), so
   * ask the server whether this network hit its connection limit. Starting a chat: show it like "busy",
   * with the lines. In a queue or conversation: keep trying in the background and say why it takes long.
   */
  const explainFailure = async () => {
    if (explaining.current) return;
    explaining.current = true;
    try {
      const res = await fetch(CONNECTION_PATH, { cache: 'no-store', credentials: 'omit' });
      const check = (await res.json()) as ConnectionCheck;
      if (check.ok || socket.current?.connected) return;
      if (joinRequest.current && phaseRef.current.kind !== 'queued' && phaseRef.current.kind !== 'chatting') handleJoinError(check.code, check.error);
      else setRefusal(check.error);
    } catch {
      // The server is unreachable: the reconnecting notice already says what there is to say.
    } finally {
      explaining.current = false;
    }
  };

  const onSessionState = (s: YouthSocket, state: YouthSessionState) => {
    setStatus(state.status);
    addMessages(state.messages);
    if (state.phase === 'chatting') {
      setStarting(false);
      joinRequest.current = null;
      if (state.counsellorName) setCounsellorName(state.counsellorName);
      if (state.resumed && phaseRef.current.kind !== 'chatting') setLines((c) => [...c, localNotice(t('chat.notice.resumed'))]);
      phaseRef.current = { kind: 'chatting' };
      setPhase(phaseRef.current);
      void flush();
    } else if (state.phase === 'queued') {
      setStarting(false);
      joinRequest.current = null;
      if (state.resumed && phaseRef.current.kind === 'loading') setAnnouncement(t('chat.notice.resumedQueue'));
      showQueue({ position: state.position ?? 1, waitMinutes: state.waitMinutes ?? null });
    } else if (joinRequest.current) {
      s.timeout(ACK_TIMEOUT_MS).emit('queue:join', joinRequest.current, (err: Error | null, ack) => {
        if (err) {
          handleJoinError('timeout', t('chat.error.generic'));
          return;
        }
        if (!ack.ok) {
          handleJoinError(ack.code, ack.error, ack.opensText);
          return;
        }
        joinRequest.current = null;
        setStarting(false);
        showQueue(ack);
        heading.current?.focus();
      });
    } else if (phaseRef.current.kind !== 'ended') {
      // Idle without a pending start: the token's session is gone (ended, or away longer than the
      // resume window). Say so plainly instead of silently showing the start screen.
      // (After the end the socket stays for the satisfaction check; a reconnect changes nothing.)
      const wasActive = phaseRef.current.kind === 'queued' || phaseRef.current.kind === 'chatting';
      forget();
      if (state.expired || wasActive) setInfo(t('chat.notice.expired'));
      setPhase(statusPhase(state.status));
    }
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
    s.on('connect', () => {
      setConnection('online');
      setRefusal('');
    });
    s.on('disconnect', (reason) => {
      if (reason !== 'io client disconnect') setConnection('reconnecting');
    });
    s.on('connect_error', () => {
      setConnection('reconnecting');
      void explainFailure();
    });
    s.on('session:state', (state) => onSessionState(s, state));
    s.on('queue:position', (q) => {
      if (phaseRef.current.kind === 'queued' || phaseRef.current.kind === 'chatting') showQueue(q);
    });
    s.on('conversation:started', ({ counsellorName: name }) => {
      setCounsellorName(name);
      phaseRef.current = { kind: 'chatting' };
      setPhase(phaseRef.current);
      if (document.hidden) document.title = `(!) ${t('chat.conversation.joined', { name })}`;
      queueMicrotask(() => {
        showConversation(heading.current);
      });
      void flush();
    });
    s.on('message', (message) => {
      // Our own message echoed by the server: it is delivered, so it leaves the outbox now (once).
      const first = pending.current.at(0);
      if (message.from === 'youth' && first?.text === message.text) {
        pending.current = pending.current.slice(1);
        syncOutbox();
      }
      addMessages([message]);
      if (message.from === 'counsellor') setCounsellorTyping(false);
      if (document.hidden && message.from !== 'youth') document.title = `(!) ${t('chat.notice.newMessage')}`;
    });
    s.on('typing', ({ typing }) => setCounsellorTyping(typing));
    s.on('conversation:ended', ({ by, feedbackId }) => {
      setCounsellorTyping(false);
      if (by === 'counsellor') setLines((c) => [...c, localNotice(t('chat.notice.endedByCounsellor'))]);
      // Whatever did not go out stays readable: back into the field it came from.
      const unsent = pending.current.map((p) => p.text).join('\n');
      if (unsent) setDraft((typed) => (typed ? `${unsent}\n${typed}` : unsent));
      pending.current = [];
      syncOutbox();
      // The conversation is over: the token has no more use, so it goes now.
      wipeSessionToken(storage());
      setPhase(by === 'blocked' ? { kind: 'blocked' } : { kind: 'ended', by, ...(feedbackId ? { feedbackId } : {}) });
    });
    return s;
  };

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
    const originalTitle = document.title;
    const onVisible = () => {
      if (!document.hidden) document.title = originalTitle;
    };
    window.addEventListener('cjg:quick-exit', onQuickExit);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('cjg:quick-exit', onQuickExit);
      document.removeEventListener('visibilitychange', onVisible);
      socket.current?.disconnect();
    };
  }, []);

  const start = (choice: { topic?: ChatTopic; ageBand?: YouthChatAgeBand }) => {
    setInfo('');
    setStartError('');
    setStarting(true);
    setTopic(choice.topic ?? null);
    setLines([]);
    announced.current = null;
    joinRequest.current = choice;
    const s = connect();
    // Already connected (a second chat after the first ended): no fresh session:state would come.
    if (s.connected) s.disconnect().connect();
  };

  const stop = () => {
    const s = socket.current;
    if (!s?.connected) {
      forget();
      void loadStatus();
      return;
    }
    const wasChatting = phaseRef.current.kind === 'chatting';
    s.timeout(ACK_TIMEOUT_MS).emit('session:end', { reason: 'stop' }, (err: Error | null, ack) => {
      if (!wasChatting) {
        forget();
        void loadStatus();
        return;
      }
      // The server may also have sent conversation:ended already; either way we show the end once.
      const feedbackId = !err && ack.ok ? ack.feedbackId : undefined;
      wipeSessionToken(storage());
      setPhase((current) => {
        const id = feedbackId ?? (current.kind === 'ended' ? current.feedbackId : undefined);
        return { kind: 'ended', by: 'youth', ...(id ? { feedbackId: id } : {}) };
      });
      setLines((c) => (c.some((l) => l.text === t('chat.notice.endedByYou')) ? c : [...c, localNotice(t('chat.notice.endedByYou'))]));
    });
  };

  /** Queues a message; it is on screen at once and goes out as soon as the connection allows. */
  const send = async (text: string): Promise<null> => {
    setSendError('');
    pending.current = [...pending.current, { clientId: newSessionToken().slice(0, 22), text, at: Date.now() }];
    syncOutbox();
    void flush();
    return null;
  };

  const typing = (value: boolean) => {
    socket.current?.volatile.emit('typing', { typing: value });
  };

  const rate = (rating: number, done: (ok: boolean) => void) => {
    const s = socket.current;
    if (phase.kind !== 'ended' || !phase.feedbackId || !s?.connected) {
      done(false);
      return;
    }
    s.timeout(ACK_TIMEOUT_MS).emit('feedback:send', { feedbackId: phase.feedbackId, rating }, (err: Error | null, ack) => done(!err && ack.ok));
  };

  const newChat = () => {
    forget();
    setDraft('');
    setLines([]);
    setCounsellorName('');
    void loadStatus();
  };

  // What the log shows: confirmed lines, then the outbox in order, marked "wordt verstuurd".
  const shown = outbox.length
    ? [...lines, ...outbox.map((o): ChatLine => ({ id: `uit-${o.clientId}`, from: 'youth', text: o.text, at: o.at, pending: true }))]
    : lines;

  return {
    phase,
    status,
    topic,
    lines: shown,
    draft: { text: draft, set: setDraft },
    sendError,
    counsellorName,
    counsellorTyping,
    connection,
    refusal,
    announcement,
    startError,
    starting,
    info,
    heading,
    actions: { start, stop, send, typing, rate, newChat, retryStatus: loadStatus },
  };
}

export type YouthChatState = ReturnType<typeof useYouthChat>;
