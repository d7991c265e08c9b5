import { translator } from '../i18n/fill.ts';
import { vraagStrings } from '../i18n/nl/vraag.ts';

// The pick-up island shows this too: the question strings only, not the whole dictionary.
const t = translator(vraagStrings);

/** "We antwoorden binnen 3 werkdagen." (the promise from the site configuration, one or more days). */
export const answerPromise = (days: number): string => (days === 1 ? t('vraag.promiseOne') : t('vraag.promise', { days }));
