import { useEffect, useRef, useState } from 'preact/hooks';
import { io, type Socket } from 'socket.io-client';
import type { FlagView, StaffClientToServerEvents, StaffServerToClientEvents } from '../../../shared/protocol/events.ts';
import { SOCKET_PATH, STAFF_NAMESPACE } from '../../../shared/protocol/limits.ts';
import { readStaffSession, STAFF_SESSION_EVENT, type StaffSession } from '../../lib/staff-session.ts';
import { ConsoleAlert, readAlongHref } from '../chat/ConsoleAlert.tsx';
import { useAttention } from '../chat/useAttention.ts';
import { useQuestionWatch } from '../chat/useQuestionWatch.ts';
import type { ConsoleSignal } from '../chat/useConsole.ts';

type StaffSocket = Socket<StaffServerToClientEvents, StaffClientToServerEvents>;

/**
 * The supervisor's alarm on every staff page besides the console (figures, questions, sign-ups): the
 * same banner, tab title, sound and desktop notification until "Gezien" ("Gezien" is kept per tab, so
 * it holds on the console too). Follows the tab's login; for counsellors it renders nothing.
 */
export default function StaffAlarm({ timeZone }: { timeZone: string }) {
  const [session, setSession] = useState<StaffSession | null>(null);
  useEffect(() => {
    const follow = () => setSession(readStaffSession());
    follow();
    window.addEventListener(STAFF_SESSION_EVENT, follow);
    return () => window.removeEventListener(STAFF_SESSION_EVENT, follow);
  }, []);
  if (session?.role !== 'supervisor') return null;
  return <Alarm key={session.token} token={session.token} timeZone={timeZone} />;
}

function Alarm({ token, timeZone }: { token: string; timeZone: string }) {
  const [flags, setFlags] = useState<FlagView[]>([]);
  const [online, setOnline] = useState(false);
  const questions = useQuestionWatch(token, online);
  const attention = useAttention({ supervisor: true, waiting: 0, conversations: [], active: null, flags, questionAlerts: questions.alerts });
  // The socket's handlers live as long as the socket: they reach the newest state through this.
  const latest = useRef({ attention, questions });
  latest.current = { attention, questions };
  const signal = (s: ConsoleSignal) => latest.current.attention.onSignal(s);

  useEffect(() => {
    const s: StaffSocket = io(STAFF_NAMESPACE, { path: SOCKET_PATH, auth: { token, watch: true }, transports: ['websocket', 'polling'] });
    s.on('connect', () => setOnline(true));
    s.on('disconnect', () => setOnline(false));
    s.on('flags:update', ({ flags: list }) => setFlags(list));
    s.on('flag:alert', (flag) => {
      setFlags((list) => [...list.filter((f) => f.conversationId !== flag.conversationId), flag]);
      signal({ kind: 'flag', flag });
    });
    s.on('question:alert', (alert) => {
      latest.current.questions.onAlert(alert);
      signal({ kind: 'question', alert });
    });
    s.on('questions:changed', () => void latest.current.questions.refresh());
    return () => {
      s.disconnect();
    };
  }, [token]);

  return (
    <div class="container container--wide staff-alarm">
      <ConsoleAlert
        unacknowledged={attention.unacknowledged}
        questions={attention.unacknowledgedQuestions}
        timeZone={timeZone}
        readHref={readAlongHref}
        onAcknowledge={attention.acknowledge}
        onAcknowledgeQuestion={attention.acknowledgeQuestion}
      />
    </div>
  );
}
