/**
 * zod schemas for everything a client sends: socket handshakes, every client→server event and the
 * login request. The server parses each payload with these before it changes anything; a payload
 * that fails gets an error acknowledgement and nothing happens. Browser code imports only the
 * inferred types (see events.ts), so its bundles carry no zod.
 */
import { z } from 'zod';
import {
  CHAT_TOPICS,
  COUNSELLOR_NAME_PATTERN,
  MAX_HANDOVER_NOTE_LENGTH,
  MAX_MESSAGE_LENGTH,
  MAX_PASSWORD_LENGTH,
  RATING_MAX,
  RATING_MIN,
  SESSION_TOKEN_PATTERN,
  YOUTH_CHAT_AGE_BANDS,
} from './limits.ts';
import { ERROR_MESSAGES } from './errors.ts';
import { tidyLines, visibleChatText } from '../visible-text.ts';

/** Server-made ids (conversations, queue entries, messages, feedback): random base64url. */
const opaqueId = z.string({ error: 'Een id ontbreekt.' }).regex(/^[A-Za-z0-9_-]{8,64}$/, { error: 'Dit id klopt niet.' });

/** Invisible formatting characters (bidirectional controls, zero-width) are taken out first (shared/visible-text.ts). */
const messageText = z
  .string({ error: 'Een bericht moet tekst zijn.' })
  .overwrite((text) => tidyLines(visibleChatText(text)))
  .max(MAX_MESSAGE_LENGTH, { error: `Je bericht mag maximaal ${MAX_MESSAGE_LENGTH} tekens hebben.` })
  .refine((text) => text.trim().length > 0, { error: 'Typ eerst een bericht.' });

/** A client's own id for a message, so a retried send is stored once. */
const clientMessageId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'Dit bericht-id klopt niet.' });

export const counsellorName = z
  .string({ error: 'Een naam ontbreekt.' })
  .trim()
  .regex(COUNSELLOR_NAME_PATTERN, { error: 'Een naam heeft 1 tot 40 letters, cijfers, spaties, punten of streepjes.' });

/**
 * The name of a new account: also not one that reads like the labels the console gives young people
 * ("Jongere 2"), or a young person would read "Jongere 2 praat nu met je". Existing accounts still log in.
 */
export const newAccountName = counsellorName.refine((name) => !/^jongere[\s.-]*\d*$/iu.test(name), {
  error: 'Deze naam lijkt op hoe jongeren in de chat heten ("Jongere 2"). Kies een andere naam.',
});

// ---- handshakes ----

/** `auth` of a young person's socket. `lastSeq`: the last message sequence number the tab has. */
export const youthAuthSchema = z.object({
  token: z.string({ error: 'De sessiecode ontbreekt.' }).regex(SESSION_TOKEN_PATTERN, { error: 'De sessiecode klopt niet.' }),
  lastSeq: z.number().int().min(0).optional(),
});

/** `auth` of a counsellor's socket: the session token from the login endpoint. */
export const staffAuthSchema = z.object({
  token: z.string({ error: 'Je bent niet ingelogd.' }).regex(/^[A-Za-z0-9_-]{32,128}$/, { error: 'Je sessie klopt niet.' }),
  /**
   * A staff page other than the console (figures, questions, sign-ups) only listens for the supervisor's
   * alarm: it is not "online" for the chat, takes nothing and sends nothing.
   */
  watch: z.literal(true).optional(),
});

// ---- young people (/jongeren) ----

/** Only the bands the youth chat offers ('4-12' stays a valid id elsewhere, see limits.ts). */
export const queueJoinSchema = z.object({
  topic: z.enum(CHAT_TOPICS, { error: 'Kies een onderwerp uit de lijst.' }).optional(),
  ageBand: z.enum(YOUTH_CHAT_AGE_BANDS, { error: 'Kies een leeftijd uit de lijst.' }).optional(),
});

export const youthMessageSchema = z.object({
  text: messageText,
  clientId: clientMessageId.optional(),
});

export const youthTypingSchema = z.object({
  typing: z.boolean({ error: 'Typen is waar of niet waar.' }),
});

/** Ends the queue place or the conversation and forgets the session. `quickExit`: left via "Snel weg". */
export const sessionEndSchema = z.object({
  reason: z.enum(['stop', 'quickExit'], { error: 'Onbekende reden.' }).default('stop'),
});

export const feedbackSchema = z.object({
  feedbackId: opaqueId,
  rating: z
    .number({ error: 'Kies een cijfer.' })
    .int({ error: 'Kies een heel cijfer.' })
    .min(RATING_MIN, { error: `Kies een cijfer van ${RATING_MIN} tot ${RATING_MAX}.` })
    .max(RATING_MAX, { error: `Kies een cijfer van ${RATING_MIN} tot ${RATING_MAX}.` }),
});

// ---- counsellors (/medewerkers) ----

export const takeSchema = z.object({
  /** A chosen queue entry; without it, the first in line. */
  entryId: opaqueId.optional(),
});

export const conversationRefSchema = z.object({
  conversationId: opaqueId,
});

export const staffMessageSchema = z.object({
  conversationId: opaqueId,
  text: messageText,
  clientId: clientMessageId.optional(),
});

export const staffTypingSchema = z.object({
  conversationId: opaqueId,
  typing: z.boolean({ error: 'Typen is waar of niet waar.' }),
});

export const transferSchema = z.object({
  conversationId: opaqueId,
  /** Name of an online colleague; without it, the conversation goes back to the front of the queue. */
  to: counsellorName.optional(),
  /** A short note for whoever takes over; blank is no note. Kept with the conversation only, never logged. */
  note: z
    .string({ error: 'Een notitie moet tekst zijn.' })
    .overwrite(visibleChatText)
    .trim()
    .max(MAX_HANDOVER_NOTE_LENGTH, { error: ERROR_MESSAGES.note_too_long })
    .optional()
    .transform((note) => note || undefined),
});

export const presenceSchema = z.object({
  available: z.boolean({ error: 'Beschikbaar is waar of niet waar.' }),
});

// ---- HTTP ----

export const loginSchema = z.object({
  name: counsellorName,
  password: z
    .string({ error: 'Vul je wachtwoord in.' })
    .min(1, { error: 'Vul je wachtwoord in.' })
    .max(MAX_PASSWORD_LENGTH, { error: 'Dit wachtwoord is te lang.' }),
});

export type YouthAuth = z.infer<typeof youthAuthSchema>;
export type StaffAuth = z.infer<typeof staffAuthSchema>;
export type QueueJoinPayload = z.input<typeof queueJoinSchema>;
export type YouthMessagePayload = z.input<typeof youthMessageSchema>;
export type YouthTypingPayload = z.input<typeof youthTypingSchema>;
export type SessionEndPayload = z.input<typeof sessionEndSchema>;
export type FeedbackPayload = z.input<typeof feedbackSchema>;
export type TakePayload = z.input<typeof takeSchema>;
export type ConversationRefPayload = z.input<typeof conversationRefSchema>;
export type StaffMessagePayload = z.input<typeof staffMessageSchema>;
export type StaffTypingPayload = z.input<typeof staffTypingSchema>;
export type TransferPayload = z.input<typeof transferSchema>;
export type PresencePayload = z.input<typeof presenceSchema>;
export type LoginPayload = z.input<typeof loginSchema>;
