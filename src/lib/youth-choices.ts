/**
 * The optional topic and age a young person may give, for the chat and for "Stel je vraag": one list,
 * so both forms offer the same choices (only the ages the youth services serve).
 */
import { CHAT_TOPICS, YOUTH_CHAT_AGE_BANDS, type ChatAgeBand, type ChatTopic } from '../../shared/protocol/limits.ts';
import { AGE_BANDS, TOPIC_INFO } from '../../shared/taxonomy.ts';

/** `[value, label]` pairs, as the form Select takes them. */
export const YOUTH_TOPIC_OPTIONS: [ChatTopic, string][] = CHAT_TOPICS.map((o) => [o, TOPIC_INFO[o].label]);
export const YOUTH_AGE_OPTIONS: [ChatAgeBand, string][] = AGE_BANDS.filter((g): g is (typeof AGE_BANDS)[number] & { id: ChatAgeBand } =>
  (YOUTH_CHAT_AGE_BANDS as readonly string[]).includes(g.id),
).map((g) => [g.id, g.label]);
