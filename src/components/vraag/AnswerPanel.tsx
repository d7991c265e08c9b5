import { useEffect, useRef, useState } from 'preact/hooks';
import { t, type DeskKey } from './desk-strings.ts';
import { MAX_ANSWER_LENGTH, STAFF_ACTION_PATHS } from '../../../shared/vraag/limits.ts';
import type { QuestionDetail } from '../../../shared/vraag/types.ts';
import { postJson, type LineInfo } from './api.ts';
import { Lines } from './Lines.tsx';
import { Thread } from './Thread.tsx';
import { kaartCardText, type KaartCard } from '../../lib/kaart-card.ts';

/** Standaardzinnen: stock sentences a counsellor can start from (from the dictionary). */
const PHRASES: DeskKey[] = [
  'vragen.phrase.thanks',
  'vragen.phrase.notAlone',
  'vragen.phrase.talk',
  'vragen.phrase.chat',
  'vragen.phrase.crisis',
  'vragen.phrase.followUp',
];

interface Props {
  question: QuestionDetail;
  me: string;
  token: string;
  kaart: KaartCard[];
  lines: LineInfo[];
  timeZone: string;
  /** The question left this counsellor's hands (sent, to review, released) or changed: reload the list. */
  onDone: (message: string) => void;
  onChanged: (question: QuestionDetail) => void;
}

/** Answering one question: the thread, the answer with standaardzinnen and sociale-kaart cards, second reader, send. */
export function AnswerPanel({ question, me, token, kaart, lines, timeZone, onDone, onChanged }: Props) {
  const reviewing = question.status === 'review';
  const [text, setText] = useState(question.draft ?? '');
  const [review, setReview] = useState(question.flagged);
  const [phrase, setPhrase] = useState('');
  const [card, setCard] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    setText(question.draft ?? '');
    setReview(question.flagged);
    heading.current?.focus();
  }, [question.id]);
  useEffect(() => {
    if (question.flagged) setReview(true);
  }, [question.flagged]);

  const insert = (snippet: string) => {
    const el = area.current;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    const before = text.slice(0, start);
    const joiner = before && !/\s$/.test(before) ? ' ' : '';
    setText(`${before}${joiner}${snippet}${text.slice(end)}`);
    el?.focus();
  };

  const act = async (path: string, body: object, done?: string): Promise<boolean> => {
    setBusy(true);
    setError('');
    const response = await postJson<{ ok: true }>(path, body, token);
    setBusy(false);
    if (!response.ok) {
      setError(response.error);
      return false;
    }
    if (done !== undefined) onDone(done);
    return true;
  };

  const send = async (e: Event) => {
    e.preventDefault();
    if (reviewing) await act(STAFF_ACTION_PATHS.approve, { id: question.id, text }, t('vragen.answer.sent'));
    else await act(STAFF_ACTION_PATHS.answer, { id: question.id, text, review }, review ? t('vragen.answer.reviewSent') : t('vragen.answer.sent'));
  };

  const toggleFlag = async () => {
    if (await act(STAFF_ACTION_PATHS.flag, { id: question.id, flagged: !question.flagged })) onChanged({ ...question, flagged: !question.flagged });
  };

  return (
    <section class="vragen-panel" aria-labelledby="vragen-detail-titel">
      <h2 id="vragen-detail-titel" ref={heading} tabindex={-1}>
        {t('vragen.detail.title')}
        {question.followUp ? ` (${t('vragen.followUp')})` : ''}
      </h2>
      {question.flagged && (
        <div class="vraag-danger">
          <h3>{t('vragen.crisis.title')}</h3>
          <p>{t('vragen.crisis.text')}</p>
          <Lines lines={lines} />
        </div>
      )}
      <Thread messages={question.messages} timeZone={timeZone} youthName={t('vragen.detail.youth')} />
      {reviewing && question.draftBy && <p>{t('vragen.detail.draftBy', { name: question.draftBy })}</p>}
      <form class="vragen-form" onSubmit={(e) => void send(e)}>
        <div class="vraag-field">
          <label for="vragen-antwoord">{t('vragen.answer.label')}</label>
          <p class="vraag-field__hint" id="vragen-antwoord-hint">
            {t('vragen.answer.hint')}
          </p>
          <textarea
            id="vragen-antwoord"
            ref={area}
            rows={10}
            maxLength={MAX_ANSWER_LENGTH}
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
            aria-describedby="vragen-antwoord-hint"
            required
          />
        </div>
        <div class="vragen-tools">
          <div class="vraag-field">
            <label for="vragen-zin">{t('vragen.answer.phrases')}</label>
            <div class="vragen-tools__row">
              <select id="vragen-zin" value={phrase} onChange={(e) => setPhrase(e.currentTarget.value)}>
                <option value="">{t('vragen.answer.phrasesNone')}</option>
                {PHRASES.map((key) => (
                  <option key={key} value={key}>
                    {t(key)}
                  </option>
                ))}
              </select>
              <button type="button" class="button button--secondary" disabled={!phrase} onClick={() => phrase && insert(t(phrase as DeskKey))}>
                {t('vragen.answer.insert')}
                <span class="visually-hidden"> ({t('vragen.answer.phrases')})</span>
              </button>
            </div>
          </div>
          <div class="vraag-field">
            <label for="vragen-kaart">{t('vragen.answer.card')}</label>
            <div class="vragen-tools__row">
              <select id="vragen-kaart" value={card} onChange={(e) => setCard(e.currentTarget.value)}>
                <option value="">{t('vragen.answer.cardNone')}</option>
                {kaart.map((k) => (
                  <option key={k.id} value={k.id}>
                    {k.name}
                  </option>
                ))}
              </select>
              <button
                type="button"
                class="button button--secondary"
                disabled={!card}
                onClick={() => {
                  const k = kaart.find((entry) => entry.id === card);
                  if (k) insert(kaartCardText(k));
                }}
              >
                {t('vragen.answer.insert')}
                <span class="visually-hidden"> ({t('vragen.answer.card')})</span>
              </button>
            </div>
          </div>
        </div>
        {!reviewing && (
          <p class="vragen-check">
            <input id="vragen-meelezen" type="checkbox" checked={review} disabled={question.flagged} onChange={(e) => setReview(e.currentTarget.checked)} />
            <label for="vragen-meelezen">{question.flagged ? t('vragen.answer.reviewRequired') : t('vragen.answer.review')}</label>
          </p>
        )}
        <p class="vraag-field__error" role="alert">
          {error}
        </p>
        <div class="vraag-actions">
          <button type="submit" class="button" disabled={busy || !text.trim()}>
            {reviewing ? t('vragen.answer.approve') : review ? t('vragen.answer.toReview') : t('vragen.answer.send')}
          </button>
          {!reviewing && question.claimedBy === me && (
            <button
              type="button"
              class="button button--secondary"
              disabled={busy}
              onClick={() => void act(STAFF_ACTION_PATHS.release, { id: question.id }, '')}
            >
              {t('vragen.release')}
            </button>
          )}
          {!question.danger && !reviewing && (
            <button type="button" class="button button--secondary" disabled={busy} onClick={() => void toggleFlag()}>
              {question.flagged ? t('vragen.unflag') : t('vragen.flag')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
