/**
 * Without JavaScript, a form with a mistake comes back as the same page, filled in as it was sent: the
 * built `/jongeren/vraag/` or `/jongeren/vraag/antwoord/` with the young person's text in its field, the
 * Dutch error next to the field (linked by aria-describedby, aria-invalid set) and a summary on top that
 * takes the focus and links to the field. Nothing typed is lost.
 *
 * The built page is changed by the ids of its fields (the islands render `vraag-tekst`, `vraag-onderwerp`,
 * `vraag-leeftijd`, `vraag-code`). When a page or a field cannot be found (no built site, a renamed id),
 * the caller falls back to the short error page, which still shows the text back.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { t } from '../../shared/i18n/nl.ts';
import { ASK_PAGE, ASK_PATH, MAX_QUESTION_LENGTH, PICKUP_PAGE, PICKUP_PATH } from '../../shared/vraag/limits.ts';
import type { QuestionError } from '../../shared/vraag/types.ts';
import { escapeHtml } from '../../shared/html.ts';
import { errorSummary, withTitlePrefix } from './render.ts';

/** What went wrong, as the JSON answer would say it. */
export type FormProblem = Pick<QuestionError, 'code' | 'error' | 'fields'>;

/** A form field the page carries: its name in the request, the id of its control, and how to fill it. */
interface Field {
  name: string;
  id: string;
  kind: 'textarea' | 'input' | 'select';
}

const ASK_FIELDS: Field[] = [
  { name: 'text', id: 'vraag-tekst', kind: 'textarea' },
  { name: 'topic', id: 'vraag-onderwerp', kind: 'select' },
  { name: 'ageBand', id: 'vraag-leeftijd', kind: 'select' },
];
const PICKUP_FIELDS: Field[] = [{ name: 'code', id: 'vraag-code', kind: 'input' }];

/** Codes whose message sends the young person to the lines: the summary shows them. */
const WITH_LINES = new Set<FormProblem['code']>(['rate_limited', 'throttled', 'internal', 'unavailable']);

const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The opening tag of the control with this id. */
const openingTag = (kind: Field['kind'], id: string) => new RegExp(`<${kind}\\b[^>]*\\bid="${escapeRe(id)}"[^>]*>`);

/** Sets an attribute on an opening tag (replacing it if present). */
function withAttribute(tag: string, name: string, value: string | null): string {
  const without = tag.replace(new RegExp(`\\s${name}(="[^"]*")?(?=[\\s/>])`), '');
  const attribute = value === null ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`;
  return without.replace(/^<[a-z]+/, (open) => open + attribute);
}

/** Puts a value into a control; null when the page has no such control. */
function fill(html: string, field: Field, value: string): string | null {
  const tag = openingTag(field.kind, field.id);
  const found = tag.exec(html);
  if (!found) return null;
  const start = found.index + found[0].length;
  if (field.kind === 'input') return html.slice(0, found.index) + withAttribute(found[0], 'value', value) + html.slice(start);
  const close = html.indexOf(`</${field.kind}>`, start);
  if (close < 0) return null;
  if (field.kind === 'textarea') {
    // The parser drops one newline right after <textarea>: keep a leading one the young person typed.
    const text = (value.startsWith('\n') ? '\n' : '') + escapeHtml(value);
    // The character count under the field ("12 van 4000 tekens") says how long the text is now.
    const count = escapeHtml(t('vraag.form.count', { n: value.length, max: MAX_QUESTION_LENGTH }));
    const counter = new RegExp(`(<p\\b[^>]*\\bid="${escapeRe(field.id)}-teller"[^>]*>)[^<]*`);
    return (html.slice(0, start) + text + html.slice(close)).replace(counter, (_all, open: string) => open + count);
  }
  const options = html.slice(start, close).replace(/<option\b([^>]*)>/g, (option, attributes: string) => {
    const own = /\bvalue(?:="([^"]*)")?/.exec(attributes)?.[1] ?? '';
    const bare = option.replace(/\sselected(="[^"]*")?/, '');
    return own === value ? bare.replace(/>$/, ' selected>') : bare;
  });
  return html.slice(0, start) + options + html.slice(close);
}

/** The error next to the field: a paragraph before the control, named first in its aria-describedby. */
function markInvalid(html: string, field: Field, message: string): string | null {
  const found = openingTag(field.kind, field.id).exec(html);
  if (!found) return null;
  const errorId = `${field.id}-fout`;
  const described = /\baria-describedby="([^"]*)"/.exec(found[0])?.[1];
  let tag = withAttribute(found[0], 'aria-invalid', 'true');
  tag = withAttribute(tag, 'aria-describedby', described ? `${errorId} ${described}` : errorId);
  const error = `<p class="vraag-field__error" id="${errorId}">${escapeHtml(message)}</p>`;
  return html.slice(0, found.index) + error + tag + html.slice(found.index + found[0].length);
}

function summaryHtml(fields: Field[], problem: FormProblem): string {
  const byField = fields.flatMap((f) => {
    const message = problem.fields?.[f.name];
    return message ? [{ href: `#${f.id}`, message }] : [];
  });
  return errorSummary(byField.length ? byField : [{ message: problem.error }], WITH_LINES.has(problem.code));
}

/**
 * Fills `html` (a whole page) for a form posted to `action`: values, errors, summary and title. (If the
 * page's script runs after all, the island takes over the form; the text stays in its field.)
 */
export function fillForm(html: string, action: string, fields: Field[], values: Record<string, string>, problem: FormProblem): string | null {
  const form = new RegExp(`<form\\b[^>]*\\baction="${escapeRe(action)}"[^>]*>`).exec(html);
  if (!form) return null;
  const end = form.index + form[0].length;
  let page: string | null = html.slice(0, end) + summaryHtml(fields, problem) + html.slice(end);
  for (const field of fields) {
    if (page === null) return null;
    page = fill(page, field, values[field.name] ?? '');
    const message = problem.fields?.[field.name] ?? (field.kind === 'input' && problem.code === 'not_found' ? problem.error : undefined);
    if (page !== null && message) page = markInvalid(page, field, message);
  }
  return page === null ? null : withTitlePrefix(page, t('vraag.error.titlePrefix'));
}

const pageFile = (distDir: string, page: string) => join(distDir, ...page.split('/').filter(Boolean), 'index.html');

/** The built ask and pickup pages (read once), filled in for a form that came back with a problem. */
export function createFormPages(distDir: string) {
  const templates = new Map<string, string | null>();
  const template = (page: string) => {
    if (!templates.has(page)) {
      const file = pageFile(distDir, page);
      templates.set(page, existsSync(file) ? readFileSync(file, 'utf8') : null);
    }
    return templates.get(page) ?? null;
  };
  const page = (name: string, action: string, fields: Field[]) => (values: Record<string, string>, problem: FormProblem) => {
    const html = template(name);
    return html === null ? null : fillForm(html, action, fields, values, problem);
  };
  return { ask: page(ASK_PAGE, ASK_PATH, ASK_FIELDS), pickup: page(PICKUP_PAGE, PICKUP_PATH, PICKUP_FIELDS) };
}

export const FORM_FIELDS = { ask: ASK_FIELDS, pickup: PICKUP_FIELDS };
