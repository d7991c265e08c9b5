/**
 * The sign-up form with JavaScript: places left per option from the CJG's own server (never a third
 * party), the form checked with the same schema as the server before it is sent, errors at each field,
 * and the answer shown in place. Without JavaScript the same form posts to the server and gets a page
 * back; if the server cannot be reached, the page says it does not know how many places are left.
 */
import { fill } from '../../../shared/i18n/fill.ts';
import { aanmeldenStrings as s } from '../../../shared/i18n/nl/aanmelden.ts';
import { escapeHtml } from '../../../shared/html.ts';
import { emailSuggestion } from '../../../shared/signup/contact.ts';
import {
  contactHtml,
  EMAIL_TIP_ID,
  errorsByField,
  fieldId,
  formValues,
  optionNote,
  signupDoneHtml,
  signupFormHtml,
  type FieldName,
  type FormOption,
} from '../../../shared/signup/form-html.ts';
import { AVAILABILITY_PATH, DEFAULT_MAX_PEOPLE_PER_SIGNUP, FIELDS, SIGNUP_PATH } from '../../../shared/signup/limits.ts';
import { signupFieldErrors, signupSchema } from '../../../shared/signup/schemas.ts';
import type { AvailabilityResponse, OptionAvailability, OrganiserContact, SignupError, SignupResult } from '../../../shared/signup/types.ts';

/** An option as the page was built with it. */
interface BuiltOption {
  key: string;
  label: string;
  start: string;
}

interface State {
  values: Partial<Record<FieldName, string>>;
  errors: Partial<Record<FieldName, string>>;
  waitlist?: { notice: string } | undefined;
}

const JSON_HEADERS = { Accept: 'application/json' };

/** What the form holds now, as the schema reads it. */
const formRaw = (f: HTMLFormElement): Record<string, string> =>
  Object.fromEntries([...new FormData(f)].flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])));

const FIELD_NAMES = Object.keys(FIELDS) as FieldName[];

/**
 * A field's error goes as soon as the field is right (a parent who fixed it should not keep reading
 * "klopt niet"): its sentence, aria-invalid, and its line in the summary; the summary when empty.
 * New errors are not added while typing; that waits for "Aanmelden".
 */
function clearFixedErrors(f: HTMLFormElement): void {
  const shown = [...f.querySelectorAll<HTMLElement>('[aria-invalid="true"]')];
  if (shown.length === 0) return;
  const checked = signupSchema.safeParse(formRaw(f));
  const still = checked.success ? {} : errorsByField(signupFieldErrors(checked.error));
  for (const el of shown) {
    const field = FIELD_NAMES.find((name) => fieldId(name) === el.id);
    if (!field || still[field]) continue;
    document.getElementById(`${el.id}-fout`)?.remove();
    el.removeAttribute('aria-invalid');
    const described = (el.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== `${el.id}-fout`);
    if (described.length > 0) el.setAttribute('aria-describedby', described.join(' '));
    else el.removeAttribute('aria-describedby');
    f.querySelector(`[data-signup-summary] a[href="#${el.id}"]`)?.closest('li')?.remove();
  }
  const summary = f.querySelector('[data-signup-summary]');
  if (summary && !summary.querySelector('li')) summary.remove();
}

/** "Bedoel je fatima@gmail.com?" with a button that puts it in; nothing when the address looks right. */
function showEmailTip(f: HTMLFormElement): void {
  const tip = f.querySelector<HTMLElement>('[data-signup-email-tip]');
  const input = f.querySelector<HTMLInputElement>(`input[name="${FIELDS.email}"]`);
  if (!tip || !input) return;
  const suggestion = emailSuggestion(input.value);
  if ((tip.dataset['suggestion'] ?? '') === (suggestion ?? '')) return;
  tip.dataset['suggestion'] = suggestion ?? '';
  tip.replaceChildren();
  if (!suggestion) return;
  const text = Object.assign(document.createElement('p'), { textContent: fill(s['act.signup.emailTip'], { suggestion }) });
  const use = Object.assign(document.createElement('button'), {
    type: 'button',
    className: 'button button--secondary',
    textContent: s['act.signup.emailTipUse'],
  });
  use.addEventListener('click', () => {
    input.value = suggestion;
    showEmailTip(f);
    input.focus();
  });
  tip.append(text, use);
  const described = new Set((input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean));
  described.add(EMAIL_TIP_ID);
  input.setAttribute('aria-describedby', [...described].join(' '));
}

/** A new one-time id for this form (the same form sent twice is one sign-up; limits.ts, SUBMISSION_PATTERN). */
function newSubmissionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function enhance(root: HTMLElement): void {
  const activity = root.dataset['activity'] ?? '';
  /** Online: the link comes by e-mail, so the address is needed (the server checks it too). */
  const emailRequired = root.dataset['emailRequired'] === 'true';
  const built = JSON.parse(root.dataset['options'] ?? '[]') as BuiltOption[];
  const maxPeople = Number(root.dataset['maxPeople']) || DEFAULT_MAX_PEOPLE_PER_SIGNUP;
  const placesLine = document.querySelector<HTMLElement>(`[data-signup-places="${activity}"]`);
  const message = document.querySelector<HTMLElement>(`[data-signup-message="${activity}"]`);
  let availability: Map<string, OptionAvailability> | null = null;

  const form = () => root.querySelector<HTMLFormElement>('form[data-signup]');
  const openOptions = () => built.filter((o) => Date.now() < Date.parse(o.start) && availability?.get(o.key)?.state !== 'started');
  const formOptions = (): FormOption[] =>
    openOptions().map((o) => {
      const info = availability?.get(o.key);
      return { ...o, note: info && optionNote(info) };
    });
  const field = (f: HTMLFormElement, name: string) => {
    const value = new FormData(f).get(name);
    return typeof value === 'string' ? value : '';
  };
  /** The chosen option; with one option there is nothing to choose. Several and none picked yet: none. */
  const selectedKey = (f: HTMLFormElement) => field(f, FIELDS.option) || (openOptions().length === 1 ? (openOptions()[0]?.key ?? '') : '');

  /** A problem for the whole form, with whom to call when the server named the organiser. */
  const say = (text: string, contact?: OrganiserContact) => {
    if (!message) return;
    message.innerHTML = text === '' ? '' : `<p>${escapeHtml(text)}</p>${contact ? contactHtml(contact, 'problem') : ''}`;
    message.hidden = text === '';
  };

  /** The form again from the shared renderer: values kept, errors at their fields, focus on the summary. */
  function render(state: State, focus: 'summary' | 'notice' | null): void {
    root.innerHTML = signupFormHtml({ activity, options: formOptions(), maxPeople, emailRequired, ...state });
    wire();
    if (focus === 'summary') root.querySelector<HTMLElement>('[data-signup-summary]')?.focus();
    if (focus === 'notice') {
      const notice = root.querySelector<HTMLElement>('[data-signup-notice]');
      notice?.setAttribute('tabindex', '-1');
      notice?.focus();
    }
  }

  /** "Vol — je komt op de wachtlijst" for the chosen option and number of people, before sending. */
  function showPlaces(f: HTMLFormElement): void {
    const option = availability?.get(selectedKey(f));
    if (placesLine) {
      placesLine.hidden = false;
      placesLine.textContent = !availability
        ? s['act.signup.places.unknown']
        : !option
          ? ''
          : option.state === 'open'
            ? (optionNote(option) ?? s['act.signup.places.unlimited'])
            : option.state === 'started'
              ? s['act.signup.places.started']
              : (optionNote(option) ?? '');
    }
    const people = Number(field(f, FIELDS.people) || 1);
    const tooMany = option?.state === 'open' && option.left !== null && people > option.left;
    const notice =
      option?.state === 'waitlist'
        ? s['act.signup.waitlistNotice']
        : tooMany
          ? fill(s[option.left === 1 ? 'act.signup.waitlistTooManyOne' : 'act.signup.waitlistTooMany'], { left: option.left ?? 0, people })
          : '';
    const noticeEl = f.querySelector<HTMLElement>('[data-signup-notice]');
    if (noticeEl) {
      noticeEl.textContent = notice;
      noticeEl.hidden = notice === '';
    }
    let hidden = f.querySelector<HTMLInputElement>(`input[name="${FIELDS.waitlist}"]`);
    if (notice && !hidden) {
      hidden = Object.assign(document.createElement('input'), { type: 'hidden', name: FIELDS.waitlist, value: '1' });
      f.prepend(hidden);
    } else if (!notice && hidden) hidden.remove();
    const button = f.querySelector<HTMLButtonElement>('[data-signup-submit]');
    if (button) button.textContent = notice ? s['act.signup.submitWaitlist'] : s['act.signup.submit'];
  }

  async function send(f: HTMLFormElement): Promise<void> {
    const raw = formRaw(f);
    const checked = signupSchema.safeParse(raw);
    const waitlist =
      raw[FIELDS.waitlist] === '1' ? { notice: f.querySelector('[data-signup-notice]')?.textContent ?? s['act.signup.waitlistNotice'] } : undefined;
    const errors: Partial<Record<FieldName, string>> = checked.success ? {} : errorsByField(signupFieldErrors(checked.error));
    if (emailRequired && !errors.email && (raw[FIELDS.email] ?? '').trim() === '') errors.email = s['act.signup.error.emailOnline'];
    if (!checked.success || errors.email) {
      render({ values: formValues(raw), errors, waitlist }, 'summary');
      return;
    }
    const button = f.querySelector<HTMLButtonElement>('[data-signup-submit]');
    const status = f.querySelector<HTMLElement>('[data-signup-status]');
    if (button) button.disabled = true;
    if (status) status.textContent = s['act.signup.busy'];
    say('');
    let res: Response;
    let body: SignupResult | SignupError;
    try {
      res = await fetch(SIGNUP_PATH, { method: 'POST', headers: { ...JSON_HEADERS, 'Content-Type': 'application/json' }, body: JSON.stringify(raw) });
      body = (await res.json()) as SignupResult | SignupError;
    } catch {
      if (button) button.disabled = false;
      if (status) status.textContent = '';
      say(s['act.signup.error.offline']);
      return;
    }
    if (body.ok) {
      root.innerHTML = signupDoneHtml(body, { heading: 'h3' });
      const done = root.querySelector<HTMLElement>('[data-signup-done]');
      // Its heading first, below the sticky "Snel weg" bar: focus alone may scroll a tall box to its middle on a phone.
      done?.focus({ preventScroll: true });
      done?.scrollIntoView({ block: 'start' });
      if (placesLine) placesLine.hidden = true;
      return;
    }
    if (body.option) availability?.set(body.option.key, body.option);
    const values = formValues(raw);
    if (body.code === 'needs_waitlist') render({ values, errors: {}, waitlist: { notice: body.error } }, 'notice');
    else if (body.fields) {
      render({ values, errors: errorsByField(body.fields), waitlist }, 'summary');
      if (body.contact) say(body.fields[FIELDS.option] ?? '', body.contact);
    } else {
      render({ values, errors: {}, waitlist }, null);
      say(body.error, body.contact);
      message?.focus();
    }
    const again = form();
    if (again) showPlaces(again);
  }

  function wire(): void {
    const f = form();
    if (!f) return;
    const submission = f.querySelector<HTMLInputElement>('[data-signup-submission]');
    if (submission && submission.value === '') submission.value = newSubmissionId();
    f.addEventListener('submit', (event) => {
      event.preventDefault();
      void send(f);
    });
    f.addEventListener('change', (event) => {
      const target = event.target as HTMLElement;
      if (target.matches(`input[name="${FIELDS.option}"], select[name="${FIELDS.people}"]`)) showPlaces(f);
      clearFixedErrors(f);
    });
    f.addEventListener('input', (event) => {
      clearFixedErrors(f);
      if ((event.target as HTMLElement).matches(`input[name="${FIELDS.email}"]`)) showEmailTip(f);
    });
    showEmailTip(f);
  }

  wire();
  void fetch(`${AVAILABILITY_PATH}?activiteit=${encodeURIComponent(activity)}`, { headers: JSON_HEADERS, cache: 'no-store' })
    .then(async (res) => (res.ok ? ((await res.json()) as AvailabilityResponse) : null))
    .catch(() => null)
    .then((answer) => {
      availability = answer ? new Map(answer.options.map((o) => [o.key, o])) : null;
      const f = form();
      if (!f) return;
      // Options that started since the build go; the others get their places, without redrawing the form.
      for (const el of f.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${FIELDS.option}"]`)) {
        const info = availability?.get(el.value);
        const choice = el.closest('label');
        if (info?.state === 'started') choice?.remove();
        else if (info) {
          const note = optionNote(info);
          const noteEl = choice?.querySelector('[data-option-note]');
          if (noteEl) noteEl.textContent = note ? ` — ${note}` : '';
        }
      }
      showPlaces(f);
    });
}

for (const root of document.querySelectorAll<HTMLElement>('[data-signup-root]')) enhance(root);
