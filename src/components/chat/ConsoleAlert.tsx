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
            <span>
              {t('werkplek.alert.text', { who: flaggedWho(f), name: f.counsellorName || t('werkplek.flags.nobody'), time: clockText(f.flaggedAt, timeZone) })}
            </span>
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

/** Every flagged conversation and who handles it, for supervisors, in the left column. */
export function ConsoleFlags({ flags, timeZone, onRead }: { flags: FlagView[]; timeZone: string; onRead: (conversationId: string) => void }) {
  return (
    <section class="ws-flags" aria-labelledby="zorg-titel">
      <h2 id="zorg-titel">{t('console.flags.title')}</h2>
      {flags.length === 0 ? (
        <p class="ws-empty">{t('console.flags.none')}</p>
      ) : (
        <ul class="ws-entries">
          {flags.map((f) => {
            const name = f.counsellorName || t('werkplek.flags.nobody');
            return (
              <li key={f.conversationId} class="ws-entry">
                <span>{t('werkplek.flags.handledBy', { who: flaggedWho(f), name, time: clockText(f.flaggedAt, timeZone) })}</span>
                <button
                  type="button"
                  class="button button--secondary"
                  onClick={() => onRead(f.conversationId)}
                  aria-label={`${t('console.flags.join')}: ${t('console.conversation.label', { n: f.number })}`}
                >
                  {t('console.flags.join')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
