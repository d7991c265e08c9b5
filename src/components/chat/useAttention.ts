import { useEffect, useRef, useState } from 'preact/hooks';
import type { FlagView } from '../../../shared/protocol/events.ts';
import { t } from './console-strings.ts';
import type { QuestionAlert } from '../../../shared/vraag/types.ts';
import { askDesktopPermission, attentionTitle, beep, desktopPermission, notifyDesktop, type DesktopPermission } from '../../lib/staff-notify.ts';
import { youthTurn, type ConsoleConversation } from './console-types.ts';
import type { ConsoleSignal } from './useConsole.ts';

const ACK_KEY = 'cjg-console-gezien';
/** While a flag waits for "Gezien", the alarm sounds again this often. */
const ALARM_REPEAT_MS = 20_000;

function readAcknowledged(): Set<string> {
  try {
    return new Set(JSON.parse(sessionStorage.getItem(ACK_KEY) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
}

interface Inputs {
  supervisor: boolean;
  waiting: number;
  conversations: ConsoleConversation[];
  active: string | null;
  flags: FlagView[];
  /** Flagged anonymous questions: the same alarm as a flagged conversation. */
  questionAlerts: QuestionAlert[];
}

/**
 * Acknowledged questions share the set with conversations; the prefix keeps the ids apart. Per round: a
 * follow-up that is flagged again (acute danger) alarms again after the first question's "Gezien".
 */
const questionKey = (alert: Pick<QuestionAlert, 'questionId' | 'round'>) => `vraag:${alert.questionId}:${alert.round}`;

/**
 * Getting the counsellor's attention: tab title, sound (opt-in; a browser only plays sound after
 * a click or key press on the page), desktop notifications when the tab is hidden (opt-in, never
 * with message text), and the supervisor's alarm until "Gezien".
 */
export function useAttention({ supervisor, waiting, conversations, active, flags, questionAlerts }: Inputs) {
  const [sound, setSoundState] = useState(supervisor);
  const [desktop, setDesktop] = useState<DesktopPermission>(() => (typeof window === 'undefined' ? 'unsupported' : desktopPermission()));
  const [acknowledged, setAcknowledged] = useState<Set<string>>(() => (typeof sessionStorage === 'undefined' ? new Set() : readAcknowledged()));
  const audio = useRef<AudioContext | null>(null);
  const baseTitle = useRef('');

  const unacknowledged = supervisor ? flags.filter((f) => !acknowledged.has(f.conversationId)) : [];
  const unacknowledgedQuestions = supervisor ? questionAlerts.filter((q) => !acknowledged.has(questionKey(q))) : [];
  const alarms = unacknowledged.length + unacknowledgedQuestions.length;
  const waitingOnMe = conversations.filter((c) => youthTurn(c).waitingOnMe).length;
  const handedToMe = conversations.filter((c) => c.handedToMe && !c.ended).length;
  const soundOn = () => sound && audio.current;

  // Audio needs a gesture on the page first; the first click or key press after login provides it.
  useEffect(() => {
    const unlock = () => {
      audio.current ??= new AudioContext();
      void audio.current.resume();
    };
    document.addEventListener('pointerdown', unlock, { once: true });
    document.addEventListener('keydown', unlock, { once: true });
    return () => {
      document.removeEventListener('pointerdown', unlock);
      document.removeEventListener('keydown', unlock);
    };
  }, []);

  useEffect(() => {
    baseTitle.current ||= document.title;
    document.title = attentionTitle(
      { waiting, waitingOnMe, handedToMe, unacknowledgedFlags: unacknowledged.length, unacknowledgedQuestions: unacknowledgedQuestions.length },
      baseTitle.current,
    );
  }, [waiting, waitingOnMe, handedToMe, unacknowledged.length, unacknowledgedQuestions.length]);
  useEffect(
    () => () => {
      if (baseTitle.current) document.title = baseTitle.current;
    },
    [],
  );

  // The alarm repeats until acknowledged.
  useEffect(() => {
    if (alarms === 0) return;
    const timer = setInterval(() => {
      if (soundOn()) beep(audio.current, true);
    }, ALARM_REPEAT_MS);
    return () => clearInterval(timer);
  }, [alarms, sound]);

  const onSignal = (signal: ConsoleSignal) => {
    const enabled = desktop === 'granted';
    if (signal.kind === 'flag') {
      if (!supervisor) return;
      if (soundOn()) beep(audio.current, true);
      notifyDesktop(t('werkplek.notify.flagged'), `zorg-${signal.flag.conversationId}`, enabled);
    } else if (signal.kind === 'question') {
      if (!supervisor) return;
      if (soundOn()) beep(audio.current, true);
      notifyDesktop(t('werkplek.notify.questionFlagged'), `vraag-${signal.alert.questionId}`, enabled);
    } else if (signal.kind === 'questionsChanged') {
      return;
    } else if (signal.kind === 'danger') {
      if (soundOn()) beep(audio.current, true);
      notifyDesktop(t('werkplek.notify.danger'), `gevaar-${signal.conversationId}`, enabled);
    } else if (signal.kind === 'questionReviewed') {
      // Good news, no alarm: only a notification when the tab is hidden (never with text).
      notifyDesktop(t('vragen.mine.notify'), `vraag-verstuurd-${signal.answer.questionId}`, enabled);
    } else if (signal.kind === 'newYouth') {
      if (soundOn()) beep(audio.current);
      notifyDesktop(t('werkplek.notify.newYouth'), 'wachtrij', enabled);
    } else if (signal.kind === 'transferredToMe') {
      if (soundOn()) beep(audio.current);
      notifyDesktop(t('werkplek.notify.transferred'), 'overgedragen', enabled);
    } else if (document.hidden || signal.conversationId !== active) {
      if (soundOn()) beep(audio.current);
      notifyDesktop(t('werkplek.notify.newMessage'), `bericht-${signal.conversationId}`, enabled);
    }
  };

  const acknowledgeKey = (key: string) => {
    setAcknowledged((current) => {
      const next = new Set(current).add(key);
      try {
        sessionStorage.setItem(ACK_KEY, JSON.stringify([...next]));
      } catch {
        // Without storage the alarm comes back after a reload; better than never.
      }
      return next;
    });
  };

  return {
    sound,
    setSound: (value: boolean) => {
      audio.current ??= new AudioContext();
      setSoundState(value);
    },
    desktop,
    askDesktop: async () => setDesktop(await askDesktopPermission()),
    unacknowledged,
    unacknowledgedQuestions,
    acknowledge: acknowledgeKey,
    acknowledgeQuestion: (questionId: string) => {
      for (const alert of questionAlerts.filter((q) => q.questionId === questionId)) acknowledgeKey(questionKey(alert));
    },
    onSignal,
  };
}
