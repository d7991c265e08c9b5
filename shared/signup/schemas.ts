/**
 * THE schema of a sign-up: what the activity page's script checks before sending and what the server
 * checks again. Every problem is one Dutch sentence on the field it is about (`issue.path[0]` is the
 * form field's name), so the form can show it there. zod/mini keeps the page's script small.
 *
 * Which option (meeting) exists and whether it is still open is the server's business: it knows the
 * activities; this schema only checks the shape of the key.
 */
import * as z from 'zod/mini';
import { aanmeldenStrings as s } from '../i18n/nl/aanmelden.ts';
import { fill } from '../i18n/fill.ts';
import { visibleText } from '../visible-text.ts';
import { checkEmail, nameLooksRight, normalisePhone } from './contact.ts';
import {
  ACTIVITY_ID_PATTERN,
  FIELDS,
  MAX_EMAIL_LENGTH,
  MAX_NAME_LENGTH,
  MAX_PEOPLE,
  MAX_PHONE_INPUT_LENGTH,
  MAX_SIGNUP_QUESTION_LENGTH,
  OPTION_KEY_PATTERN,
  SUBMISSION_PATTERN,
} from './limits.ts';

/**
 * A form field as browsers send it: absent, or text. JSON may send people as a number and waitlist as a
 * boolean. Anything else (null, a list, an object) gets the field's own Dutch sentence, never zod's English.
 */
const text = (message: string) => z.optional(z.string({ error: message }));
const field = s['act.signup.error.field'];

const rawSignupSchema = z.object({
  [FIELDS.activity]: text(s['act.signup.error.activity']),
  [FIELDS.option]: text(s['act.signup.error.option']),
  [FIELDS.name]: text(field),
  [FIELDS.phone]: text(s['act.signup.error.phone']),
  [FIELDS.email]: text(s['act.signup.error.email']),
  [FIELDS.people]: z.optional(z.union([z.string(), z.number()], { error: fill(s['act.signup.error.people'], { max: MAX_PEOPLE }) })),
  [FIELDS.question]: text(field),
  [FIELDS.waitlist]: z.optional(z.union([z.string(), z.boolean()], { error: field })),
  [FIELDS.honeypot]: text(s['act.signup.error.honeypot']),
  [FIELDS.submission]: text(field),
});

type RawSignup = z.infer<typeof rawSignupSchema>;

export interface SignupRequest {
  activity: string;
  /** '' when the activity has one option (the server then takes it). */
  option: string;
  name: string;
  /** Normal form (contact.ts), or null. At least one of phone and email is there. */
  phone: string | null;
  email: string | null;
  people: number;
  question: string | null;
  /** The person has read "Vol — je komt op de wachtlijst" and agrees. */
  waitlist: boolean;
  /**
   * The form's one-time id (limits.ts, SUBMISSION_PATTERN; another shape is refused); null when absent:
   * such a request is always a new sign-up, never matched against stored ones.
   */
  submission: string | null;
}

const trimmed = (value: string | undefined) => (value ?? '').trim();
/**
 * What a person sees (shared/visible-text.ts): zero-width and bidi characters they cannot see are taken
 * out, not refused, so `ann@exa\u200Bmple.nl` is the address that was meant and shows as it is stored.
 */
const seen = (value: string | undefined) => visibleText(value ?? '').trim();
/** The question also loses control characters (tab and newline stay) and half of a broken character pair. */
const questionText = (value: string | undefined) =>
  seen(value)
    .replace(/\r\n?/g, '\n')
    .replace(/\p{Cc}/gu, (c) => (c === '\n' || c === '\t' ? c : ''))
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');

function peopleOf(value: string | number | undefined): number | null {
  const n = typeof value === 'number' ? value : /^\s*\d{1,2}\s*$/.test(value ?? '') ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= MAX_PEOPLE ? n : null;
}

function check(raw: RawSignup, issue: (field: keyof typeof FIELDS, message: string) => void): void {
  if (!ACTIVITY_ID_PATTERN.test(trimmed(raw.activity)) || trimmed(raw.activity).length > 80) issue('activity', s['act.signup.error.activity']);
  const option = trimmed(raw.option);
  if (option !== '' && !OPTION_KEY_PATTERN.test(option)) issue('option', s['act.signup.error.option']);
  const name = seen(raw.name);
  if (name === '') issue('name', s['act.signup.error.nameMissing']);
  else if (name.length > MAX_NAME_LENGTH) issue('name', fill(s['act.signup.error.nameLong'], { max: MAX_NAME_LENGTH }));
  else if (!nameLooksRight(name)) issue('name', s['act.signup.error.nameCharacters']);
  const phone = trimmed(raw.phone);
  const email = seen(raw.email);
  if (phone === '' && email === '') issue('phone', s['act.signup.error.contactMissing']);
  if (phone !== '') {
    if (phone.includes('@')) issue('phone', s['act.signup.error.phoneIsEmail']);
    else if (phone.length > MAX_PHONE_INPUT_LENGTH || !normalisePhone(phone)) issue('phone', s['act.signup.error.phone']);
  }
  if (email !== '') {
    const checked = email.length > MAX_EMAIL_LENGTH ? ({ ok: false, problem: 'format' } as const) : checkEmail(email);
    if (!checked.ok) {
      // A likely typo ("hotmal.nl") is no error: the form suggests the fix, and the address is kept.
      issue('email', checked.problem === 'phone' ? s['act.signup.error.emailIsPhone'] : s['act.signup.error.email']);
    }
  }
  if (peopleOf(raw.people) === null) issue('people', fill(s['act.signup.error.people'], { max: MAX_PEOPLE }));
  if (questionText(raw.question).length > MAX_SIGNUP_QUESTION_LENGTH)
    issue('question', fill(s['act.signup.error.question'], { max: MAX_SIGNUP_QUESTION_LENGTH }));
  if (trimmed(raw[FIELDS.honeypot]) !== '') issue('honeypot', s['act.signup.error.honeypot']);
  // The form's one-time id: absent or empty (a page without JavaScript), or the shape the page's script makes.
  const submission = trimmed(raw.submission);
  if (submission !== '' && !SUBMISSION_PATTERN.test(submission)) issue('submission', s['act.signup.error.submission']);
}

function toRequest(raw: RawSignup): SignupRequest {
  const phone = trimmed(raw.phone);
  const email = seen(raw.email);
  const emailChecked = email ? checkEmail(email) : null;
  const question = questionText(raw.question);
  return {
    activity: trimmed(raw.activity),
    option: trimmed(raw.option),
    name: seen(raw.name).replace(/\s+/g, ' '),
    phone: phone ? normalisePhone(phone) : null,
    email: emailChecked?.ok ? emailChecked.email : null,
    people: peopleOf(raw.people) ?? 1,
    question: question || null,
    waitlist: raw.waitlist === true || raw.waitlist === '1' || raw.waitlist === 'ja',
    submission: trimmed(raw.submission) || null,
  };
}

export const signupSchema = z.pipe(
  rawSignupSchema.check(
    z.superRefine((raw, ctx) => check(raw, (field, message) => ctx.issues.push({ code: 'custom', path: [FIELDS[field]], message, input: raw[FIELDS[field]] }))),
  ),
  z.transform(toRequest),
);

export type SignupForm = z.input<typeof signupSchema>;

/** The first problem per form field, for showing each next to its field. */
export function signupFieldErrors(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[String(issue.path[0] ?? 'form')] ??= issue.message;
  return fields;
}
