import { useEffect, useRef, useState } from 'preact/hooks';
import { io, type Socket } from 'socket.io-client';
import type {
  AckError,
  ConversationView,
  CrisisLineView,
  FlagView,
  QueueEntryView,
  StaffClientToServerEvents,
  StaffMember,
  StaffServerToClientEvents,
  TeamMemberView,
} from '../../../shared/protocol/events.ts';
import { SOCKET_PATH, STAFF_NAMESPACE } from '../../../shared/protocol/limits.ts';
import type { QuestionAlert, ReviewedAnswer } from '../../../shared/vraag/types.ts';
import { t } from './console-strings.ts';
import type { StaffSession } from '../../lib/staff-session.ts';
import { freeSlot, withSlotRule, type ConsoleConversation } from './console-types.ts';
import { focusComposer, focusConversation, focusSafeLanding, keepFocusIn } from './console-focus.ts';
import { localNotice, mergeLines, messageToLine } from './types.ts';

type StaffSocket = Socket<StaffServerToClientEvents, StaffClientToServerEvents>;
export type Connection = 'connecting' | 'online' | 'lost';

const ACK_TIMEOUT_MS = 10_000;
/** After a refused (not unauthorised) handshake, the console tries again this soon. */
const RETRY_MS = 3000;

/** Events the workspace reacts to with sound or a desktop notification. */
export type ConsoleSignal =
  | { kind: 'newYouth' }
  | { kind: 'youthMessage'; conversationId: string }
  | { kind: 'transferredToMe' }
  | { kind: 'flag'; flag: FlagView }
  | { kind: 'danger'; conversationId: string }
  | { kind: 'question'; alert: QuestionAlert }
  | { kind: 'questionReviewed'; answer: ReviewedAnswer }
  | { kind: 'questionsChanged' };

export { focusComposer } from './console-focus.ts';

/**
 * The console's state machine and socket wiring: login session → socket → queue, team, flags and
 * the counsellor's conversations, plus every action as a function. Components only render this.
 */
export function useConsole(session: StaffSession | null, onExpired: (reason: string) => void, onSignal: (signal: ConsoleSignal) => void) {
  const [connection, setConnection] = useState<Connection>('connecting');
  const [me, setMe] = useState<StaffMember | null>(null);
  const [available, setAvailableState] = useState(true);
  const [queue, setQueue] = useState<{ entries: QueueEntryView[]; receivedAt: number }>({ entries: [], receivedAt: 0 });
  const [team, setTeam] = useState<TeamMemberView[]>([]);
  const [flags, setFlags] = useState<FlagView[]>([]);
  const [crisisLines, setCrisisLines] = useState<CrisisLineView[]>([]);
  const [conversations, setConversations] = useState<ConsoleConversation[]>([]);
  const [active, setActive] = useState<string | null>(null);
  const [notice, setNotice] = useState('');

  const socket = useRef<StaffSocket | null>(null);
  const seenEntries = useRef(new Set<string>());
  const insertCounter = useRef(0);
  const activeRef = useRef(active);
  activeRef.current = active;
  const signal = useRef(onSignal);
  signal.current = onSignal;

  const patch = (id: string, change: (c: ConsoleConversation) => Partial<ConsoleConversation>) =>
    setConversations((list) => list.map((c) => (c.id === id ? withSlotRule({ ...c, ...change(c) }) : c)));

  const addConversation = (view: ConversationView) => {
    setConversations((list) => {
      const lines = view.messages.map(messageToLine);
      if (list.some((c) => c.id === view.conversationId)) {
        // Taken again after it went back to the queue: the same entry comes back to life.
        return list.map((c) =>
          c.id === view.conversationId
            ? {
                ...c,
                lines: mergeLines(c.lines, lines),
                youthConnected: view.youthConnected,
                flagged: view.flagged,
                danger: view.danger,
                handover: view.handover,
                readOnly: view.readOnly,
                ended: undefined,
                slot: c.ended ? freeSlot(list) : c.slot,
              }
            : c,
        );
      }
      const fresh: ConsoleConversation = {
        id: view.conversationId,
        number: view.number,
        topic: view.topic,
        ageBand: view.ageBand,
        startedAt: view.startedAt,
        lines,
        youthTyping: false,
        youthConnected: view.youthConnected,
        flagged: view.flagged,
        danger: view.danger,
        handover: view.handover,
        readOnly: view.readOnly,
        unread: 0,
        slot: freeSlot(list),
        error: '',
      };
      return [...list, fresh];
    });
    setActive((current) => current ?? view.conversationId);
  };

  const updateQueue = (entries: QueueEntryView[]) => {
    const fresh = entries.some((e) => !seenEntries.current.has(e.entryId));
    for (const e of entries) seenEntries.current.add(e.entryId);
    setQueue({ entries, receivedAt: Date.now() });
    if (fresh) signal.current({ kind: 'newYouth' });
  };

  useEffect(() => {
    if (!session) return;
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
    let retry: ReturnType<typeof setTimeout> | undefined;
    s.on('connect_error', (err) => {
      // Only the server's own "unauthorized" ends the login. Anything else (the store briefly away, a
      // refused handshake) is a lost connection: socket.io does not retry a refusal by a middleware
      // itself, so try again here, or the console stayed "Geen verbinding" until a reload.
      const data = (err as Error & { data?: { code?: string } }).data;
      if (data?.code === 'unauthorized') {
        onExpired(t('console.connection.expired'));
        return;
      }
      setConnection('lost');
      if (data?.code && !s.active) {
        clearTimeout(retry);
        retry = setTimeout(() => s.connect(), RETRY_MS);
      }
    });
    s.on('session:state', (state) => {
      setMe(state.me);
      setAvailableState(state.available);
      updateQueue(state.queue);
      setTeam(state.team);
      setFlags(state.flags);
      setCrisisLines(state.crisisLines);
      for (const view of [...state.conversations, ...state.observing]) addConversation(view);
    });
    s.on('queue:update', ({ entries }) => updateQueue(entries));
    s.on('team:update', ({ members }) => setTeam(members));
    s.on('presence:update', ({ available: value }) => setAvailableState(value));
    s.on('conversation:assigned', ({ conversation, reason }) => {
      addConversation(conversation);
      if (reason === 'transferred') {
        patch(conversation.conversationId, (c) => ({ handedToMe: true, lines: [...c.lines, localNotice(t('console.tools.transferDone'))] }));
        signal.current({ kind: 'transferredToMe' });
      }
    });
    s.on('conversation:youth', ({ conversationId, connected }) =>
      patch(conversationId, (c) => ({
        youthConnected: connected,
        youthTyping: false,
        lines: [...c.lines, localNotice(connected ? t('console.conversation.youthBack') : t('console.conversation.youthAway'))],
      })),
    );
    s.on('message', ({ conversationId, message }) => {
      patch(conversationId, (c) => ({
        lines: mergeLines(c.lines, [messageToLine(message)]),
        youthTyping: message.from === 'youth' ? false : c.youthTyping,
        unread: activeRef.current === conversationId || message.from !== 'youth' ? c.unread : c.unread + 1,
      }));
      if (message.from === 'youth') signal.current({ kind: 'youthMessage', conversationId });
    });
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
      patch(conversationId, (c) => ({ ended: by, youthTyping: false, lines: [...c.lines, localNotice(text)] }));
    });
    s.on('conversation:flagged', ({ conversationId, flagged }) => patch(conversationId, () => ({ flagged })));
    s.on('conversation:danger', ({ conversationId }) => {
      patch(conversationId, () => ({ danger: true }));
      signal.current({ kind: 'danger', conversationId });
    });
    s.on('flag:alert', (flag) => {
      setFlags((list) => [...list.filter((f) => f.conversationId !== flag.conversationId), flag]);
      signal.current({ kind: 'flag', flag });
    });
    s.on('flags:update', ({ flags: list }) => setFlags(list));
    s.on('question:alert', (alert) => signal.current({ kind: 'question', alert }));
    s.on('question:reviewed', (answer) => signal.current({ kind: 'questionReviewed', answer }));
    s.on('questions:changed', () => signal.current({ kind: 'questionsChanged' }));
    s.on('session:expired', () => onExpired(t('console.connection.expired')));
    return () => {
      clearTimeout(retry);
      s.disconnect();
      socket.current = null;
      setConversations([]);
      setActive(null);
      setMe(null);
      setQueue({ entries: [], receivedAt: 0 });
    };
  }, [session?.token]);

  /**
   * One request to the server with its acknowledgement. Silence (no answer in time) or a lost
   * connection become a Dutch error like any refusal, so every caller handles one shape.
   */
  const request = async <E extends AckedEvent>(event: E, payload: Parameters<StaffClientToServerEvents[E]>[0]): Promise<AckOf<E>> => {
    const s = socket.current;
    if (!s?.connected) return failed(t('console.connection.lost'));
    try {
      // emitWithAck's overloads cannot follow a generic event name; the event map fixes the answer's shape.
      const timed = s.timeout(ACK_TIMEOUT_MS);
      const emit = timed.emitWithAck.bind(timed) as (event: E, payload: unknown) => Promise<AckOf<E>>;
      return await emit(event, payload);
    } catch {
      return failed(t('chat.error.generic'));
    }
  };

  /** An action on one conversation: a refusal becomes its error line; focus stays in that conversation. */
  const act = async <E extends AckedEvent>(
    id: string,
    event: E,
    payload: Parameters<StaffClientToServerEvents[E]>[0],
  ): Promise<Extract<AckOf<E>, { ok: true }> | null> => {
    const ack = await request(event, payload);
    patch(id, () => ({ error: ack.ok ? '' : ack.error }));
    if (ack.ok) return ack as Extract<AckOf<E>, { ok: true }>;
    keepFocusIn(id);
    return null;
  };

  const select = (id: string, focus = false) => {
    setActive(id);
    patch(id, () => ({ unread: 0, handedToMe: false }));
    if (focus) focusComposer(id);
  };

  /**
   * After a conversation is done with (ended, handed on, blocked): its own heading, which now says
   * so, with "Sluiten" (Alt + L) under it. Never another young person's message field unasked (a
   * sentence typed on would reach the wrong person), and never the queue, so a stray Enter cannot
   * take a young person.
   */
  const moveOn = (fromId: string) => focusConversation(fromId, false);

  /**
   * Removes a finished conversation from the console; focus goes to another one's heading (which says
   * who it is; Alt + M is its field), else to the list's heading.
   */
  const close = (id: string) => {
    const list = conversations.filter((c) => c.id !== id);
    setConversations(list);
    if (active !== id) return;
    const next = list.find((c) => !c.ended) ?? list.at(0);
    setActive(next?.id ?? null);
    if (next) focusConversation(next.id, false);
    else focusSafeLanding();
  };

  const actions = {
    take: async (entryId?: string) => {
      const ack = await request('conversation:take', entryId ? { entryId } : {});
      if (!ack.ok) {
        setNotice(ack.error);
        return;
      }
      setNotice('');
      addConversation(ack.conversation);
      select(ack.conversation.conversationId, true);
    },
    select,
    send:
      (id: string) =>
      async (text: string): Promise<string | null> => {
        if (!socket.current?.connected) return t('chat.composer.notConnected');
        patch(id, () => ({ handedToMe: false }));
        const ack = await request('message:send', { conversationId: id, text, clientId: crypto.randomUUID().replaceAll('-', '') });
        return ack.ok ? null : ack.error;
      },
    flag: async (id: string) => {
      const ack = await act(id, 'conversation:flag', { conversationId: id });
      keepFocusIn(id);
      if (!ack) return;
      if (ack.crisisLines.length) setCrisisLines(ack.crisisLines);
      patch(id, (c) => ({ flagged: true, lines: [...c.lines, localNotice(t('console.tools.flagged'))] }));
    },
    /** Reading along: the conversation opens, with focus on it (not left on a button that is gone). */
    observe: async (id: string) => {
      const known = conversations.find((c) => c.id === id);
      if (known && !known.ended) {
        select(id);
        focusConversation(id, false);
        return;
      }
      const ack = await request('conversation:observe', { conversationId: id });
      if (!ack.ok) {
        setNotice(ack.error);
        return;
      }
      addConversation(ack.conversation);
      select(ack.conversation.conversationId);
      focusConversation(ack.conversation.conversationId, false);
    },
    close,
    typing: (id: string, typing: boolean) => socket.current?.volatile.emit('typing', { conversationId: id, typing }),
    end: async (id: string) => {
      if (await act(id, 'conversation:end', { conversationId: id })) moveOn(id);
    },
    block: async (id: string) => {
      if (await act(id, 'conversation:block', { conversationId: id })) moveOn(id);
    },
    /** Resolves to a Dutch error (the transfer box stays open with it), or null when handed on. */
    transfer: async (id: string, to: string, note: string): Promise<string | null> => {
      const ack = await request('conversation:transfer', { conversationId: id, ...(to ? { to } : {}), ...(note.trim() ? { note } : {}) });
      if (!ack.ok) return ack.error;
      patch(id, (c) => ({ error: '', ended: c.ended ?? (to ? 'transferred' : 'requeued') }));
      moveOn(id);
      return null;
    },
    unobserve: async (id: string) => {
      if (await act(id, 'conversation:unobserve', { conversationId: id })) close(id);
    },
    insert: (id: string, text: string) => {
      insertCounter.current += 1;
      patch(id, () => ({ insert: { text, key: insertCounter.current } }));
    },
    setAvailable: async (value: boolean) => {
      const ack = await request('presence:set', { available: value });
      if (ack.ok) setAvailableState(value);
      else setNotice(ack.error);
    },
  };

  return { connection, me, available, queue, team, flags, crisisLines, conversations, active, notice, actions };
}

export type ConsoleState = ReturnType<typeof useConsole>;

/** Client events that are answered with an acknowledgement, and the answer each gets. */
type AckedEvent = Exclude<keyof StaffClientToServerEvents, 'typing'>;
type AckOf<E extends AckedEvent> = Parameters<Parameters<StaffClientToServerEvents[E]>[1]>[0];

function failed(error: string): AckError {
  return { ok: false, code: 'internal', error };
}
