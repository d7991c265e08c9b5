/**
 * zod schemas of "Stel je vraag": the one source of truth for what a young person and a counsellor
 * may send. The messages match the chat's (shared/protocol/schemas.ts): one friendly Dutch sentence
 * per field. Browser code imports only the types (types.ts), so its bundles carry no zod.
 */
import { z } from 'zod';
import { CHAT_AGE_BANDS, CHAT_TOPICS } from '../protocol/limits.ts';
import { CODE_INPUT_MAX, codeProblem, parseCode } from './code.ts';
import { MAX_ANSWER_LENGTH, MAX_QUESTION_LENGTH, MIN_QUESTION_LENGTH } from './limits.ts';
import { vraagStrings } from '../i18n/nl/vraag.ts';
import { visibleText } from '../visible-text.ts';

/** Invisible formatting characters (bidirectional controls, zero-width) go first, as in the chat (shared/visible-text.ts). */
const text = (max: number, min: number, tooLong: string, empty: string, tooShort: string) =>
  z
    .string({ error: empty })
    .overwrite(visibleText)
    .max(max, { error: tooLong })
    .refine((value) => value.trim().length > 0, { error: empty })
    .refine((value) => value.trim().length >= min, { error: tooShort });

const questionText = text(
  MAX_QUESTION_LENGTH,
  MIN_QUESTION_LENGTH,
  vraagStrings['vraag.error.tooLong'].replace('{max}', String(MAX_QUESTION_LENGTH)),
  vraagStrings['vraag.error.empty'],
  vraagStrings['vraag.error.tooShort'].replace('{min}', String(MIN_QUESTION_LENGTH)),
);

/** Empty form fields ("Zeg ik liever niet") mean "not chosen". */
const optionalChoice = <T extends readonly [string, ...string[]]>(values: T, error: string) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), z.enum(values, { error }).optional());

export const pickupCode = z
  .string({ error: vraagStrings['vraag.error.codeMissing'] })
  .max(CODE_INPUT_MAX, { error: vraagStrings['vraag.error.codeLength'] })
  .refine((value) => value.trim().length > 0, { error: vraagStrings['vraag.error.codeMissing'] })
  .superRefine((value, ctx) => {
    if (value.trim().length === 0 || parseCode(value)) return;
    const problem = codeProblem(value);
    ctx.addIssue({ code: 'custom', message: vraagStrings[problem === 'character' ? 'vraag.error.codeCharacter' : 'vraag.error.codeLength'] });
  });

export const askSchema = z.object({
  text: questionText,
  topic: optionalChoice(CHAT_TOPICS, 'Kies een onderwerp uit de lijst.'),
  ageBand: optionalChoice(CHAT_AGE_BANDS, 'Kies een leeftijd uit de lijst.'),
});

export const codeSchema = z.object({ code: pickupCode });

export const followUpSchema = z.object({ code: pickupCode, text: questionText });

// ---- counsellors ----

const questionId = z.string({ error: 'Een id ontbreekt.' }).regex(/^[A-Za-z0-9_-]{8,64}$/, { error: 'Dit id klopt niet.' });

export const questionRefSchema = z.object({ id: questionId });

export const flagSchema = z.object({ id: questionId, flagged: z.boolean({ error: 'Markeren is waar of niet waar.' }) });

const answerText = z
  .string({ error: 'Schrijf eerst een antwoord.' })
  .overwrite(visibleText)
  .max(MAX_ANSWER_LENGTH, { error: `Een antwoord mag maximaal ${MAX_ANSWER_LENGTH} tekens hebben.` })
  .refine((value) => value.trim().length > 0, { error: 'Schrijf eerst een antwoord.' });

/** `review: true` asks a colleague to read it first (required for a flagged question). */
export const answerSchema = z.object({ id: questionId, text: answerText, review: z.boolean().default(false) });

/** The second reader sends the answer, as written or with their changes. */
export const approveSchema = z.object({ id: questionId, text: answerText.optional() });

export type AskPayload = z.input<typeof askSchema>;
export type CodePayload = z.input<typeof codeSchema>;
export type FollowUpPayload = z.input<typeof followUpSchema>;
export type QuestionRefPayload = z.input<typeof questionRefSchema>;
export type FlagPayload = z.input<typeof flagSchema>;
export type AnswerPayload = z.input<typeof answerSchema>;
export type ApprovePayload = z.input<typeof approveSchema>;
