import { t } from './desk-strings.ts';
import { TOPIC_INFO } from '../../../shared/taxonomy.ts';
import { questionAnchor } from '../../../shared/vraag/limits.ts';
import type { QuestionSummary } from '../../../shared/vraag/types.ts';

interface Props {
  questions: QuestionSummary[];
  me: string;
  now: number;
  timeZone: string;
  onOpen: (question: QuestionSummary) => void;
}

function ago(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return t('vragen.ago.minutes', { n: minutes });
  const hours = Math.round(minutes / 60);
  if (hours < 48) return t('vragen.ago.hours', { n: hours });
  return t('vragen.ago.days', { n: Math.round(hours / 24) });
}

function statusText(q: QuestionSummary): string {
  if (q.status === 'claimed') return t('vragen.status.claimed', { name: q.claimedBy ?? '' });
  if (q.status === 'review') return t('vragen.status.review', { name: q.draftBy ?? '' });
  return t('vragen.status.open');
}

/** The "Vragen" queue: flagged first, then by deadline. No text here: that is read by claiming. */
export function QuestionQueue({ questions, me, now, timeZone, onOpen }: Props) {
  if (questions.length === 0) return <p>{t('vragen.queue.empty')}</p>;
  return (
    <div class="vragen-table-wrap">
      <table class="vragen-table">
        <caption class="visually-hidden">{t('vragen.queue.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('vragen.queue.asked')}</th>
            <th scope="col">{t('vragen.queue.due')}</th>
            <th scope="col">{t('vragen.queue.topic')}</th>
            <th scope="col">{t('vragen.queue.status')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('vragen.open')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {questions.map((q) => {
            const mine = q.claimedBy === me;
            const action =
              q.status === 'open' ? t('vragen.claim') : q.status === 'review' && q.draftBy !== me ? t('vragen.review') : mine ? t('vragen.open') : null;
            return (
              <tr key={q.id} id={questionAnchor(q.id)} class={q.flagged ? 'vragen-row--flagged' : undefined}>
                <td>{ago(now - q.askedAt)}</td>
                <td>
                  {new Date(q.dueAt - 1).toLocaleDateString('nl-NL', { weekday: 'short', day: 'numeric', month: 'short', timeZone })}
                  {q.dueAt < now && <strong class="vragen-badge vragen-badge--late"> {t('vragen.queue.overdue')}</strong>}
                </td>
                <td>{q.topic ? TOPIC_INFO[q.topic].label : t('vragen.noTopic')}</td>
                <td>
                  {statusText(q)}
                  {q.danger ? (
                    <strong class="vragen-badge vragen-badge--flag">{t('vragen.danger')}</strong>
                  ) : (
                    q.flagged && <strong class="vragen-badge vragen-badge--flag">{t('vragen.flagged')}</strong>
                  )}
                  {q.followUp && <span class="vragen-badge">{t('vragen.followUp')}</span>}
                </td>
                <td>
                  {action && (
                    <button type="button" class="button button--secondary" onClick={() => onOpen(q)}>
                      {action}
                      <span class="visually-hidden">
                        : {q.topic ? TOPIC_INFO[q.topic].label : t('vragen.noTopic')}, {ago(now - q.askedAt)}
                      </span>
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
