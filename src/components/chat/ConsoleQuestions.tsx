import { t } from './console-strings.ts';
import { STAFF_PAGE } from '../../../shared/vraag/limits.ts';
import type { ReviewedAnswer } from '../../../shared/vraag/types.ts';
import { ReviewedAnswers } from '../vraag/ReviewedAnswers.tsx';

interface Props {
  open: number | null;
  /** My answers at a second reader: waiting, or sent by the colleague. */
  mine: ReviewedAnswer[];
  /** "Je antwoord is verstuurd: …", the moment a colleague sends one. */
  notice: string;
  timeZone: string;
}

/** The anonymous questions next to the chat queue: how many wait for someone, my answers at a second reader, and the way to them. */
export function ConsoleQuestions({ open, mine, notice, timeZone }: Props) {
  return (
    <section class="ws-questions" aria-labelledby="vragen-titel">
      <h2 id="vragen-titel">
        {t('werkplek.questions.title')} {open !== null && <span class="ws-count">({open})</span>}
      </h2>
      <p class="ws-empty">{t('werkplek.questions.text')}</p>
      <p class="ws-questions__notice" role="status">
        {notice}
      </p>
      <ReviewedAnswers answers={mine} timeZone={timeZone} headingLevel={3} />
      <a class="button button--secondary" href={STAFF_PAGE}>
        {t('werkplek.questions.link')}
      </a>
    </section>
  );
}
