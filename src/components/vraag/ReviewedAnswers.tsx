import { translator } from '../../../shared/i18n/fill.ts';
import { vragenStrings } from '../../../shared/i18n/nl/vragen.ts';
import { TOPIC_INFO } from '../../../shared/taxonomy.ts';
import type { ReviewedAnswer } from '../../../shared/vraag/types.ts';

// Shown in the console and on the Vragen page: the counsellors' question strings only.
const t = translator(vragenStrings);

const topicOf = (answer: ReviewedAnswer) => (answer.topic ? TOPIC_INFO[answer.topic].label : t('vragen.noTopic'));

function when(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('nl-NL', { timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(at);
}

/** One line about an answer at a second reader: still waiting, or sent (by whom, when, changed or not). */
export function reviewedText(answer: ReviewedAnswer, timeZone: string): string {
  if (answer.state === 'waiting') return t('vragen.mine.waiting', { topic: topicOf(answer) });
  const sent = t('vragen.mine.sent', { topic: topicOf(answer), name: answer.reviewerName ?? '', when: when(answer.sentAt ?? 0, timeZone) });
  return `${sent} ${answer.edited ? t('vragen.mine.edited', { name: answer.reviewerName ?? '' }) : t('vragen.mine.unchanged')}`;
}

/** What the author hears the moment a colleague sends their answer (live region). */
export function reviewedNotice(answer: ReviewedAnswer): string {
  return answer.edited ? t('vragen.mine.noticeEdited', { name: answer.reviewerName ?? '' }) : t('vragen.mine.notice', { name: answer.reviewerName ?? '' });
}

/**
 * "Jouw antwoorden bij een meelezer": the counsellor's answers that wait for a colleague, and those a
 * colleague sent. Shown on the Vragen page and in the console's Vragen box; nothing when there are none.
 */
export function ReviewedAnswers({ answers, timeZone, headingLevel = 2 }: { answers: ReviewedAnswer[]; timeZone: string; headingLevel?: 2 | 3 }) {
  if (answers.length === 0) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const sorted = [...answers].sort((a, b) => Number(a.state === 'sent') - Number(b.state === 'sent') || (b.sentAt ?? 0) - (a.sentAt ?? 0));
  return (
    <section class="vragen-mine" aria-labelledby="vragen-mine-titel">
      <Heading id="vragen-mine-titel">{t('vragen.mine.title')}</Heading>
      <ul>
        {sorted.map((answer) => (
          <li key={answer.questionId} class={`vragen-mine__item vragen-mine__item--${answer.state}`}>
            {reviewedText(answer, timeZone)}
          </li>
        ))}
      </ul>
    </section>
  );
}
