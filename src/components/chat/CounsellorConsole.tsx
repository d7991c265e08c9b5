import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChatPhrase } from '../../../shared/config/site-schema.ts';
import { t } from './console-strings.ts';
import { consoleShortcut, type ConsoleShortcut } from '../../lib/chat-shortcuts.ts';
import { AccountBar } from '../staff/AccountBar.tsx';
import { StaffGate, type StaffAccess } from '../staff/StaffGate.tsx';
import type { Ask } from './ConsoleActions.tsx';
import { ConsoleAlert, ConsoleFlags, READ_ALONG_HASH } from './ConsoleAlert.tsx';
import { ConsoleContext } from './ConsoleContext.tsx';
import { ConsoleConversationList } from './ConsoleConversationList.tsx';
import { ConsoleHelp } from './ConsoleHelp.tsx';
import { ConsolePane } from './ConsolePane.tsx';
import { ConsoleQuestions } from './ConsoleQuestions.tsx';
import { ConsoleQueue } from './ConsoleQueue.tsx';
import { ConsoleStatus } from './ConsoleStatus.tsx';
import type { KaartLookupCard } from '../../lib/kaart-lookup.ts';
import { useAttention } from './useAttention.ts';
import { listOrder, slotTarget } from './console-types.ts';
import { focusComposer, useConsole, type ConsoleSignal, type ConsoleState } from './useConsole.ts';
import { useQuestionWatch } from './useQuestionWatch.ts';

interface Props {
  kaart: KaartLookupCard[];
  phrases: ChatPhrase[];
  timeZone: string;
}

/** How often waiting times and "schreef … geleden" count on without a server round trip. */
const TICK_MS = 15_000;

/** The counsellors' console: the shared staff login, then the workspace. */
export default function CounsellorConsole(props: Props) {
  return <StaffGate page="chat">{(access) => <Workspace {...props} {...access} />}</StaffGate>;
}

/**
 * Three columns, after Chatwoot, Zammad and Rocket.Chat: the queue and my conversations on the
 * left, the open conversation in the middle, what is known and the tools to answer on the right.
 */
function Workspace({ kaart, phrases, timeZone, session, onExpired, onLogout }: Props & StaffAccess) {
  const signal = useRef<(s: ConsoleSignal) => void>(() => undefined);
  const state = useConsole(session, onExpired, (s) => signal.current(s));
  const { me, queue, conversations, active, flags, actions } = state;
  const supervisor = (me?.role ?? session.role) === 'supervisor';
  const questions = useQuestionWatch(session.token, state.connection === 'online');
  const attention = useAttention({ supervisor, waiting: queue.entries.length, conversations, active, flags, questionAlerts: questions.alerts });
  signal.current = (s) => {
    if (s.kind === 'question') questions.onAlert(s.alert);
    else if (s.kind === 'questionReviewed') questions.onReviewed(s.answer);
    else if (s.kind === 'questionsChanged') void questions.refresh();
    attention.onSignal(s);
  };
  const [ask, setAsk] = useState<Ask | null>(null);
  const [help, setHelp] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const current = conversations.find((c) => c.id === active) ?? null;

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);

  const latest = useRef({ state, current, attention });
  latest.current = { state, current, attention };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const shortcut = consoleShortcut(e);
      if (!shortcut || document.querySelector('dialog[open]')) return;
      e.preventDefault();
      runShortcut(shortcut, latest.current, { setAsk, setHelp });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  // Reading along is looking: it silences that conversation's alarm (banner, title, sound) like "Gezien".
  const readAlong = (id: string) => {
    attention.acknowledge(id);
    void actions.observe(id);
  };
  // "Meelezen" in the alarm on another staff page leads here: read along once connected.
  useEffect(() => {
    if (state.connection !== 'online' || !location.hash.startsWith(READ_ALONG_HASH)) return;
    const id = location.hash.slice(READ_ALONG_HASH.length);
    history.replaceState(null, '', location.pathname);
    if (id) readAlong(id);
  }, [state.connection]);
  return (
    <div class="ws">
      <AccountBar name={me?.name ?? session.name} role={me?.role ?? session.role} onLogout={onLogout}>
        <ConsoleStatus
          connection={state.connection}
          available={state.available}
          onAvailable={(value) => void actions.setAvailable(value)}
          sound={attention.sound}
          onSound={attention.setSound}
          desktop={attention.desktop}
          onDesktop={() => void attention.askDesktop()}
          onHelp={() => setHelp(true)}
        />
      </AccountBar>
      <ConsoleAlert
        unacknowledged={attention.unacknowledged}
        questions={attention.unacknowledgedQuestions}
        timeZone={timeZone}
        onRead={readAlong}
        onAcknowledge={attention.acknowledge}
        onAcknowledgeQuestion={attention.acknowledgeQuestion}
      />
      {state.connection === 'lost' && (
        <p class="chat-banner chat-banner--warning" role="status">
          {t('console.connection.lost')}
        </p>
      )}
      {state.notice && (
        <p class="chat-banner chat-banner--warning" role="alert">
          {state.notice}
        </p>
      )}
      <div class="ws-grid">
        <div class="ws-left">
          <ConsoleQueue entries={queue.entries} receivedAt={queue.receivedAt} now={now} onTake={(entryId) => void actions.take(entryId)} />
          <ConsoleQuestions open={questions.open} mine={questions.mine} notice={questions.notice} timeZone={timeZone} />
          <ConsoleConversationList conversations={conversations} active={active} now={now} onSelect={actions.select} />
          {supervisor && (
            <ConsoleFlags
              flags={flags}
              reading={new Set(conversations.filter((c) => c.readOnly && !c.ended).map((c) => c.id))}
              timeZone={timeZone}
              onRead={readAlong}
            />
          )}
        </div>
        <section class="ws-centre" aria-label={t('console.conversations.title')}>
          {conversations.length === 0 && <p class="ws-empty ws-centre__empty">{t('werkplek.centre.none')}</p>}
          {conversations.map((c) => (
            <ConsolePane
              key={c.id}
              c={c}
              hidden={c.id !== active}
              colleagues={state.team.filter((m) => m.name !== me?.name && m.available && m.conversations < m.maxConversations)}
              ask={ask}
              setAsk={setAsk}
              actions={actions}
              timeZone={timeZone}
              me={me?.name ?? session.name}
            />
          ))}
        </section>
        <ConsoleContext
          c={current}
          phrases={phrases}
          kaart={kaart}
          crisisLines={state.crisisLines}
          timeZone={timeZone}
          onInsert={(text) => current && actions.insert(current.id, text)}
        />
      </div>
      <ConsoleHelp open={help} onClose={() => setHelp(false)} />
    </div>
  );
}

interface Latest {
  state: ConsoleState;
  current: ConsoleState['conversations'][number] | null;
  attention: ReturnType<typeof useAttention>;
}

/** One place that says what every shortcut does (the keys themselves live in src/lib/chat-shortcuts.ts). */
function runShortcut(shortcut: ConsoleShortcut, { state, current, attention }: Latest, ui: { setAsk(a: Ask | null): void; setHelp(open: boolean): void }) {
  const { conversations, actions } = state;
  const open = current && !current.ended && !current.readOnly ? current : null;
  const focus = (id: string) => queueMicrotask(() => document.getElementById(id)?.focus());
  const step = (by: number) => {
    const list = listOrder(conversations);
    if (!list.length) return;
    const index = list.findIndex((c) => c.id === current?.id);
    const next = list.at((index + by + list.length) % list.length);
    if (next) actions.select(next.id, true);
  };
  switch (shortcut.kind) {
    case 'next': {
      void actions.take();
      return;
    }
    case 'switch': {
      const target = slotTarget(conversations, shortcut.index + 1);
      if (target) actions.select(target.id, true);
      return;
    }
    case 'previous': {
      step(-1);
      return;
    }
    case 'following': {
      step(1);
      return;
    }
    case 'message': {
      if (current) focusComposer(current.id);
      return;
    }
    case 'phrase': {
      focus('standaardzin-zoeken');
      return;
    }
    case 'kaart': {
      focus('kaart-zoeken');
      return;
    }
    case 'queue': {
      focus('wachtrij-titel');
      return;
    }
    case 'end':
    case 'block':
    case 'transfer': {
      if (open) ui.setAsk({ id: open.id, kind: shortcut.kind, from: document.activeElement });
      return;
    }
    case 'flag': {
      if (open) void actions.flag(open.id);
      return;
    }
    case 'close': {
      if (current?.ended) actions.close(current.id);
      return;
    }
    case 'ack': {
      const first = attention.unacknowledged.at(0);
      if (first) {
        attention.acknowledge(first.conversationId);
        return;
      }
      const question = attention.unacknowledgedQuestions.at(0);
      if (question) attention.acknowledgeQuestion(question.questionId);
      return;
    }
    case 'help': {
      ui.setHelp(true);
      return;
    }
  }
}
