import { t } from '../i18n/nl.ts';

/** "We antwoorden binnen 3 werkdagen." (the promise from the site configuration, one or more days). */
export const answerPromise = (days: number): string => (days === 1 ? t('vraag.promiseOne') : t('vraag.promise', { days }));
