import { useEffect, useRef, useState } from 'preact/hooks';
import { io, type Socket } from 'socket.io-client';
import type {
  Ack,
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
import { t } from '../../../shared/i18n/nl.ts';
import type { StaffSession } from '../../lib/staff-session.ts';
import type { ConsoleConversation } from './console-types.ts';
import { localNotice, mergeLines, messageToLine } from './types.ts';

type StaffSocket = Socket<StaffServerToClientEvents, StaffClientToServerEvents>;
export type Connection = 'connecting' | 'online' | 'lost';

const ACK_TIMEOUT_MS = 10_000;

/** Events the workspace reacts to with sound or a desktop notification. */
export type ConsoleSignal =
  | { kind: 'newYouth' }
  | { kind: 'youthMessage'; conversationId: string }
  | { kind: 'transferredToMe' }
  | { kind: 'flag'; flag: FlagView }
  | { kind: 'question'; alert: QuestionAlert }
  | { kind: 'questionReviewed'; answer: ReviewedAnswer }
  | { kind: 'questionsChanged' };

/** Where focus goes after an action, so a keyboard user never lands on nothing. */
export const focusComposer = (id: string) => queueMicrotask(() => document.getElementById(`bericht-${id}`)?.focus());

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
  const counter = useRef(0);
  const insertCounter = useRef(0);
  const activeRef = useRef(active);
  activeRef.current = active;
  const signal = useRef(onSignal);
  signal.current = onSignal;

  const patch = (id: string, change: (c: ConsoleConversation) => Partial<ConsoleConversation>) =>
    setConversations((list) => list.map((c) => (c.id === id ? { ...c, ...change(c) } : c)));

  const addConversation = (view: ConversationView) => {
    setConversations((list) => {
      const lines = view.messages.map(messageToLine);
      if (list.some((c) => c.id === view.conversationId)) {
        // Taken again after it went back to the queue: the same entry comes back to life.
        return list.map((c) =>
          c.id === view.conversationId
            ? { ...c, lines: mergeLines(c.lines, lines), youthConnected: view.youthConnected, flagged: view.flagged, readOnly: view.readOnly, ended: undefined }
            : c,
        );
      }
      counter.current += 1;
      const fresh: ConsoleConversation = {
        id: view.conversationId,
        number: counter.current,
        topic: view.topic,
        ageBand: view.ageBand,
        startedAt: view.startedAt,
        lines,
        youthTyping: false,
        youthConnected: view.youthConnected,
        flagged: view.flagged,
        readOnly: view.readOnly,
        unread: 0,
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
    s.on('connect_error', (err) => {
      // The middleware refuses an unknown or expired login with a Dutch message: back to the form.
      const data = (err as Error & { data?: { code?: string } }).data;
      if (data?.code === 'unauthorized' || /ingelogd|sessie/i.test(err.message)) onExpired(t('console.connection.expired'));
      else setConnection('lost');
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
    s.on('conversation:assigned', ({ conversation, reason }) => {
      addConversation(conversation);
      if (reason === 'transferred') {
        patch(conversation.conversationId, (c) => ({ lines: [...c.lines, localNotice(t('console.tools.transferDone'))] }));
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
      s.disconnect();
      socket.current = null;
      setConversations([]);
      setActive(null);
      setMe(null);
      setQueue({ entries: [], receivedAt: 0 });
    };
  }, [session?.token]);

  /** The answer to an action on one conversation: a refusal or silence becomes its error line. */
  const answer = (id: string, after: () => void) => (err: Error | null, ack: Ack) => {
    if (err || !ack.ok) {
      patch(id, () => ({ error: err ? t('chat.error.generic') : ack.ok ? '' : ack.error }));
      return;
    }
    patch(id, () => ({ error: '' }));
    after();
  };
  const emitFor = () => socket.current?.timeout(ACK_TIMEOUT_MS);

  const select = (id: string, focus = false) => {
    setActive(id);
    patch(id, () => ({ unread: 0 }));
    if (focus) focusComposer(id);
  };

  /** After a conversation is done with: the next open one, else the queue's "take next" button. */
  const moveOn = (fromId: string) => {
    const rest = conversations.filter((c) => c.id !== fromId && !c.ended);
    const next = rest[0];
    if (next) select(next.id, true);
    else queueMicrotask(() => document.getElementById('volgende-aannemen')?.focus());
  };

  const take = (entryId?: string) => {
    const s = socket.current;
    if (!s?.connected) {
      setNotice(t('console.connection.lost'));
      return;
    }
    s.timeout(ACK_TIMEOUT_MS).emit('conversation:take', entryId ? { entryId } : {}, (err, ack) => {
      if (err) {
        setNotice(t('chat.error.generic'));
        return;
      }
      if (!ack.ok) {
        setNotice(ack.error);
        return;
      }
      setNotice('');
      addConversation(ack.conversation);
      select(ack.conversation.conversationId, true);
    });
  };

  const send =
    (id: string) =>
    async (text: string): Promise<string | null> => {
      const s = socket.current;
      if (!s?.connected) return t('chat.composer.notConnected');
      try {
        const ack = await s
          .timeout(ACK_TIMEOUT_MS)
          .emitWithAck('message:send', { conversationId: id, text, clientId: crypto.randomUUID().replaceAll('-', '') });
        return ack.ok ? null : ack.error;
      } catch {
        return t('chat.composer.notConnected');
      }
    };

  const flag = (id: string) => {
    socket.current?.timeout(ACK_TIMEOUT_MS).emit('conversation:flag', { conversationId: id }, (err, ack) => {
      if (err || !ack.ok) {
        patch(id, () => ({ error: err ? t('chat.error.generic') : ack.ok ? '' : ack.error }));
        return;
      }
      if (ack.crisisLines.length) setCrisisLines(ack.crisisLines);
      patch(id, (c) => ({ flagged: true, error: '', lines: [...c.lines, localNotice(t('console.tools.flagged'))] }));
    });
  };

  const observe = (id: string) => {
    const known = conversations.find((c) => c.id === id);
    if (known && !known.ended) {
      select(id);
      return;
    }
    socket.current?.timeout(ACK_TIMEOUT_MS).emit('conversation:observe', { conversationId: id }, (err, ack) => {
      if (err) {
        setNotice(t('chat.error.generic'));
        return;
      }
      if (!ack.ok) {
        setNotice(ack.error);
        return;
      }
      if ('conversation' in ack) {
        addConversation(ack.conversation);
        select(ack.conversation.conversationId);
      }
    });
  };

  const close = (id: string) => {
    const list = conversations.filter((c) => c.id !== id);
    setConversations(list);
    if (active === id) {
      const next = list[0];
      setActive(next?.id ?? null);
      if (next) focusComposer(next.id);
      else queueMicrotask(() => document.getElementById('volgende-aannemen')?.focus());
    }
  };

  const actions = {
    take,
    select,
    send,
    flag,
    observe,
    close,
    typing: (id: string, typing: boolean) => socket.current?.volatile.emit('typing', { conversationId: id, typing }),
    end: (id: string) =>
      emitFor()?.emit(
        'conversation:end',
        { conversationId: id },
        answer(id, () => moveOn(id)),
      ),
    block: (id: string) =>
      emitFor()?.emit(
        'conversation:block',
        { conversationId: id },
        answer(id, () => moveOn(id)),
      ),
    transfer: (id: string, to: string) =>
      emitFor()?.emit(
        'conversation:transfer',
        { conversationId: id, ...(to ? { to } : {}) },
        answer(id, () => {
          patch(id, (c) => ({ ended: c.ended ?? (to ? 'transferred' : 'requeued') }));
          moveOn(id);
        }),
      ),
    unobserve: (id: string) =>
      emitFor()?.emit(
        'conversation:unobserve',
        { conversationId: id },
        answer(id, () => close(id)),
      ),
    insert: (id: string, text: string) => {
      insertCounter.current += 1;
      patch(id, () => ({ insert: { text, key: insertCounter.current } }));
    },
    setAvailable: (value: boolean) => {
      socket.current?.timeout(ACK_TIMEOUT_MS).emit('presence:set', { available: value }, (err, ack) => {
        if (!err && ack.ok) setAvailableState(value);
        else setNotice(err ? t('chat.error.generic') : ack.ok ? '' : ack.error);
      });
    },
  };

  return { connection, me, available, queue, team, flags, crisisLines, conversations, active, notice, actions };
}

export type ConsoleState = ReturnType<typeof useConsole>;
