import type { FlagView } from '../../../shared/protocol/events.ts';
import { t } from './console-strings.ts';
import { questionAnchor, STAFF_PAGE } from '../../../shared/vraag/limits.ts';
import type { QuestionAlert } from '../../../shared/vraag/types.ts';
import { formatClock as clockText } from '../../lib/chat-format.ts';
import { ariaShortcut } from '../../lib/chat-shortcuts.ts';
import { topicLabel } from './console-types.ts';

/** "Jongere 2 (School, mogelijk acuut gevaar)": the one name of the young person, what it is about, the danger signal. */
export function flaggedWho(f: FlagView): string {
  const about = [topicLabel(f.topic), ...(f.danger ? [t('werkplek.danger.tag')] : [])].join(', ');
  return `${t('console.conversation.label', { n: f.number })} (${about})`;
}

/**
 * The banner's sentence. A conversation back in the queue has no counsellor: the sentence says so
 * instead of putting "terug in de wachtrij" where a name belongs.
 */
export function alertText(f: FlagView, timeZone: string): string {
  const facts = { who: flaggedWho(f), time: clockText(f.flaggedAt, timeZone) };
  if (!f.counsellorName) return t('werkplek.alert.textQueued', facts);
  // After a transfer: whom to call about the flag, and who has the young person now.
  if (f.flaggedBy && f.flaggedBy !== f.counsellorName) return t('werkplek.alert.textMoved', { ...facts, by: f.flaggedBy, name: f.counsellorName });
  return t('werkplek.alert.text', { ...facts, name: f.counsellorName });
}

/** The line in "Zorgelijke gesprekken": who handles it, or that it waits in the queue again. */
export function flagListText(f: FlagView, timeZone: string): string {
  const facts = { who: flaggedWho(f), time: clockText(f.flaggedAt, timeZone) };
  return f.counsellorName ? t('werkplek.flags.handledBy', { ...facts, name: f.counsellorName }) : t('werkplek.flags.queued', facts);
}

/** Where "Meelezen" leads from a staff page other than the console: the console opens that conversation. */
export const READ_ALONG_HASH = '#meelezen-';
export const readAlongHref = (conversationId: string) => `/medewerkers/chat/${READ_ALONG_HASH}${conversationId}`;

interface Props {
  unacknowledged: FlagView[];
  /** Flagged anonymous questions ("Stel je vraag") not yet acknowledged. */
  questions: QuestionAlert[];
  timeZone: string;
  /** On the console: read along right here. */
  onRead?: (conversationId: string) => void;
  /** On another staff page: a link to the console that reads along there. */
  readHref?: (conversationId: string) => string;
  onAcknowledge: (conversationId: string) => void;
  onAcknowledgeQuestion: (questionId: string) => void;
}

/**
 * The supervisor's alarm for a conversation or an anonymous question marked "zorgelijk": a banner across
 * the workspace that stays until someone presses "Gezien" (the title and the sound keep going until then, too).
 */
export function ConsoleAlert({ unacknowledged, questions, timeZone, onRead, readHref, onAcknowledge, onAcknowledgeQuestion }: Props) {
  if (unacknowledged.length === 0 && questions.length === 0) return null;
  const title = [unacknowledged.length > 0 && t('werkplek.alert.title'), questions.length > 0 && t('werkplek.alert.questionTitle')].filter(Boolean).join(' · ');
  return (
    <section class="ws-alert" role="alert" aria-labelledby="alarm-titel">
      <h2 id="alarm-titel">{title}</h2>
      <ul>
        {unacknowledged.map((f) => (
          <li key={f.conversationId}>
            <span>{alertText(f, timeZone)}</span>
            {readHref ? (
              <a class="button" href={readHref(f.conversationId)}>
                {t('werkplek.alert.read')}
              </a>
            ) : (
              <button type="button" class="button" onClick={() => onRead?.(f.conversationId)}>
                {t('werkplek.alert.read')}
              </button>
            )}
            <button type="button" class="button button--secondary" aria-keyshortcuts={ariaShortcut('ack')} onClick={() => onAcknowledge(f.conversationId)}>
              {t('werkplek.alert.ack')}
            </button>
          </li>
        ))}
        {questions.map((q) => (
          <li key={`vraag-${q.questionId}`}>
            <span>
              {t(q.reason === 'danger' ? 'werkplek.alert.questionDanger' : 'werkplek.alert.questionCounsellor', { time: clockText(q.flaggedAt, timeZone) })}
            </span>
            <a class="button" href={`${STAFF_PAGE}#${questionAnchor(q.questionId)}`}>
              {t('werkplek.alert.toQuestions')}
            </a>
            <button type="button" class="button button--secondary" aria-keyshortcuts={ariaShortcut('ack')} onClick={() => onAcknowledgeQuestion(q.questionId)}>
              {t('werkplek.alert.ack')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

interface FlagsProps {
  flags: FlagView[];
  /** Conversations this supervisor already reads along: "Openen" instead of "Meelezen". */
  reading: ReadonlySet<string>;
  timeZone: string;
  onRead: (conversationId: string) => void;
}

/** Every flagged conversation and who handles it, for supervisors, in the left column. */
export function ConsoleFlags({ flags, reading, timeZone, onRead }: FlagsProps) {
  return (
    <section class="ws-flags" aria-labelledby="zorg-titel">
      <h2 id="zorg-titel">{t('console.flags.title')}</h2>
      {flags.length === 0 ? (
        <p class="ws-empty">{t('console.flags.none')}</p>
      ) : (
        <ul class="ws-entries">
          {flags.map((f) => {
            const already = reading.has(f.conversationId);
            const verb = already ? t('werkplek.flags.open') : t('console.flags.join');
            return (
              <li key={f.conversationId} class="ws-entry">
                <span>
                  {flagListText(f, timeZone)}
                  {already && <span class="ws-tag">{t('werkplek.flags.reading')}</span>}
                </span>
                <button
                  type="button"
                  class="button button--secondary"
                  onClick={() => onRead(f.conversationId)}
                  aria-label={`${verb}: ${t('console.conversation.label', { n: f.number })}`}
                >
                  {verb}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
