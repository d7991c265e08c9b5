import { t } from '../../../shared/i18n/nl.ts';
import { STAFF_PAGE } from '../../../shared/vraag/limits.ts';

/** The anonymous questions next to the chat queue: how many wait for someone, and the way to them. */
export function ConsoleQuestions({ open }: { open: number | null }) {
  return (
    <section class="ws-questions" aria-labelledby="vragen-titel">
      <h2 id="vragen-titel">
        {t('werkplek.questions.title')} {open !== null && <span class="ws-count">({open})</span>}
      </h2>
      <p class="ws-empty">{t('werkplek.questions.text')}</p>
      <a class="button button--secondary" href={STAFF_PAGE}>
        {t('werkplek.questions.link')}
      </a>
    </section>
  );
}
