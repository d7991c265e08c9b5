import type { ComponentChildren, RefObject } from 'preact';
import { t } from './strings.ts';
import { ASK_PAGE, CHAT_PAGE } from '../../../shared/vraag/limits.ts';
import { answerPromise } from '../../../shared/vraag/promise.ts';
import type { AskResult, PickupResult } from '../../../shared/vraag/types.ts';
import type { LineInfo } from './api.ts';
import { DangerNotice, Lines } from './Lines.tsx';
import { Thread } from './Thread.tsx';

/**
 * What "Lees je antwoord" shows after the code: the page's heading says where the young person is now
 * (it takes the focus), then only what belongs to that state. The forms inside (follow-up, delete) come
 * from PickupForm, which holds the code.
 */
interface ViewProps {
  heading: RefObject<HTMLHeadingElement>;
  lines: LineInfo[];
  children?: ComponentChildren;
}

function Titled({ heading, title, children }: { heading: RefObject<HTMLHeadingElement>; title: string; children: ComponentChildren }) {
  return (
    <div class="vraag-outcome">
      <h1 ref={heading} tabindex={-1}>
        {title}
      </h1>
      <div class="vraag-result">{children}</div>
    </div>
  );
}

/** Everything is gone: said once, plainly, with where to go next. Nothing of the old page stays. */
export function DeletedView({ heading, lines }: ViewProps) {
  return (
    <Titled heading={heading} title={t('antwoord.delete.doneTitle')}>
      <p role="status">
        {t('antwoord.delete.done')} {t('antwoord.delete.doneText')}
      </p>
      <h2>{t('antwoord.delete.next')}</h2>
      <ul class="vraag-next">
        <li>
          <a href={CHAT_PAGE}>{t('antwoord.delete.chat')}</a>
        </li>
        <li>
          <a href={ASK_PAGE}>{t('antwoord.delete.ask')}</a>
        </li>
      </ul>
      <h2>{t('chat.linesNow.title')}</h2>
      <Lines lines={lines} />
    </Titled>
  );
}

/** Just after a follow-up: what happens now and when to come back; the lines first if it sounds like danger. */
export function FollowedUpView({ heading, lines, days, result, children }: ViewProps & { days: number; result: AskResult }) {
  return (
    <Titled heading={heading} title={t('antwoord.followUp.sentTitle')}>
      {result.danger && <DangerNotice lines={lines} />}
      <p>
        {answerPromise(days)} {t('antwoord.followUp.sent', { when: result.dueText })}
      </p>
      <p>{t('antwoord.followUp.last')}</p>
      {children}
    </Titled>
  );
}

interface ThreadViewProps extends ViewProps {
  result: PickupResult;
  timeZone: string;
  /** Under an answer that may still get a reaction: the follow-up form. */
  followUpForm: ComponentChildren;
}

/** The thread as it stands: not answered yet (the question, or the follow-up), answered, or expired. */
export function ThreadView({ heading, lines, result, timeZone, followUpForm, children }: ThreadViewProps) {
  if (result.state === 'expired') {
    return (
      <Titled heading={heading} title={t('antwoord.expired.title')}>
        <p>{t('antwoord.expired.text')}</p>
        <Lines lines={lines} />
        <p>
          <a class="button" href={ASK_PAGE}>
            {t('vraag.link.label')}
          </a>
        </p>
        {children}
      </Titled>
    );
  }
  if (result.state === 'waiting') {
    return (
      <Titled heading={heading} title={result.followUp ? t('antwoord.waiting.followUpTitle') : t('antwoord.waiting.title')}>
        {result.danger && <DangerNotice lines={lines} />}
        <p>{t(result.followUp ? 'antwoord.waiting.followUpText' : 'antwoord.waiting.text', { when: result.dueText })}</p>
        <Thread messages={result.messages} timeZone={timeZone} />
        {children}
      </Titled>
    );
  }
  return (
    <Titled heading={heading} title={t('antwoord.answered.title')}>
      <Thread messages={result.messages} timeZone={timeZone} />
      {result.canFollowUp ? followUpForm : <p>{t('antwoord.followUp.used')}</p>}
      <p>{t('antwoord.deleteAt', { when: result.deleteText })}</p>
      {children}
    </Titled>
  );
}
