import { useEffect, useRef, useState } from 'preact/hooks';
import { io, type Socket } from 'socket.io-client';
import type {
  ChatMessage,
  ConversationView,
  CrisisLineView,
  EndedBy,
  FlagView,
  QueueEntryView,
  StaffClientToServerEvents,
  StaffMember,
  StaffServerToClientEvents,
  StaffSessionState,
  TeamMemberView,
} from '../../../shared/protocol/events.ts';
import { LOGIN_PATH, MAX_MESSAGE_LENGTH, SOCKET_PATH, STAFF_NAMESPACE } from '../../../shared/protocol/limits.ts';
import { LEEFTIJDSGROEPEN, ONDERWERP_INFO } from '../../../shared/taxonomy.ts';
import { t, type UiKey } from '../../../shared/i18n/nl.ts';
import { formatWaited } from '../../lib/chat-format.ts';
import { consoleShortcut } from '../../lib/chat-shortcuts.ts';
import { clearStaffSession, readStaffSession, saveStaffSession, staffLogin, staffLogout, type StaffSession } from '../../lib/staff-session.ts';
import { Composer } from './Composer.tsx';
import { ConfirmBox } from './ConfirmBox.tsx';
import { MessageList } from './MessageList.tsx';
import { mergeLines, type ChatLine } from './types.ts';

type StaffSocket = Socket<StaffServerToClientEvents, StaffClientToServerEvents>;

/** A sociale-kaart entry as rendered into the page at build time. */
export interface KaartEntry {
  id: string;
  name: string;
  url?: string;
  phone?: string;
}

interface Props {
  kaart: KaartEntry[];
  timeZone: string;
}

interface Conversation {
  id: string;
  /** "Jongere 3": stable for this console session, never anything identifying. */
  number: number;
  topic: ConversationView['topic'];
  ageBand: ConversationView['ageBand'];
  lines: ChatLine[];
  youthTyping: boolean;
  youthConnected: boolean;
  flagged: boolean;
  readOnly: boolean;
  /** Set when the conversation left this console; the tab stays until closed, so nothing vanishes mid-sentence. */
  ended?: EndedBy | 'transferred' | 'requeued';
  unread: number;
  insert?: { text: string; key: number };
  confirm?: 'block' | 'end';
  showCrisis: boolean;
  error: string;
}

const ACK_TIMEOUT_MS = 10_000;
const CANNED: UiKey[] = ['console.canned.hello', 'console.canned.moment', 'console.canned.scale', 'console.canned.anonymous', 'console.canned.close'];

const topicLabel = (topic: ConversationView['topic']) => (topic ? ONDERWERP_INFO[topic].label : t('console.queue.noTopic'));
const ageLabel = (band: ConversationView['ageBand']) => LEEFTIJDSGROEPEN.find((g) => g.id === band)?.label ?? t('console.queue.noAge');

/** A short beep made in the browser (no sound file to fetch). Only after the counsellor switched sound on. */
function beep(audio: AudioContext | null) {
  if (!audio) return;
  const osc = audio.createOscillator();
  const gain = audio.createGain();
  osc.frequency.value = 660;
  gain.gain.setValueAtTime(0.15, audio.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.3);
  osc.connect(gain).connect(audio.destination);
  osc.start();
  osc.stop(audio.currentTime + 0.3);
}

export default function CounsellorConsole({ kaart, timeZone }: Props) {
  const [session, setSession] = useState<StaffSession | null>(() => (typeof sessionStorage === 'undefined' ? null : readStaffSession()));
  const [loginError, setLoginError] = useState('');
  const [loggingIn, setLoggingIn] = useState(false);
  const [me, setMe] = useState<StaffMember | null>(null);
  const [queue, setQueue] = useState<{ entries: QueueEntryView[]; receivedAt: number }>({ entries: [], receivedAt: 0 });
  const [team, setTeam] = useState<TeamMemberView[]>([]);
  const [flags, setFlags] = useState<FlagView[]>([]);
  const [crisisLines, setCrisisLines] = useState<CrisisLineView[]>([]);
  const [conversations, setConversations] = useState<Conversation[]>([]);
  const [active, setActive] = useState<string | null>(null);
  const [connection, setConnection] = useState<'connecting' | 'online' | 'lost'>('connecting');
  const [notice, setNotice] = useState('');
  const [sound, setSound] = useState(false);
  const soundRef = useRef(sound);
  soundRef.current = sound;
  const [kaartQuery, setKaartQuery] = useState('');
  const [, setTick] = useState(0);

  const socket = useRef<StaffSocket | null>(null);
  const audio = useRef<AudioContext | null>(null);
  const seenEntries = useRef(new Set<string>());
  const counter = useRef(0);
  const originalTitle = useRef('');
  const conversationsRef = useRef(conversations);
  conversationsRef.current = conversations;
  const activeRef = useRef(active);
  activeRef.current = active;

  const patch = (id: string, change: (c: Conversation) => Partial<Conversation>) =>
    setConversations((list) => list.map((c) => (c.id === id ? { ...c, ...change(c) } : c)));

  const lineFrom = (message: ChatMessage): ChatLine => {
    const base = { id: message.id, at: message.at };
    if (message.from === 'youth') return { ...base, from: 'youth', text: message.text };
    if (message.from === 'counsellor') return { ...base, from: 'counsellor', name: message.name, text: message.text };
    const name = message.name ?? '';
    const text =
      message.notice === 'counsellorJoined'
        ? t('chat.conversation.joined', { name })
        : message.notice === 'transferred'
          ? t('chat.notice.transferred', { name })
          : t('chat.notice.requeued');
    return { ...base, from: 'notice', text };
  };

  const localNotice = (text: string): ChatLine => ({ id: `lokaal-${Date.now()}-${Math.random().toString(36).slice(2)}`, from: 'notice', text, at: Date.now() });

  const addConversation = (view: ConversationView) => {
    setConversations((list) => {
      const existing = list.find((c) => c.id === view.conversationId);
      const lines = view.messages.map(lineFrom);
      if (existing) {
        return list.map((c) =>
          c.id === view.conversationId
            ? // Taken again after it went back to the queue: the same tab comes back to life.
              { ...c, lines: mergeLines(c.lines, lines), youthConnected: view.youthConnected, flagged: view.flagged, readOnly: view.readOnly, ended: undefined }
            : c,
        );
      }
      counter.current += 1;
      const fresh: Conversation = {
        id: view.conversationId,
        number: counter.current,
        topic: view.topic,
        ageBand: view.ageBand,
        lines,
        youthTyping: false,
        youthConnected: view.youthConnected,
        flagged: view.flagged,
        readOnly: view.readOnly,
        unread: 0,
        showCrisis: false,
        error: '',
      };
      return [...list, fresh];
    });
    setActive((current) => current ?? view.conversationId);
  };

  const updateQueue = (entries: QueueEntryView[]) => {
    const fresh = entries.filter((e) => !seenEntries.current.has(e.entryId));
    for (const e of entries) seenEntries.current.add(e.entryId);
    setQueue({ entries, receivedAt: Date.now() });
    if (fresh.length && soundRef.current) beep(audio.current);
  };

  // The socket lives as long as the login.
  useEffect(() => {
    if (!session) return;
    originalTitle.current ||= document.title;
    setConnection('connecting');
    const s: StaffSocket = io(STAFF_NAMESPACE, { path: SOCKET_PATH, auth: { token: session.token }, transports: ['websocket', 'polling'] });
    socket.current = s;

    s.on('connect', () => {
      setConnection('online');
      setNotice('');
    });
    s.on('disconnect', (reason) => {
      if (reason !== 'io client disconnect') setConnection('lost');
    });
    s.on('connect_error', (err) => {
      // The middleware refuses an unknown or expired login with a Dutch message; back to the form.
      const data = (err as Error & { data?: { code?: string } }).data;
      if (data?.code === 'unauthorized' || /ingelogd|sessie/i.test(err.message)) {
        endSession(t('console.connection.expired'));
      } else {
        setConnection('lost');
      }
    });
    s.on('session:state', (state: StaffSessionState) => {
      setMe(state.me);
      updateQueue(state.queue);
      setTeam(state.team);
      setFlags(state.flags);
      setCrisisLines(state.crisisLines);
      for (const view of [...state.conversations, ...state.observing]) addConversation(view);
    });
    s.on('queue:update', ({ entries }) => updateQueue(entries));
    s.on('team:update', ({ members }) => setTeam(members));
    s.on('conversation:assigned', ({ conversation, reason }) => {
      addConversation(conversation);
      if (reason === 'transferred') {
        patch(conversation.conversationId, (c) => ({ lines: [...c.lines, localNotice(t('console.tools.transferDone'))] }));
        if (soundRef.current) beep(audio.current);
      }
    });
    s.on('conversation:youth', ({ conversationId, connected }) =>
      patch(conversationId, (c) => ({
        youthConnected: connected,
        youthTyping: false,
        lines: [...c.lines, localNotice(connected ? t('console.conversation.youthBack') : t('console.conversation.youthAway'))],
      })),
    );
    s.on('message', ({ conversationId, message }) =>
      patch(conversationId, (c) => ({
        lines: mergeLines(c.lines, [lineFrom(message)]),
        youthTyping: message.from === 'youth' ? false : c.youthTyping,
        unread: activeRef.current === conversationId || message.from !== 'youth' ? c.unread : c.unread + 1,
      })),
    );
    s.on('typing', ({ conversationId, typing }) => patch(conversationId, () => ({ youthTyping: typing })));
    s.on('conversation:ended', ({ conversationId, by }) => {
      const text =
        by === 'quickExit'
          ? t('console.conversation.quickExit')
          : by === 'youth'
            ? t('console.conversation.endedByYouth')
            : by === 'transferred'
              ? t('console.tools.transferDone')
              : t('console.conversation.ended');
      patch(conversationId, (c) => ({ ended: by, youthTyping: false, confirm: undefined, lines: [...c.lines, localNotice(text)] }));
    });
    s.on('conversation:flagged', ({ conversationId, flagged }) => patch(conversationId, () => ({ flagged })));
    s.on('flag:alert', (flag) => {
      setFlags((list) => [...list.filter((f) => f.conversationId !== flag.conversationId), flag]);
      if (soundRef.current) beep(audio.current);
    });
    s.on('flags:update', ({ flags: list }) => setFlags(list));
    s.on('session:expired', () => endSession(t('console.connection.expired')));

    return () => {
      s.disconnect();
      socket.current = null;
    };
  }, [session?.token]);

  // Waiting times count up on screen without a server round trip.
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), 15_000);
    return () => clearInterval(timer);
  }, []);

  // "(2) Nieuw in de wachtrij" in the tab title while young people wait, so a counsellor in another tab notices.
  useEffect(() => {
    if (!originalTitle.current) return;
    document.title = queue.entries.length > 0 ? `${t('console.notify.title', { n: queue.entries.length })} | ${originalTitle.current}` : originalTitle.current;
  }, [queue.entries.length]);

  // Keyboard shortcuts, documented on screen.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const shortcut = consoleShortcut(e);
      if (!shortcut) return;
      e.preventDefault();
      if (shortcut.kind === 'next') takeNext();
      else {
        const target = conversationsRef.current[shortcut.index];
        if (target) selectConversation(target.id, true);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const selectConversation = (id: string, focusComposer = false) => {
    setActive(id);
    patch(id, () => ({ unread: 0 }));
    if (focusComposer) queueMicrotask(() => document.getElementById(`bericht-${id}`)?.focus());
  };

  const endSession = (message = '') => {
    clearStaffSession();
    socket.current?.disconnect();
    socket.current = null;
    setSession(null);
    setMe(null);
    setConversations([]);
    setActive(null);
    setQueue({ entries: [], receivedAt: 0 });
    setLoginError(message);
    if (originalTitle.current) document.title = originalTitle.current;
  };

  const login = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const name = String(data.get('naam') ?? '').trim();
    const password = String(data.get('wachtwoord') ?? '');
    if (!name || !password) {
      setLoginError(t('console.login.missing'));
      return;
    }
    setLoggingIn(true);
    setLoginError('');
    try {
      const body = await staffLogin(name, password);
      if (!body.ok) {
        setLoginError(body.error);
        return;
      }
      const next: StaffSession = { token: body.token, name: body.name, role: body.role };
      saveStaffSession(next);
      setSession(next);
    } catch {
      setLoginError(t('console.login.failed'));
    } finally {
      setLoggingIn(false);
    }
  };

  const logout = async () => {
    const token = session?.token;
    endSession();
    if (token) await staffLogout(token);
  };

  const take = (entryId?: string) => {
    const s = socket.current;
    if (!s?.connected) return;
    s.timeout(ACK_TIMEOUT_MS).emit('conversation:take', entryId ? { entryId } : {}, (err, ack) => {
      if (err) return setNotice(t('chat.error.generic'));
      if (!ack.ok) return setNotice(ack.error);
      setNotice('');
      addConversation(ack.conversation);
      selectConversation(ack.conversation.conversationId, true);
    });
  };
  const takeNext = () => take();

  const act = (id: string, event: 'conversation:end' | 'conversation:block', after?: () => void) => {
    socket.current?.timeout(ACK_TIMEOUT_MS).emit(event, { conversationId: id }, (err, ack) => {
      if (err || !ack.ok) return patch(id, () => ({ error: err ? t('chat.error.generic') : ack.ok ? '' : ack.error, confirm: undefined }));
      patch(id, () => ({ confirm: undefined, error: '' }));
      after?.();
    });
  };

  const flag = (id: string) => {
    socket.current?.timeout(ACK_TIMEOUT_MS).emit('conversation:flag', { conversationId: id }, (err, ack) => {
      if (err || !ack.ok) return patch(id, () => ({ error: err ? t('chat.error.generic') : ack.ok ? '' : ack.error }));
      if (ack.crisisLines.length) setCrisisLines(ack.crisisLines);
      patch(id, (c) => ({ flagged: true, showCrisis: true, error: '', lines: [...c.lines, localNotice(t('console.tools.flagged'))] }));
    });
  };

  const transfer = (id: string, to: string) => {
    socket.current?.timeout(ACK_TIMEOUT_MS).emit('conversation:transfer', { conversationId: id, ...(to ? { to } : {}) }, (err, ack) => {
      if (err || !ack.ok) return patch(id, () => ({ error: err ? t('chat.error.generic') : ack.ok ? '' : ack.error }));
      patch(id, (c) => ({ ended: c.ended ?? 'transferred', error: '' }));
    });
  };

  const observe = (id: string) => {
    socket.current?.timeout(ACK_TIMEOUT_MS).emit('conversation:observe', { conversationId: id }, (err, ack) => {
      if (err || !ack.ok) return setNotice(err ? t('chat.error.generic') : ack.ok ? '' : ack.error);
      addConversation(ack.conversation);
      selectConversation(ack.conversation.conversationId);
    });
  };

  const closeTab = (id: string) => {
    const c = conversationsRef.current.find((x) => x.id === id);
    if (c?.readOnly && !c.ended) socket.current?.emit('conversation:unobserve', { conversationId: id }, () => undefined);
    const rest = conversationsRef.current.filter((x) => x.id !== id);
    setConversations(rest);
    if (activeRef.current === id) setActive(rest[0]?.id ?? null);
  };

  const send = (id: string) => async (text: string) => {
    const s = socket.current;
    if (!s?.connected) return t('chat.composer.notConnected');
    try {
      const ack = await s.timeout(ACK_TIMEOUT_MS).emitWithAck('message:send', { conversationId: id, text, clientId: Math.random().toString(36).slice(2, 14) });
      if (!ack.ok) return ack.error;
      patch(id, (c) => ({ lines: mergeLines(c.lines, [{ id: ack.id, from: 'counsellor', name: me?.name ?? '', text, at: Date.now() }]) }));
      return null;
    } catch {
      return t('chat.composer.notConnected');
    }
  };

  const insertInto = (id: string, text: string) => patch(id, (c) => ({ insert: { text, key: (c.insert?.key ?? 0) + 1 } }));

  const toggleSound = () => {
    const next = !sound;
    setSound(next);
    if (next) {
      // Browsers allow audio only after a click: create the context here.
      audio.current ??= new AudioContext();
      void audio.current.resume();
      beep(audio.current);
    }
  };

  // ---- login form ----
  if (!session) {
    return (
      <section class="chat-panel chat-panel--calm console-login" aria-labelledby="login-titel">
        <h2 id="login-titel">{t('console.login.title')}</h2>
        <form class="chat-form" onSubmit={login} method="post" action={LOGIN_PATH}>
          <div class="chat-field">
            <label for="login-naam">{t('console.login.name')}</label>
            <input id="login-naam" name="naam" type="text" autocomplete="username" autocapitalize="none" spellcheck={false} required />
          </div>
          <div class="chat-field">
            <label for="login-wachtwoord">{t('console.login.password')}</label>
            <input id="login-wachtwoord" name="wachtwoord" type="password" autocomplete="current-password" required />
          </div>
          <p class="chat-composer__error" role="alert" id="login-fout">
            {loginError}
          </p>
          <div class="chat-actions">
            <button type="submit" class="button" disabled={loggingIn}>
              {loggingIn ? t('console.login.busy') : t('console.login.submit')}
            </button>
          </div>
        </form>
      </section>
    );
  }

  const now = Date.now();
  const isSupervisor = me?.role === 'supervisor';
  const colleagues = team.filter((m) => m.name !== me?.name && m.available && m.conversations < m.maxConversations);
  const kaartMatches = kaartQuery.trim()
    ? kaart.filter((k) => k.name.toLowerCase().includes(kaartQuery.trim().toLowerCase())).slice(0, 6)
    : [];

  return (
    <div class="console">
      <div class="console__bar">
        <p class="console__me">
          {me ? `${t('console.loggedInAs', { name: me.name })} (${me.role === 'supervisor' ? t('console.role.supervisor') : t('console.role.counsellor')})` : session.name}
        </p>
        <label class="console__sound">
          <input type="checkbox" checked={sound} onChange={toggleSound} /> {t('console.notify.sound')}
        </label>
        <button type="button" class="button button--secondary" onClick={() => void logout()}>
          {t('console.logout')}
        </button>
      </div>
      <p role="status" class={connection === 'lost' ? 'chat-banner chat-banner--warning' : 'visually-hidden'}>
        {connection === 'lost' ? t('console.connection.lost') : ''}
      </p>
      {notice && (
        <p class="chat-banner chat-banner--warning" role="alert">
          {notice}
        </p>
      )}

      <div class="console__grid">
        <div class="console__side">
          <section class="console__queue" aria-labelledby="wachtrij-titel">
            <h2 id="wachtrij-titel">
              {t('console.queue.title')} <span class="console__count">({t('console.queue.count', { n: queue.entries.length })})</span>
            </h2>
            <button type="button" class="button" onClick={takeNext} disabled={queue.entries.length === 0} aria-keyshortcuts="Alt+N">
              {t('console.queue.takeNext')}
            </button>
            {queue.entries.length === 0 ? (
              <p>{t('console.queue.empty')}</p>
            ) : (
              <ol class="console__entries">
                {queue.entries.map((entry) => {
                  const who = `${topicLabel(entry.topic)}, ${ageLabel(entry.ageBand)}`;
                  return (
                    <li key={entry.entryId} class="console__entry">
                      <span class="console__entry-text">
                        <strong>{t('console.queue.waiting', { wait: formatWaited(0, entry.waitedMs + (now - queue.receivedAt)) })}</strong>
                        <span>{who}</span>
                        {entry.requeued && <span class="console__tag">{t('console.queue.requeued')}</span>}
                        {!entry.connected && <span class="console__tag">{t('console.queue.reconnecting')}</span>}
                      </span>
                      <button type="button" class="button button--secondary" onClick={() => take(entry.entryId)} aria-label={t('console.queue.takeLabel', { who })}>
                        {t('console.queue.take')}
                      </button>
                    </li>
                  );
                })}
              </ol>
            )}
          </section>

          {isSupervisor && (
            <section aria-labelledby="zorg-titel">
              <h2 id="zorg-titel">{t('console.flags.title')}</h2>
              {flags.length === 0 ? (
                <p>{t('console.flags.none')}</p>
              ) : (
                <ul class="console__entries">
                  {flags.map((f) => (
                    <li key={f.conversationId} class="console__entry">
                      <span>{t('console.flags.by', { name: f.counsellorName })}</span>
                      <button type="button" class="button button--secondary" onClick={() => observe(f.conversationId)}>
                        {t('console.flags.join')}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}

          <section aria-labelledby="sneltoetsen-titel" class="console__help">
            <h2 id="sneltoetsen-titel">{t('console.shortcuts.title')}</h2>
            <ul>
              <li>{t('console.shortcuts.next')}</li>
              <li>{t('console.shortcuts.switch')}</li>
              <li>{t('console.shortcuts.send')}</li>
            </ul>
          </section>
        </div>

        <section class="console__main" aria-labelledby="gesprekken-titel">
          <h2 id="gesprekken-titel">{t('console.conversations.title')}</h2>
          {conversations.length === 0 ? (
            <p>{t('console.conversations.none')}</p>
          ) : (
            <>
              <div role="tablist" aria-labelledby="gesprekken-titel" class="console__tabs">
                {conversations.map((c, i) => (
                  <button
                    key={c.id}
                    type="button"
                    role="tab"
                    id={`tab-${c.id}`}
                    aria-selected={c.id === active}
                    aria-controls={`paneel-${c.id}`}
                    tabindex={c.id === active ? 0 : -1}
                    class={`console__tab${c.flagged ? ' console__tab--flagged' : ''}${c.ended ? ' console__tab--ended' : ''}`}
                    aria-keyshortcuts={i < 9 ? `Alt+${i + 1}` : undefined}
                    onClick={() => selectConversation(c.id)}
                    onKeyDown={(e) => {
                      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
                      const next = conversations[(i + (e.key === 'ArrowRight' ? 1 : conversations.length - 1)) % conversations.length];
                      if (next) {
                        selectConversation(next.id);
                        document.getElementById(`tab-${next.id}`)?.focus();
                      }
                    }}
                  >
                    {i < 9 ? `${i + 1}. ` : ''}
                    {t('console.conversation.label', { n: c.number })}
                    {c.flagged ? ` · ${t('console.conversation.flagged')}` : ''}
                    {c.youthTyping ? ' …' : ''}
                    {c.unread > 0 ? ` (${c.unread})` : ''}
                  </button>
                ))}
              </div>
              {conversations.map((c) => (
                <div
                  key={c.id}
                  role="tabpanel"
                  id={`paneel-${c.id}`}
                  aria-labelledby={`tab-${c.id}`}
                  hidden={c.id !== active}
                  class="console__panel"
                  data-conversation={c.id}
                >
                  <p class="console__meta">
                    {t('console.conversation.meta', {
                      topic: c.topic ? ONDERWERP_INFO[c.topic].label : t('console.conversation.unknown'),
                      age: c.ageBand ? ageLabel(c.ageBand) : t('console.conversation.unknown'),
                    })}
                    {c.readOnly ? ` ${t('console.conversation.readOnly')}` : ''}
                    {!c.youthConnected && !c.ended ? ` ${t('console.conversation.youthAway')}` : ''}
                  </p>
                  <MessageList lines={c.lines} viewer="counsellor" label={t('console.conversation.label', { n: c.number })} timeZone={timeZone} />
                  <p class="chat-typing">{c.youthTyping ? t('console.conversation.youthTyping') : ''}</p>
                  {c.error && (
                    <p class="chat-banner chat-banner--warning" role="alert">
                      {c.error}
                    </p>
                  )}
                  {c.ended || c.readOnly ? (
                    <div class="chat-actions">
                      <button type="button" class="button button--secondary" onClick={() => closeTab(c.id)}>
                        {t('console.conversation.close')}
                      </button>
                    </div>
                  ) : (
                    <>
                      <Composer
                        id={`bericht-${c.id}`}
                        label={t('console.composer.label', { n: c.number })}
                        maxLength={MAX_MESSAGE_LENGTH}
                        onSend={send(c.id)}
                        onTyping={(typing) => socket.current?.volatile.emit('typing', { conversationId: c.id, typing })}
                        {...(c.insert ? { insert: c.insert } : {})}
                      />
                      <ConversationTools
                        c={c}
                        colleagues={colleagues}
                        crisisLines={crisisLines}
                        kaartQuery={kaartQuery}
                        setKaartQuery={setKaartQuery}
                        kaartMatches={kaartMatches}
                        onInsert={(text) => insertInto(c.id, text)}
                        onFlag={() => flag(c.id)}
                        onTransfer={(to) => transfer(c.id, to)}
                        onConfirm={(confirm) => patch(c.id, () => ({ confirm }))}
                        onBlock={() => act(c.id, 'conversation:block')}
                        onEnd={() => act(c.id, 'conversation:end')}
                        onToggleCrisis={() => patch(c.id, (x) => ({ showCrisis: !x.showCrisis }))}
                      />
                    </>
                  )}
                </div>
              ))}
            </>
          )}
        </section>
      </div>
    </div>
  );
}

interface ToolsProps {
  c: Conversation;
  colleagues: TeamMemberView[];
  crisisLines: CrisisLineView[];
  kaartQuery: string;
  setKaartQuery(q: string): void;
  kaartMatches: KaartEntry[];
  onInsert(text: string): void;
  onFlag(): void;
  onTransfer(to: string): void;
  onConfirm(confirm: Conversation['confirm']): void;
  onBlock(): void;
  onEnd(): void;
  onToggleCrisis(): void;
}

function kaartText(k: KaartEntry): string {
  return [k.name, k.phone ? t('console.tools.kaartCall', { phone: k.phone }) : '', k.url ?? ''].filter(Boolean).join(' · ');
}

function ConversationTools({ c, colleagues, crisisLines, kaartQuery, setKaartQuery, kaartMatches, onInsert, onFlag, onTransfer, onConfirm, onBlock, onEnd, onToggleCrisis }: ToolsProps) {
  const [canned, setCanned] = useState<UiKey>(CANNED[0] ?? 'console.canned.hello');
  const [transferTo, setTransferTo] = useState('');
  const crisisMessage = `${t('console.crisis.messageIntro')}\n${crisisLines.map((l) => `${l.name}: ${l.phone}. ${l.when}`).join('\n')}`;
  const p = `tools-${c.id}`;

  return (
    <div class="chat-tools">
      <div class="chat-tools__row">
        <div class="chat-field">
          <label for={`${p}-canned`}>{t('console.tools.canned')}</label>
          <select id={`${p}-canned`} value={canned} onChange={(e) => setCanned(e.currentTarget.value as UiKey)}>
            {CANNED.map((key) => (
              <option key={key} value={key}>
                {t(key)}
              </option>
            ))}
          </select>
        </div>
        <button type="button" class="button button--secondary" onClick={() => onInsert(t(canned))}>
          {t('console.tools.insert')}
        </button>
      </div>

      <div class="chat-tools__row">
        <div class="chat-field">
          <label for={`${p}-kaart`}>{t('console.tools.kaartSearch')}</label>
          <input id={`${p}-kaart`} type="search" value={kaartQuery} autocomplete="off" onInput={(e) => setKaartQuery(e.currentTarget.value)} />
        </div>
      </div>
      {kaartQuery.trim() && (
        <ul class="chat-tools__kaart" aria-label={t('console.tools.kaart')}>
          {kaartMatches.length === 0 ? (
            <li>{t('console.tools.kaartNone')}</li>
          ) : (
            kaartMatches.map((k) => (
              <li key={k.id}>
                <span>
                  <strong>{k.name}</strong>
                  {k.phone ? ` · ${k.phone}` : ''}
                </span>
                <button type="button" class="button button--secondary" onClick={() => onInsert(kaartText(k))} aria-label={`${t('console.tools.kaartSend')}: ${k.name}`}>
                  {t('console.tools.kaartSend')}
                </button>
              </li>
            ))
          )}
        </ul>
      )}

      <div class="chat-actions">
        <button type="button" class="button button--secondary" aria-expanded={c.showCrisis} aria-controls={`${p}-crisis`} onClick={onToggleCrisis}>
          {t('console.tools.crisis')}
        </button>
        <button type="button" class="button button--secondary" onClick={onFlag} disabled={c.flagged}>
          {c.flagged ? t('console.conversation.flagged') : t('console.tools.flag')}
        </button>
      </div>
      <div id={`${p}-crisis`} class="chat-banner chat-banner--warning" hidden={!c.showCrisis}>
        <p>
          <strong>{t('console.crisis.intro')}</strong>
        </p>
        <ol>
          <li>{t('console.crisis.step1')}</li>
          <li>{t('console.crisis.step2')}</li>
          <li>{t('console.crisis.step3')}</li>
        </ol>
        <p>
          <strong>{t('console.crisis.lines')}</strong>
        </p>
        <ul>
          {crisisLines.map((l) => (
            <li key={l.name}>
              {l.name}: <strong>{l.phone}</strong>. {l.when}
            </li>
          ))}
        </ul>
        <button type="button" class="button button--secondary" onClick={() => onInsert(crisisMessage)}>
          {t('console.crisis.insert')}
        </button>
      </div>

      <div class="chat-tools__row">
        <div class="chat-field">
          <label for={`${p}-transfer`}>{t('console.tools.transferTo')}</label>
          <select id={`${p}-transfer`} value={transferTo} onChange={(e) => setTransferTo(e.currentTarget.value)}>
            <option value="">{t('console.tools.transferQueue')}</option>
            {colleagues.map((m) => (
              <option key={m.name} value={m.name}>
                {m.name} ({m.conversations}/{m.maxConversations})
              </option>
            ))}
          </select>
        </div>
        <button type="button" class="button button--secondary" onClick={() => onTransfer(transferTo)}>
          {t('console.tools.transfer')}
        </button>
      </div>

      <div class="chat-actions">
        <button type="button" id={`${p}-end`} class="button" aria-expanded={c.confirm === 'end'} onClick={() => onConfirm('end')}>
          {t('console.tools.end')}
        </button>
        <button type="button" id={`${p}-block`} class="button button--danger" aria-expanded={c.confirm === 'block'} onClick={() => onConfirm('block')}>
          {t('console.tools.block')}
        </button>
      </div>
      {c.confirm && (
        <ConfirmBox
          key={c.confirm}
          id={`${p}-confirm`}
          question={c.confirm === 'block' ? t('console.tools.blockConfirm') : t('console.tools.endConfirm')}
          yes={c.confirm === 'block' ? t('console.tools.blockYes') : t('console.tools.endYes')}
          no={t('console.tools.cancel')}
          onYes={c.confirm === 'block' ? onBlock : onEnd}
          onNo={() => {
            const trigger = `${p}-${c.confirm}`;
            onConfirm(undefined);
            queueMicrotask(() => document.getElementById(trigger)?.focus());
          }}
        />
      )}
    </div>
  );
}
