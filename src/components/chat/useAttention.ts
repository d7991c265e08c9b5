import { useEffect, useRef, useState } from 'preact/hooks';
import type { FlagView } from '../../../shared/protocol/events.ts';
import { t } from '../../../shared/i18n/nl.ts';
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
}

/**
 * Getting the counsellor's attention: tab title, sound (opt-in; a browser only plays sound after
 * a click or key press on the page), desktop notifications when the tab is hidden (opt-in, never
 * with message text), and the supervisor's alarm until "Gezien".
 */
export function useAttention({ supervisor, waiting, conversations, active, flags }: Inputs) {
  const [sound, setSoundState] = useState(supervisor);
  const [desktop, setDesktop] = useState<DesktopPermission>(() => (typeof window === 'undefined' ? 'unsupported' : desktopPermission()));
  const [acknowledged, setAcknowledged] = useState<Set<string>>(() => (typeof sessionStorage === 'undefined' ? new Set() : readAcknowledged()));
  const audio = useRef<AudioContext | null>(null);
  const baseTitle = useRef('');

  const unacknowledged = supervisor ? flags.filter((f) => !acknowledged.has(f.conversationId)) : [];
  const waitingOnMe = conversations.filter((c) => youthTurn(c).waitingOnMe).length;
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
    document.title = attentionTitle({ waiting, waitingOnMe, unacknowledgedFlags: unacknowledged.length }, baseTitle.current);
  }, [waiting, waitingOnMe, unacknowledged.length]);
  useEffect(
    () => () => {
      if (baseTitle.current) document.title = baseTitle.current;
    },
    [],
  );

  // The alarm repeats until acknowledged.
  useEffect(() => {
    if (unacknowledged.length === 0) return;
    const timer = setInterval(() => {
      if (soundOn()) beep(audio.current, true);
    }, ALARM_REPEAT_MS);
    return () => clearInterval(timer);
  }, [unacknowledged.length, sound]);

  const onSignal = (signal: ConsoleSignal) => {
    const enabled = desktop === 'granted';
    if (signal.kind === 'flag') {
      if (!supervisor) return;
      if (soundOn()) beep(audio.current, true);
      notifyDesktop(t('werkplek.notify.flagged'), `zorg-${signal.flag.conversationId}`, enabled);
    } else if (signal.kind === 'newYouth') {
      if (soundOn()) beep(audio.current);
      notifyDesktop(t('werkplek.notify.newYouth'), 'wachtrij', enabled);
    } else if (signal.kind === 'transferredToMe') {
      if (soundOn()) beep(audio.current);
      notifyDesktop(t('werkplek.notify.newMessage'), 'overgedragen', enabled);
    } else if (document.hidden || signal.conversationId !== active) {
      if (soundOn()) beep(audio.current);
      notifyDesktop(t('werkplek.notify.newMessage'), `bericht-${signal.conversationId}`, enabled);
    }
  };

  const acknowledge = (conversationId: string) => {
    setAcknowledged((current) => {
      const next = new Set(current).add(conversationId);
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
    acknowledge,
    onSignal,
  };
}
