/**
 * Every error the chat server answers with: a stable code for programs and one clear Dutch
 * sentence for people. The browser islands may show `error` as it comes; this file is the one
 * place these sentences live.
 */
import { MAX_HANDOVER_NOTE_LENGTH, MAX_MESSAGE_LENGTH } from './limits.ts';

export const ERROR_MESSAGES = {
  invalid: 'Dat verzoek klopt niet. Er is niets veranderd. Probeer het opnieuw.',
  too_long: `Je bericht is te lang. Het mag maximaal ${MAX_MESSAGE_LENGTH} tekens hebben. Maak het korter of stuur het in twee delen.`,
  empty: 'Typ eerst een bericht.',
  note_too_long: `Je notitie voor je collega is te lang. Die mag maximaal ${MAX_HANDOVER_NOTE_LENGTH} tekens hebben. Maak hem korter; er is nog niets overgedragen.`,
  rate_limited: 'Je stuurt heel snel achter elkaar. Wacht even en probeer het dan opnieuw.',
  closed: 'De chat is nu gesloten.',
  busy: 'Het is nu heel druk in de chat. Probeer het later opnieuw, of bel of chat met een van de hulplijnen.',
  network_busy:
    'Er wachten nu al meerdere jongeren via dezelfde internetverbinding (bijvoorbeeld op school). Probeer het over een paar minuten opnieuw, of bel of chat met een van de hulplijnen.',
  too_many_connections:
    'Vanaf dit netwerk (bijvoorbeeld de wifi van je school) zijn er nu te veel verbindingen met de chat. Daarom kom je er even niet in. Probeer het over een paar minuten opnieuw, of gebruik je mobiele internet in plaats van de wifi. Wil je nu met iemand praten? Bel of chat dan met een van de hulplijnen.',
  blocked: 'Je kunt deze chat nu niet gebruiken. Wil je met iemand praten? Bel dan een van de hulplijnen.',
  already_queued: 'Je staat al in de wachtrij.',
  already_chatting: 'Je bent al in gesprek.',
  not_queued: 'Je staat niet in de wachtrij.',
  not_in_conversation: 'Je bent niet in gesprek.',
  feedback_unknown: 'Deze beoordeling kan niet meer worden gegeven.',
  queue_empty: 'Er wacht niemand in de wachtrij.',
  entry_gone: 'Deze jongere wacht niet meer. Misschien heeft een collega het gesprek al aangenomen.',
  limit: 'Je hebt al het maximum aantal gesprekken. Rond eerst een gesprek af.',
  conversation_unknown: 'Dit gesprek bestaat niet (meer).',
  not_yours: 'Dit is niet jouw gesprek.',
  colleague_unknown: 'Deze collega is niet online of heeft geen ruimte voor nog een gesprek.',
  transfer_to_self: 'Dit gesprek is al van jou. Kies een collega om het aan over te dragen.',
  supervisor_only: 'Alleen een leidinggevende kan dit doen.',
  not_flagged: 'Meelezen kan alleen bij een gesprek dat als zorgelijk is gemarkeerd.',
  unauthorized: 'Je bent niet ingelogd, of je sessie is verlopen. Log opnieuw in.',
  forbidden: 'Dit mag je hier niet doen.',
  wrong_credentials: 'Naam of wachtwoord klopt niet. Controleer ze en probeer het opnieuw.',
  throttled: 'Te veel mislukte pogingen. Wacht even en probeer het dan opnieuw.',
  login_busy: 'Er wordt nu al een inlogpoging gecontroleerd. Probeer het over een paar seconden opnieuw.',
  bad_session_token: 'De chat kon je sessie niet starten. Laad de pagina opnieuw.',
  bad_origin: 'Deze verbinding komt niet van de website van het CJG.',
  internal: 'Er ging iets mis bij de chatserver. Probeer het opnieuw.',
  unavailable: 'De chat heeft even geen verbinding. Je gesprek blijft bewaard. Probeer het over een paar seconden opnieuw.',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** Seconds rounded up to whole minutes, in Dutch, for "wacht N minuten". */
export function throttledMessage(retryAfterMs: number): string {
  const seconds = Math.ceil(retryAfterMs / 1000);
  if (seconds < 60) return `Te veel mislukte pogingen. Wacht ${seconds} seconden en probeer het dan opnieuw.`;
  const minutes = Math.ceil(seconds / 60);
  return `Te veel mislukte pogingen. Wacht ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} en probeer het dan opnieuw.`;
}
