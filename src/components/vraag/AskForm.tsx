import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from './strings.ts';
import { YOUTH_AGE_OPTIONS, YOUTH_TOPIC_OPTIONS } from '../../lib/youth-choices.ts';
import { Select } from '../form/Select.tsx';
import { ASK_PATH, MAX_QUESTION_LENGTH, PICKUP_PAGE } from '../../../shared/vraag/limits.ts';
import type { AskResult, QuestionError } from '../../../shared/vraag/types.ts';
import { formText } from '../../lib/form-text.ts';
import { postJson, type LineInfo } from './api.ts';
import { CodeBox } from './CodeBox.tsx';
import { DangerNotice, Lines } from './Lines.tsx';

interface Props {
  lines: LineInfo[];
}

/**
 * "Stel je vraag". Rendered at build time as a plain form posting to the server (works without
 * JavaScript: the server answers with a page); with JavaScript it posts JSON and shows the code here.
 */
export function AskForm({ lines }: Props) {
  /** Only the length is kept in state: the textarea stays uncontrolled, so text typed before hydration survives it. */
  const [length, setLength] = useState(0);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<QuestionError | null>(null);
  const [result, setResult] = useState<AskResult | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const errorBox = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (result) resultHeading.current?.focus();
  }, [result]);
  useEffect(() => {
    setLength(document.querySelector<HTMLTextAreaElement>('#vraag-tekst')?.value.length ?? 0);
  }, []);
  useEffect(() => {
    if (error && !error.fields?.['text']) errorBox.current?.focus();
  }, [error]);

  async function submit(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    setSending(true);
    setError(null);
    const data = new FormData(form);
    const response = await postJson<AskResult>(ASK_PATH, {
      text: formText(data, 'text'),
      topic: formText(data, 'topic'),
      ageBand: formText(data, 'ageBand'),
    });
    setSending(false);
    if (response.ok) {
      setResult(response);
      setLength(0);
    } else {
      setError(response);
      if (response.fields?.['text']) form.querySelector<HTMLTextAreaElement>('#vraag-tekst')?.focus();
    }
  }

  if (result) {
    return (
      <section class="vraag-result" aria-labelledby="vraag-verstuurd">
        <h2 id="vraag-verstuurd" ref={resultHeading} tabindex={-1}>
          {t('vraag.sent.title')}
        </h2>
        {result.danger && <DangerNotice lines={lines} />}
        <CodeBox code={result.code} />
        <p>{t('vraag.sent.due', { when: result.dueText })}</p>
        <p class="vraag-actions">
          <a class="button" href={PICKUP_PAGE}>
            {t('vraag.sent.pickupLink')}
          </a>
          <button type="button" class="button button--secondary" onClick={() => setResult(null)}>
            {t('vraag.sent.another')}
          </button>
        </p>
      </section>
    );
  }

  const textError = error?.fields?.['text'];
  const formError = error && !textError ? error.error : null;
  return (
    <form class="vraag-form" method="post" action={ASK_PATH} onSubmit={(e) => void submit(e)} noValidate>
      <h2 class="vraag-form__title">{t('vraag.form.title')}</h2>
      {formError && (
        <div class="vraag-error" role="alert" tabindex={-1} ref={errorBox}>
          <p>{formError}</p>
          {(error?.code === 'rate_limited' || error?.code === 'internal' || error?.code === 'unavailable') && <Lines lines={lines} />}
        </div>
      )}
      <div class="vraag-field">
        <label for="vraag-tekst">{t('vraag.form.text')}</label>
        <p class="vraag-field__hint" id="vraag-tekst-hint">
          {t('vraag.form.textHint', { max: MAX_QUESTION_LENGTH })}
        </p>
        {textError && (
          <p class="vraag-field__error" id="vraag-tekst-fout">
            {textError}
          </p>
        )}
        <textarea
          id="vraag-tekst"
          name="text"
          rows={8}
          maxLength={MAX_QUESTION_LENGTH}
          required
          onInput={(e) => setLength(e.currentTarget.value.length)}
          aria-describedby={textError ? 'vraag-tekst-fout vraag-tekst-hint vraag-tekst-teller' : 'vraag-tekst-hint vraag-tekst-teller'}
          aria-invalid={textError ? 'true' : undefined}
        />
        <p class="vraag-field__count" id="vraag-tekst-teller">
          {t('vraag.form.count', { n: length, max: MAX_QUESTION_LENGTH })}
        </p>
      </div>
      <Select
        class="vraag-field"
        id="vraag-onderwerp"
        name="topic"
        label={t('vraag.form.topic')}
        allLabel={t('vraag.form.skip')}
        options={YOUTH_TOPIC_OPTIONS}
      />
      <Select class="vraag-field" id="vraag-leeftijd" name="ageBand" label={t('vraag.form.age')} allLabel={t('vraag.form.skip')} options={YOUTH_AGE_OPTIONS} />
      <button type="submit" class="button" disabled={sending}>
        {sending ? t('vraag.form.sending') : t('vraag.form.submit')}
      </button>
    </form>
  );
}
