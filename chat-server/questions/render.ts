/**
 * Pages for young people without JavaScript: a form post to the question endpoints is answered with a
 * whole page (no redirect: the code and the answer must never be in a URL, a redirect target or the
 * browser history). The page is the built `/jongeren/vraag/uitkomst/` with its marker replaced, so it has
 * the site's layout, quick exit and styles; without a built site (tests) a bare page is used.
 */
import { join } from 'node:path';
import { escapeHtml } from '../../shared/html.ts';
import { createPageRenderer as renderInto } from '../http/page-template.ts';
import { site } from '../../shared/config/site.ts';
import { t } from '../../shared/i18n/nl.ts';
import { ASK_PAGE, CHAT_PAGE, DELETE_PATH, FOLLOW_UP_PATH, MAX_QUESTION_LENGTH, PICKUP_PAGE } from '../../shared/vraag/limits.ts';
import { answerPromise } from '../../shared/vraag/promise.ts';
import type { AskResult, PickupResult, ThreadMessage } from '../../shared/vraag/types.ts';

/** The element the built result page carries where the outcome goes (src/pages/jongeren/vraag/uitkomst.astro). */
export const RESULT_MARKER = '<div id="vraag-uitkomst"></div>';
export const RESULT_PAGE_FILE = join('jongeren', 'vraag', 'uitkomst', 'index.html');

const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((p) => `<p class="vraag-thread__text">${escapeHtml(p)}</p>`)
    .join('');

export function crisisLines(): string {
  const items = site.crisisLines
    .map(
      (line) =>
        `<li><strong>${escapeHtml(line.name)}</strong>: <a href="tel:${line.phone.replace(/[^0-9]/g, '')}">${escapeHtml(t('phone.call', { phone: line.phone }))}</a>. ${escapeHtml(line.when)}</li>`,
    )
    .join('');
  return `<ul class="vraag-lines">${items}</ul>`;
}

function dangerBlock(): string {
  return `<section class="vraag-danger" role="alert" aria-labelledby="vraag-gevaar"><h2 id="vraag-gevaar">${escapeHtml(t('vraag.danger.title'))}</h2><p>${escapeHtml(t('vraag.danger.text'))}</p>${crisisLines()}</section>`;
}

function threadHtml(messages: ThreadMessage[]): string {
  return `<ol class="vraag-thread">${messages
    .map((m) => {
      const who = m.from === 'youth' ? t('antwoord.you') : t('antwoord.cjg', { name: m.name });
      return `<li class="vraag-thread__message vraag-thread__message--${m.from}"><p class="vraag-thread__who"><strong>${escapeHtml(who)}</strong></p>${paragraphs(m.text)}</li>`;
    })
    .join('')}</ol>`;
}

const codeField = (code: string) => `<input type="hidden" name="code" value="${escapeHtml(code)}">`;

export function askedHtml(result: AskResult): string {
  return [
    `<h1>${escapeHtml(t('vraag.sent.title'))}</h1>`,
    result.danger ? dangerBlock() : '',
    `<div class="vraag-code"><p class="vraag-code__label">${escapeHtml(t('vraag.sent.codeLabel'))}</p>`,
    `<p class="vraag-code__value" translate="no">${escapeHtml(result.code)}</p>`,
    `<p class="vraag-code__keep"><strong>${escapeHtml(t('vraag.sent.keep'))}</strong></p></div>`,
    `<p>${escapeHtml(t('vraag.sent.due', { when: result.dueText }))}</p>`,
    `<p><a href="${PICKUP_PAGE}">${escapeHtml(t('vraag.sent.pickupLink'))}</a></p>`,
  ].join('');
}

/** A follow-up that came back with a mistake (no JavaScript): the text as sent and what to change. */
export interface FollowUpDraft {
  text: string;
  error: string;
}

/**
 * The summary on top of a form that came back with mistakes: each links to its field (`href`), and it
 * takes the focus when the page loads (`autofocus`, no script needed).
 */
export function errorSummary(items: { href?: string; message: string }[], lines = false): string {
  const list = items.map((item) => `<li>${item.href ? `<a href="${item.href}">${escapeHtml(item.message)}</a>` : escapeHtml(item.message)}</li>`).join('');
  return `<div class="vraag-error-summary" role="alert" tabindex="-1" autofocus aria-labelledby="vraag-fouten-titel"><h2 id="vraag-fouten-titel">${escapeHtml(t('vraag.error.summaryTitle'))}</h2><ul>${list}</ul>${lines ? crisisLines() : ''}</div>`;
}

function followUpForm(code: string, draft?: FollowUpDraft): string {
  const errorId = 'vervolg-tekst-fout';
  const summary = draft ? errorSummary([{ href: '#vervolg-tekst', message: draft.error }]) : '';
  const error = draft ? `<p class="vraag-field__error" id="${errorId}">${escapeHtml(draft.error)}</p>` : '';
  const invalid = draft ? ` aria-invalid="true" aria-describedby="${errorId}"` : '';
  const text = draft ? (draft.text.startsWith('\n') ? '\n' : '') + escapeHtml(draft.text) : '';
  return `<section aria-labelledby="vraag-vervolg"><h2 id="vraag-vervolg">${escapeHtml(t('antwoord.followUp.title'))}</h2>${summary}<p>${escapeHtml(t('antwoord.followUp.intro'))}</p><form method="post" action="${FOLLOW_UP_PATH}" class="vraag-field">${codeField(code)}<label for="vervolg-tekst">${escapeHtml(t('antwoord.followUp.text'))}</label>${error}<textarea id="vervolg-tekst" name="text" rows="6" maxlength="${MAX_QUESTION_LENGTH}" required${invalid}>${text}</textarea><button type="submit" class="button">${escapeHtml(t('antwoord.followUp.submit'))}</button></form></section>`;
}

export function pickupHtml(result: PickupResult, code: string, draft?: FollowUpDraft): string {
  if (result.state === 'expired') {
    return `<h1>${escapeHtml(t('antwoord.expired.title'))}</h1><p>${escapeHtml(t('antwoord.expired.text'))}</p>${crisisLines()}<p><a href="${ASK_PAGE}">${escapeHtml(t('vraag.link.label'))}</a></p>${deleteForm(code)}`;
  }
  if (result.state === 'waiting') {
    const title = result.followUp ? t('antwoord.waiting.followUpTitle') : t('antwoord.waiting.title');
    const text = t(result.followUp ? 'antwoord.waiting.followUpText' : 'antwoord.waiting.text', { when: result.dueText });
    return `<h1>${escapeHtml(title)}</h1>${result.danger ? dangerBlock() : ''}<p>${escapeHtml(text)}</p>${threadHtml(result.messages)}${deleteForm(code)}`;
  }
  const followUp = result.canFollowUp ? followUpForm(code, draft) : `<p>${escapeHtml(t('antwoord.followUp.used'))}</p>`;
  return `<h1>${escapeHtml(t('antwoord.answered.title'))}</h1>${threadHtml(result.messages)}${followUp}<p>${escapeHtml(t('antwoord.deleteAt', { when: result.deleteText }))}</p>${deleteForm(code)}`;
}

function deleteForm(code: string): string {
  // Without JavaScript there is no confirm dialog: the checkbox is the confirmation.
  return `<form method="post" action="${DELETE_PATH}" class="vraag-delete">${codeField(code)}<p><input type="checkbox" id="verwijder-zeker" name="zeker" value="ja" required> <label for="verwijder-zeker">${escapeHtml(t('antwoord.delete.confirm'))}</label></p><button type="submit" class="button">${escapeHtml(t('antwoord.delete.button'))}</button></form>`;
}

/** After a follow-up: what happens now, when to come back, and (danger) the lines first. */
export function followedUpHtml(result: AskResult): string {
  return [
    `<h1>${escapeHtml(t('antwoord.followUp.sentTitle'))}</h1>`,
    result.danger ? dangerBlock() : '',
    `<p>${escapeHtml(answerPromise(site.questions.answerWorkingDays))} ${escapeHtml(t('antwoord.followUp.sent', { when: result.dueText }))}</p>`,
    `<p>${escapeHtml(t('antwoord.followUp.last'))}</p>`,
    deleteForm(result.code),
  ].join('');
}

/** Everything is gone: say so once, plainly, and where to go next (the chat, a new question, the lines). */
export function deletedHtml(): string {
  return [
    `<h1>${escapeHtml(t('antwoord.delete.doneTitle'))}</h1>`,
    `<p role="status">${escapeHtml(t('antwoord.delete.done'))} ${escapeHtml(t('antwoord.delete.doneText'))}</p>`,
    `<h2>${escapeHtml(t('antwoord.delete.next'))}</h2>`,
    `<ul><li><a href="${CHAT_PAGE}">${escapeHtml(t('antwoord.delete.chat'))}</a></li><li><a href="${ASK_PAGE}">${escapeHtml(t('antwoord.delete.ask'))}</a></li></ul>`,
    `<h2>${escapeHtml(t('chat.linesNow.title'))}</h2>`,
    crisisLines(),
  ].join('');
}

/** The short error page; `kept`: what the young person wrote, shown back so nothing is lost. */
export function errorHtml(message: string, back: string, kept = ''): string {
  const copy = kept.trim()
    ? `<div class="vraag-field"><label for="vraag-bewaard">${escapeHtml(t('vraag.error.kept'))}</label><textarea id="vraag-bewaard" rows="6" readonly>${kept.startsWith('\n') ? '\n' : ''}${escapeHtml(kept)}</textarea></div>`
    : '';
  return `<h1>${escapeHtml(t('vraag.error.summary'))}</h1><p role="alert">${escapeHtml(message)}</p>${copy}<p><a href="${back}">${escapeHtml(back === PICKUP_PAGE ? t('antwoord.pageTitle') : t('vraag.pageTitle'))}</a></p>${crisisLines()}`;
}

/** "Fout: Stel je vraag | …": says in the tab and to a screen reader that the page shows a mistake. */
export const withTitlePrefix = (page: string, prefix: string) => page.replace('<title>', `<title>${escapeHtml(prefix)} `);

/**
 * Wraps a fragment in the built result page (read once), or a bare page without a built site.
 * `titlePrefix` goes before the page title (e.g. "Fout:" when the page shows a form with a mistake).
 */
export function createPageRenderer(distDir: string): (fragment: string, titlePrefix?: string) => string {
  const render = renderInto(distDir, { file: RESULT_PAGE_FILE, marker: RESULT_MARKER, id: 'vraag-uitkomst', fallbackTitle: t('vraag.pageTitle') });
  return (fragment, titlePrefix) => {
    const page = render(fragment);
    return titlePrefix ? withTitlePrefix(page, titlePrefix) : page;
  };
}
