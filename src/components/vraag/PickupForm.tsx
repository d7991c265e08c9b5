import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from './strings.ts';
import { ASK_PAGE, DELETE_PATH, FOLLOW_UP_PATH, MAX_QUESTION_LENGTH, PICKUP_PATH } from '../../../shared/vraag/limits.ts';
import type { AskResult, PickupResult, QuestionError } from '../../../shared/vraag/types.ts';
import { formText } from '../../lib/form-text.ts';
import { postJson, type LineInfo } from './api.ts';
import { Lines } from './Lines.tsx';
import { DeletedView, FollowedUpView, ThreadView } from './PickupViews.tsx';

interface Props {
  lines: LineInfo[];
  timeZone: string;
  /** The answer promise in working days (site configuration). */
  days: number;
}

type View = { kind: 'form' } | { kind: 'result'; result: PickupResult } | { kind: 'followedUp'; result: AskResult } | { kind: 'deleted' };

/**
 * "Lees je antwoord": the code in, the thread out. The code stays in this island's memory only (never in
 * the URL or storage) for the follow-up and "verwijder mijn vraag". Without JavaScript the same form posts
 * to the server, which answers with a page. The island owns the page's heading and side notes, so each
 * state (PickupViews.tsx) shows only what belongs to it.
 */
export function PickupForm({ lines, timeZone, days }: Props) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<QuestionError | null>(null);
  const [view, setView] = useState<View>({ kind: 'form' });
  const [confirming, setConfirming] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (view.kind !== 'form') heading.current?.focus();
  }, [view]);

  async function call<T>(path: string, body: object): Promise<T | null> {
    setBusy(true);
    setError(null);
    const response = await postJson<T>(path, body);
    setBusy(false);
    if ((response as { ok: boolean }).ok) return response as T;
    setError(response as QuestionError);
    return null;
  }

  async function lookUp(event: Event) {
    event.preventDefault();
    // Read from the field itself (uncontrolled), so a code typed before hydration is not lost.
    const typed = formText(new FormData(event.currentTarget as HTMLFormElement), 'code');
    const result = await call<PickupResult>(PICKUP_PATH, { code: typed });
    if (result) {
      setCode(typed);
      setView({ kind: 'result', result });
    } else input.current?.focus();
  }

  async function followUp(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const text = formText(new FormData(form), 'text');
    const result = await call<AskResult>(FOLLOW_UP_PATH, { code, text });
    // A mistake in the text: back to the field, whose error is read out with it.
    if (result) setView({ kind: 'followedUp', result });
    else form.querySelector('textarea')?.focus();
  }

  async function remove() {
    if (await call<{ ok: true }>(DELETE_PATH, { code })) {
      setCode('');
      setConfirming(false);
      setView({ kind: 'deleted' });
    }
  }

  // An error about one field stands next to it (linked by aria-describedby); others above the form.
  const codeError = error?.fields?.['code'] ?? (error?.code === 'not_found' && view.kind === 'form' ? error.error : undefined);
  const textError = error?.fields?.['text'];
  const fieldError = (id: string, message: string | undefined) =>
    message && (
      <p class="vraag-field__error" id={id} role="alert">
        {message}
      </p>
    );
  const errorBlock = error && !codeError && !textError && (
    <div class="vraag-error" role="alert">
      <p>{error.error}</p>
      {(error.code === 'throttled' || error.code === 'internal') && <Lines lines={lines} />}
    </div>
  );

  const deleteBlock = (
    <div class="vraag-delete">
      {confirming ? (
        <div role="group" aria-labelledby="vraag-verwijder-vraag">
          <p id="vraag-verwijder-vraag">{t('antwoord.delete.confirm')}</p>
          <p class="vraag-actions">
            <button type="button" class="button vraag-button--danger" onClick={() => void remove()} disabled={busy}>
              {t('antwoord.delete.yes')}
            </button>
            <button type="button" class="button button--secondary" onClick={() => setConfirming(false)}>
              {t('antwoord.delete.no')}
            </button>
          </p>
        </div>
      ) : (
        <button type="button" class="button button--secondary" onClick={() => setConfirming(true)}>
          {t('antwoord.delete.button')}
        </button>
      )}
    </div>
  );

  const views = { heading, lines };
  if (view.kind === 'deleted') return <DeletedView {...views} />;
  if (view.kind === 'followedUp') {
    return (
      <FollowedUpView {...views} days={days} result={view.result}>
        {deleteBlock}
        {errorBlock}
      </FollowedUpView>
    );
  }
  if (view.kind === 'result') {
    const followUpForm = (
      <form class="vraag-form" onSubmit={(e) => void followUp(e)} noValidate>
        <h2>{t('antwoord.followUp.title')}</h2>
        <p>{t('antwoord.followUp.intro')}</p>
        <div class="vraag-field">
          <label for="vraag-vervolg">{t('antwoord.followUp.text')}</label>
          {fieldError('vraag-vervolg-fout', textError)}
          <textarea
            id="vraag-vervolg"
            name="text"
            rows={5}
            maxLength={MAX_QUESTION_LENGTH}
            required
            aria-invalid={textError ? 'true' : undefined}
            aria-describedby={textError ? 'vraag-vervolg-fout' : undefined}
          />
        </div>
        <button type="submit" class="button" disabled={busy}>
          {t('antwoord.followUp.submit')}
        </button>
      </form>
    );
    return (
      <ThreadView {...views} result={view.result} timeZone={timeZone} followUpForm={followUpForm}>
        {errorBlock}
        {deleteBlock}
      </ThreadView>
    );
  }

  return (
    <>
      <h1>{t('antwoord.pageTitle')}</h1>
      <p class="lead prose">{t('antwoord.lead')}</p>
      <div class="vraag-page__grid">
        <div>
          <form class="vraag-form" method="post" action={PICKUP_PATH} onSubmit={(e) => void lookUp(e)} noValidate>
            {errorBlock}
            <div class="vraag-field">
              <label for="vraag-code">{t('antwoord.form.code')}</label>
              <p class="vraag-field__hint" id="vraag-code-hint">
                {t('antwoord.form.codeHint')}
              </p>
              {fieldError('vraag-code-fout', codeError)}
              <input
                ref={input}
                id="vraag-code"
                name="code"
                type="text"
                class="vraag-code-input"
                autocomplete="off"
                autocapitalize="characters"
                spellcheck={false}
                maxLength={40}
                required
                aria-describedby={codeError ? 'vraag-code-fout vraag-code-hint' : 'vraag-code-hint'}
                aria-invalid={codeError ? 'true' : undefined}
              />
            </div>
            <button type="submit" class="button" disabled={busy}>
              {busy ? t('antwoord.form.checking') : t('antwoord.form.submit')}
            </button>
          </form>
        </div>
        <aside class="vraag-side">
          <p>
            {t('antwoord.noCode')} <a href={ASK_PAGE}>{t('antwoord.noCodeLink')}</a>
          </p>
          <p>{t('antwoord.lostCode')}</p>
        </aside>
      </div>
    </>
  );
}
