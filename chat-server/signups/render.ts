/**
 * Pages for a sign-up sent without JavaScript: the confirmation, or the form again with what was typed
 * and a Dutch sentence at each field. The page is the built `/activiteiten/aanmelden/` with its marker
 * replaced (the site's layout and styles); without a built site (tests) a bare page.
 */
import { join } from 'node:path';
import { escapeHtml } from '../../shared/html.ts';
import { t } from '../../shared/i18n/nl.ts';
import { contactHtml, optionNote, signupDoneHtml, signupFormHtml, type FieldName, type FormOption } from '../../shared/signup/form-html.ts';
import { FORM_ANCHOR } from '../../shared/signup/limits.ts';
import type { OptionAvailability, SignupResult } from '../../shared/signup/types.ts';
import { createPageRenderer } from '../http/page-template.ts';
import type { CatalogueActivity } from './catalogue.ts';

export const SIGNUP_RESULT_MARKER = '<div id="aanmelden-uitkomst"></div>';
export const SIGNUP_RESULT_FILE = join('activiteiten', 'aanmelden', 'index.html');

/**
 * The page around an answer; `titlePrefix` ("Fout:", "Wachtlijst:", "Aangemeld:") goes before its title,
 * so the tab and a screen reader tell the outcomes apart.
 */
export function createSignupPageRenderer(distDir: string): (fragment: string, titlePrefix?: string) => string {
  const render = createPageRenderer(distDir, {
    file: SIGNUP_RESULT_FILE,
    marker: SIGNUP_RESULT_MARKER,
    id: 'aanmelden-uitkomst',
    fallbackTitle: t('act.signup.pageTitle'),
  });
  return (fragment, titlePrefix) => {
    const page = render(fragment);
    return titlePrefix ? page.replace('<title>', `<title>${escapeHtml(titlePrefix)} `) : page;
  };
}

const activityHref = (id: string) => `/activiteiten/${encodeURIComponent(id)}/`;

export function confirmationHtml(result: SignupResult, activityId: string): string {
  return signupDoneHtml(result, { heading: 'h1', back: { href: activityHref(activityId) } });
}

export interface FormPage {
  activity: CatalogueActivity;
  /** The options as they stand now (places left); started ones are left out of the form. */
  options: readonly OptionAvailability[];
  values: Partial<Record<FieldName, string>>;
  errors: Partial<Record<FieldName, string>>;
  /** A problem for the whole form (rate limit, full), shown above it. */
  message?: string | undefined;
  waitlistNotice?: string | undefined;
  /** A likely typo in the e-mail address typed: "Bedoel je …?" with a box to tick. */
  emailSuggestion?: string | null | undefined;
}

/** The form again, on the result page: the activity's name, the message, the form with what was typed. */
export function formPageHtml(page: FormPage): string {
  const formOptions: FormOption[] = page.options.filter((o) => o.state !== 'started').map((o) => ({ key: o.key, label: o.label, note: optionNote(o) }));
  return [
    `<h1>${escapeHtml(t('act.signup.title'))}: ${escapeHtml(page.activity.title)}</h1>`,
    // Full: said at the top, before the form (the form repeats it at its button).
    page.waitlistNotice ? `<p role="alert" class="signup-message">${escapeHtml(page.waitlistNotice)}</p>` : '',
    page.message ? `<p role="alert" class="signup-message">${escapeHtml(page.message)}</p>` : '',
    // Whom to call when the form cannot help (full, busy, that evening started); not for a typo in a field.
    page.message || page.errors.option ? contactHtml(page.activity.contact, 'problem') : '',
    `<div id="${FORM_ANCHOR}">`,
    signupFormHtml({
      activity: page.activity.id,
      options: formOptions,
      maxPeople: page.activity.maxPeople,
      values: page.values,
      errors: page.errors,
      waitlist: page.waitlistNotice ? { notice: page.waitlistNotice } : undefined,
      emailRequired: page.activity.online,
      emailSuggestion: page.emailSuggestion,
    }),
    `</div>`,
    `<p><a href="${activityHref(page.activity.id)}">${escapeHtml(t('act.signup.done.back', { activity: page.activity.title }))}</a></p>`,
  ].join('');
}

/**
 * A problem without a form to show again (another site's form, an unknown activity, a course that has
 * started): the sentence, whom to call when the activity is known, and the way back.
 */
export function problemHtml(message: string, activity?: CatalogueActivity): string {
  return [
    `<h1>${escapeHtml(activity ? `${t('act.signup.title')}: ${activity.title}` : t('act.signup.pageTitle'))}</h1>`,
    `<p role="alert">${escapeHtml(message)}</p>`,
    activity ? contactHtml(activity.contact, 'problem') : '',
    activity
      ? `<p><a href="${activityHref(activity.id)}">${escapeHtml(t('act.signup.done.back', { activity: activity.title }))}</a></p>`
      : `<p><a href="/activiteiten/">${escapeHtml(t('act.page.allActivities'))}</a></p>`,
  ].join('');
}
