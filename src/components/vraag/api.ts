/**
 * The islands' calls to the question endpoints: JSON in, JSON out, no cookies, no cache. A network
 * failure becomes the same error shape as a server error, with a Dutch sentence.
 */
import { translator } from '../../../shared/i18n/fill.ts';
import { commonStrings } from '../../../shared/i18n/nl/common.ts';
import { STAFF_QUESTIONS_PATH } from '../../../shared/vraag/limits.ts';
import type { QuestionError, StaffQuestionList } from '../../../shared/vraag/types.ts';

// The chat console uses this module too: it must not carry the question pages' strings.
const t = translator(commonStrings);

export async function postJson<T>(path: string, body: unknown, token?: string): Promise<T | QuestionError> {
  try {
    const res = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
    });
    return (await res.json()) as T | QuestionError;
  } catch {
    return { ok: false, code: 'unavailable', error: t('vraag.error.network') };
  }
}

export interface LineInfo {
  name: string;
  phone: string;
  when: string;
}

/** The open questions for staff (the Vragen page and the console's count): the list, a refused login, or null when unreachable. */
export async function fetchQuestionList(token: string): Promise<StaffQuestionList | 'unauthorized' | null> {
  const res = await fetch(STAFF_QUESTIONS_PATH, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store', credentials: 'omit' }).catch(() => null);
  if (res?.status === 401) return 'unauthorized';
  return res?.ok ? ((await res.json().catch(() => null)) as StaffQuestionList | null) : null;
}
