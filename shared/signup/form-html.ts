/**
 * The sign-up form as HTML, written in one place for its three uses: the activity page at build time,
 * the server's answer to a form post without JavaScript (the form again, values kept, an error at each
 * field), and the page's script after it checked the form itself. The form works without JavaScript:
 * it posts to the server, which answers with a whole page.
 */
import { escapeHtml } from '../html.ts';
import { fill } from '../i18n/fill.ts';
import { aanmeldenStrings as s } from '../i18n/nl/aanmelden.ts';
import type { OptionAvailability, OrganiserContact, SignupResult } from './types.ts';
import { EMAIL_FIX_FIELD, FIELDS, MAX_EMAIL_LENGTH, MAX_NAME_LENGTH, MAX_PHONE_INPUT_LENGTH, MAX_SIGNUP_QUESTION_LENGTH, SIGNUP_PATH } from './limits.ts';

export type FieldName = keyof typeof FIELDS;

export interface FormOption {
  key: string;
  label: string;
  /** "nog 3 plekken", "vol, wachtlijst": added by the server or the script when they know. */
  note?: string | undefined;
}

export interface SignupFormModel {
  activity: string;
  /** The options still open; with one, the form asks nothing about it. */
  options: readonly FormOption[];
  /** Most people one sign-up may bring (the activity's `maxPeople`). */
  maxPeople: number;
  values?: Partial<Record<FieldName, string>>;
  errors?: Partial<Record<FieldName, string>>;
  /** Full: the form says so, asks to go on the waiting list, and sends `waitlist=1`. */
  waitlist?: { notice: string } | undefined;
  /** Online activity: the link comes by e-mail, so the e-mail address is asked for (the server requires it). */
  emailRequired?: boolean | undefined;
  /**
   * Shown again by the server (no JavaScript) with a likely typo in the e-mail address: "Bedoel je …?"
   * with a box to tick that sends the suggestion instead. Never an error: the form sends as it is.
   */
  emailSuggestion?: string | null | undefined;
}

const ID = {
  option: 'aanmelden-bijeenkomst',
  name: 'aanmelden-naam',
  phone: 'aanmelden-telefoon',
  email: 'aanmelden-email',
  people: 'aanmelden-personen',
  question: 'aanmelden-vraag',
  honeypot: 'aanmelden-leeg',
  activity: 'aanmelden-activiteit',
  waitlist: 'aanmelden-wachtlijst',
  submission: 'aanmelden-verzending',
} as const satisfies Record<FieldName, string>;

/** Where the script suggests a fix for a likely typo in the e-mail address. */
export const EMAIL_TIP_ID = 'aanmelden-email-tip';

/** The element id of a form field, for links from the error summary and for focus. */
export const fieldId = (field: FieldName): string => ID[field];

/** Field order: the error summary lists problems in the order of the form. */
const ORDER: FieldName[] = ['option', 'name', 'phone', 'email', 'people', 'question', 'honeypot', 'activity'];

const attr = (name: string, value: string | number | undefined | false) =>
  value === undefined || value === false ? '' : ` ${name}="${escapeHtml(String(value))}"`;

function described(field: FieldName, hint: boolean, error: string | undefined): string {
  const ids = [hint ? `${ID[field]}-hint` : '', error ? `${ID[field]}-fout` : ''].filter(Boolean).join(' ');
  return `${attr('aria-describedby', ids || undefined)}${attr('aria-invalid', error ? 'true' : undefined)}`;
}

const errorText = (field: FieldName, error: string | undefined) => (error ? `<p id="${ID[field]}-fout" class="signup__error">${escapeHtml(error)}</p>` : '');

const hintText = (field: FieldName, text: string) => `<p id="${ID[field]}-hint" class="signup__hint">${escapeHtml(text)}</p>`;

function errorSummary(errors: Partial<Record<FieldName, string>>): string {
  const fields = ORDER.filter((f) => errors[f]);
  if (fields.length === 0) return '';
  const many = fields.length > 1;
  const title = fill(s['act.signup.errorSummary'], {
    count: many ? fill(s['act.signup.errorMany'], { n: fields.length }) : s['act.signup.errorOne'],
    which: many ? s['act.signup.errorWhichMany'] : s['act.signup.errorWhichOne'],
  });
  // Links go to the field; a problem without a field of its own (activity) is just listed.
  const items = fields
    .map((f) =>
      f === 'activity' || f === 'honeypot' ? `<li>${escapeHtml(errors[f] ?? '')}</li>` : `<li><a href="#${ID[f]}">${escapeHtml(errors[f] ?? '')}</a></li>`,
    )
    .join('');
  return `<div class="signup__summary" role="alert" tabindex="-1" data-signup-summary><p><strong>${escapeHtml(title)}</strong></p><ul>${items}</ul></div>`;
}

export function signupFormHtml(model: SignupFormModel): string {
  const values = model.values ?? {};
  const errors = model.errors ?? {};
  const value = (f: FieldName) => values[f] ?? '';
  const star = ' <span aria-hidden="true">*</span>';
  const onlyOption = model.options.at(0);
  const chosen = value('option');
  // A choice of dates as radio buttons, not a drop-down: each whole date, time and places stay readable at
  // 320 px (a closed select cuts them off), and nothing is chosen for the parent (newcomer review 17-2, m5).
  const optionField =
    model.options.length > 1
      ? `<fieldset class="signup__field signup__choices"${described('option', false, errors.option)}><legend>${escapeHtml(s['act.signup.option'])}${star}</legend>${errorText('option', errors.option)}${model.options
          .map(
            (o, i) =>
              `<label class="signup__choice"><input type="radio" name="${FIELDS.option}" value="${escapeHtml(o.key)}"${i === 0 ? ` id="${ID.option}"` : ''} required${o.key === chosen ? ' checked' : ''}> <span>${escapeHtml(o.label)}<span class="signup__choice-note" data-option-note>${o.note ? ` — ${escapeHtml(o.note)}` : ''}</span></span></label>`,
          )
          .join('')}</fieldset>`
      : `<input type="hidden" name="${FIELDS.option}" value="${escapeHtml(onlyOption?.key ?? '')}">${errorText('option', errors.option)}`;
  const people = Number(value('people')) || 1;
  const peopleOptions = Array.from({ length: model.maxPeople }, (_, i) => i + 1)
    .map((n) => `<option value="${n}"${n === people ? ' selected' : ''}>${n}</option>`)
    .join('');
  return [
    `<form method="post" action="${SIGNUP_PATH}" class="signup" novalidate data-signup>`,
    errorSummary(errors),
    `<input type="hidden" name="${FIELDS.activity}" value="${escapeHtml(model.activity)}">`,
    // The one-time id: empty in the built page (the script or, without it, the server fills it in).
    `<input type="hidden" name="${FIELDS.submission}" value="${escapeHtml(value('submission'))}" data-signup-submission>`,
    model.waitlist ? `<input type="hidden" name="${FIELDS.waitlist}" value="1">` : '',
    `<p class="signup__hint">${escapeHtml(s['act.signup.required'])}</p>`,
    optionField,
    `<div class="signup__field"><label for="${ID.name}">${escapeHtml(s['act.signup.name'])}${star}</label>${hintText('name', s['act.signup.nameHint'])}${errorText('name', errors.name)}`,
    `<input id="${ID.name}" name="${FIELDS.name}" type="text" autocomplete="given-name" maxlength="${MAX_NAME_LENGTH}" required${attr('value', value('name'))}${described('name', true, errors.name)}></div>`,
    `<fieldset class="signup__contact"><legend>${escapeHtml(s['act.signup.contact'])}${star}</legend>${hintText('phone', s[model.emailRequired ? 'act.signup.contactHintOnline' : 'act.signup.contactHint'])}`,
    `<div class="signup__field"><label for="${ID.phone}">${escapeHtml(s['act.signup.phone'])}</label>${errorText('phone', errors.phone)}`,
    `<input id="${ID.phone}" name="${FIELDS.phone}" type="tel" inputmode="tel" autocomplete="tel" maxlength="${MAX_PHONE_INPUT_LENGTH}"${attr('value', value('phone'))}${described('phone', true, errors.phone)}></div>`,
    `<div class="signup__field"><label for="${ID.email}">${escapeHtml(s['act.signup.email'])}${model.emailRequired ? star : ''}</label>${errorText('email', errors.email)}`,
    `<input id="${ID.email}" name="${FIELDS.email}" type="email" autocomplete="email" autocapitalize="none" spellcheck="false" maxlength="${MAX_EMAIL_LENGTH}"${model.emailRequired ? ' aria-required="true"' : ''}${attr('value', value('email'))}${described('email', false, errors.email)}>`,
    // "Bedoel je …@gmail.com?": by the page's script while typing, by the server on the form shown again; never blocks sending.
    `<div id="${EMAIL_TIP_ID}" class="signup__tip" data-signup-email-tip aria-live="polite">${emailFixHtml(model.emailSuggestion)}</div></div>`,
    `</fieldset>`,
    `<div class="signup__field"><label for="${ID.people}">${escapeHtml(s['act.signup.people'])}${star}</label>${hintText('people', fill(s['act.signup.peopleHint'], { max: model.maxPeople }))}${errorText('people', errors.people)}`,
    `<select id="${ID.people}" name="${FIELDS.people}" class="signup__people"${described('people', true, errors.people)}>${peopleOptions}</select></div>`,
    `<div class="signup__field"><label for="${ID.question}">${escapeHtml(s['act.signup.question'])}</label>${hintText('question', fill(s['act.signup.questionHint'], { max: MAX_SIGNUP_QUESTION_LENGTH }))}${errorText('question', errors.question)}`,
    `<textarea id="${ID.question}" name="${FIELDS.question}" rows="3" maxlength="${MAX_SIGNUP_QUESTION_LENGTH}"${described('question', true, errors.question)}>${escapeHtml(value('question'))}</textarea></div>`,
    // The trap: off screen and out of the accessibility tree; a person never reaches it. Never refilled:
    // someone whose browser filled it in by mistake only has to send the form again.
    `<div class="signup__trap" aria-hidden="true"><label for="${ID.honeypot}">${escapeHtml(s['act.signup.honeypot'])}</label><input id="${ID.honeypot}" name="${FIELDS.honeypot}" type="text" tabindex="-1" autocomplete="off"></div>`,
    `<p class="signup__notice" data-signup-notice${model.waitlist ? '' : ' hidden'}>${escapeHtml(model.waitlist?.notice ?? '')}</p>`,
    `<p class="signup__hint">${escapeHtml(s['act.signup.privacy'])}</p>`,
    `<button type="submit" class="button" data-signup-submit>${escapeHtml(model.waitlist ? s['act.signup.submitWaitlist'] : s['act.signup.submit'])}</button>`,
    `<p class="signup__status" role="status" data-signup-status></p>`,
    `</form>`,
  ].join('');
}

/** Without JavaScript: "Bedoel je …?" and a box to tick that sends the suggestion (EMAIL_FIX_FIELD) instead. */
function emailFixHtml(suggestion: string | null | undefined): string {
  if (!suggestion) return '';
  const id = `${ID.email}-verbeter`;
  return [
    `<p>${escapeHtml(fill(s['act.signup.emailTip'], { suggestion }))}</p>`,
    `<p class="signup__check"><input type="checkbox" id="${id}" name="${EMAIL_FIX_FIELD}" value="${escapeHtml(suggestion)}">`,
    ` <label for="${id}">${escapeHtml(fill(s['act.signup.emailTipAccept'], { suggestion }))}</label></p>`,
  ].join('');
}

const peopleText = (n: number) => (n === 1 ? s['act.signup.people.one'] : fill(s['act.signup.people.many'], { n }));

const telHref = (number: string) => `tel:${number.replace(/[^0-9+]/g, '')}`;

/**
 * How to reach the organiser, as far as the sociale kaart knows: phone (a tel: link), e-mail, website;
 * with none of those, their page on the sociale kaart. Nothing is ever made up.
 */
export function contactHtml(contact: OrganiserContact, title: 'done' | 'problem'): string {
  const name = contact.name;
  const items = [
    contact.phone ? `${escapeHtml(s['act.signup.contact.phone'])} <a href="${escapeHtml(telHref(contact.phone))}">${escapeHtml(contact.phone)}</a>` : '',
    contact.email ? `${escapeHtml(s['act.signup.contact.email'])} <a href="mailto:${escapeHtml(contact.email)}">${escapeHtml(contact.email)}</a>` : '',
    contact.url ? `<a href="${escapeHtml(contact.url)}">${escapeHtml(fill(s['act.signup.contact.url'], { organiser: name }))}</a>` : '',
  ].filter(Boolean);
  if (items.length === 0 && contact.page) {
    items.push(`<a href="${escapeHtml(contact.page)}">${escapeHtml(fill(s['act.signup.contact.page'], { organiser: name }))}</a>`);
  }
  if (items.length === 0) return '';
  const heading = fill(s[title === 'done' ? 'act.signup.contact.title' : 'act.signup.contact.titleProblem'], { organiser: name });
  return `<div class="signup-contact" data-signup-contact><p>${escapeHtml(heading)}</p><ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul></div>`;
}

/** "Je bent aangemeld" or "Je staat op de wachtlijst, plek 2", with what, for how many, whom to call, and when it is deleted. */
export function signupDoneHtml(result: SignupResult, options: { heading: 'h1' | 'h3'; back?: { href: string } }): string {
  const placed = result.status === 'placed';
  const vars = { activity: result.activityTitle, option: result.optionLabel, people: peopleText(result.people) };
  const h = options.heading;
  const first = placed
    ? fill(s['act.signup.done.placedText'], vars)
    : result.position
      ? fill(s['act.signup.done.waitingText'], { position: result.position })
      : s['act.signup.done.waitingTextNoPosition'];
  return [
    `<div class="signup-done signup-done--${result.status}" tabindex="-1" data-signup-done>`,
    `<${h}>${escapeHtml(placed ? s['act.signup.done.placed'] : s['act.signup.done.waiting'])}</${h}>`,
    `<p role="status">${escapeHtml(first)}</p>`,
    `<p>${escapeHtml(placed ? s['act.signup.done.contact'] : fill(s['act.signup.done.waitingWhat'], vars))}</p>`,
    result.emailSuggestion ? `<p class="signup__notice">${escapeHtml(fill(s['act.signup.done.emailTip'], { suggestion: result.emailSuggestion }))}</p>` : '',
    contactHtml(result.contact, 'done'),
    `<p>${escapeHtml(fill(s['act.signup.done.deleteAt'], { date: result.deleteText }))}</p>`,
    `<p>${escapeHtml(s['act.signup.done.save'])}</p>`,
    options.back
      ? `<p><a href="${escapeHtml(options.back.href)}">${escapeHtml(fill(s['act.signup.done.back'], { activity: result.activityTitle }))}</a></p>`
      : '',
    `</div>`,
  ].join('');
}

/** What the form says after an option when the places are known: "Nog 3 plekken", "Vol, wachtlijst". */
export function optionNote(o: OptionAvailability): string | undefined {
  if (o.state === 'waitlist') return s['act.signup.places.full'];
  if (o.state === 'closed') return s['act.signup.places.closed'];
  if (o.left === null) return undefined;
  return o.left === 1 ? s['act.signup.places.leftOne'] : fill(s['act.signup.places.left'], { n: o.left });
}

/** What was typed, by field, from a form post or FormData (never the trap field; long values cut). */
export function formValues(data: Record<string, unknown>): Partial<Record<FieldName, string>> {
  const values: Partial<Record<FieldName, string>> = {};
  for (const field of Object.keys(FIELDS) as FieldName[]) {
    const value = data[FIELDS[field]];
    if (field !== 'honeypot' && (typeof value === 'string' || typeof value === 'number')) values[field] = String(value).slice(0, 2000);
  }
  return values;
}

/** Errors keyed by form field name (`leave_empty`) back to the renderer's names (`honeypot`). */
export function errorsByField(fields: Record<string, string>): Partial<Record<FieldName, string>> {
  const errors: Partial<Record<FieldName, string>> = {};
  for (const field of Object.keys(FIELDS) as FieldName[]) {
    const message = fields[FIELDS[field]];
    if (message) errors[field] = message;
  }
  return errors;
}
