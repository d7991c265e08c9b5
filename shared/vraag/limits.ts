/**
 * Numbers and paths of "Stel je vraag", shared by the server and the browser islands. Plain constants
 * only, so a browser bundle can import this file without zod.
 */

/** Young people's endpoints (JSON with `Accept: application/json`, otherwise form posts answered with a page). */
export const ASK_PATH = '/api/vraag';
export const PICKUP_PATH = '/api/vraag/ophalen';
export const FOLLOW_UP_PATH = '/api/vraag/vervolg';
export const DELETE_PATH = '/api/vraag/verwijder';

/** Counsellors' endpoints (Bearer login token, like the statistics). */
export const STAFF_QUESTIONS_PATH = '/api/medewerkers/vragen';
export const STAFF_ACTION_PATHS = {
  read: '/api/medewerkers/vragen/lezen',
  claim: '/api/medewerkers/vragen/claimen',
  release: '/api/medewerkers/vragen/vrijgeven',
  flag: '/api/medewerkers/vragen/markeren',
  answer: '/api/medewerkers/vragen/antwoorden',
  approve: '/api/medewerkers/vragen/goedkeuren',
} as const;
export type StaffAction = keyof typeof STAFF_ACTION_PATHS;

/** Site pages. */
export const ASK_PAGE = '/jongeren/vraag/';
export const PICKUP_PAGE = '/jongeren/vraag/antwoord/';
export const STAFF_PAGE = '/medewerkers/vragen/';
/** The chat, as a next step after a deleted or expired question. */
export const CHAT_PAGE = '/jongeren/chat/';
/** A question's row on the staff page, so the console's alarm can link straight to it. */
export const questionAnchor = (id: string) => `vraag-${id}`;

/** Longest question or follow-up, in characters; a question is a letter, not a chat line. */
export const MAX_QUESTION_LENGTH = 4000;
/** Shortest question that makes sense to answer. */
export const MIN_QUESTION_LENGTH = 10;
/** Longest answer a counsellor may send. */
export const MAX_ANSWER_LENGTH = 6000;
/** Largest request body the question endpoints read (form or JSON; room for 4-byte characters). */
export const MAX_QUESTION_BODY_BYTES = 24 * 1024;

/** Follow-up questions allowed under one code (after the first answer). */
export const MAX_FOLLOW_UPS = 1;
/** Default extra days after the promise before an unanswered question is deleted (CJG_QUESTIONS_MARGIN_DAYS). */
export const DEFAULT_MARGIN_DAYS = 2;
/** How long "we konden je vraag niet op tijd beantwoorden" stays readable (only hashes are kept). */
export const EXPIRED_NOTICE_DAYS = 30;

/** How long a counsellor sees that a colleague read along and sent their answer. */
export const REVIEW_NOTICE_DAYS = 7;
/** Counsellor handles (claimed but untouched) go back to the queue after this long. */
export const CLAIM_TIMEOUT_MS = 60 * 60_000;
