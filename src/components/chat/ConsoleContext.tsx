import type { CrisisLineView } from '../../../shared/protocol/events.ts';
import type { ChatPhrase } from '../../../shared/config/site-schema.ts';
import { t } from './console-strings.ts';
import { formatClock as clock } from '../../lib/chat-format.ts';
import { ConsoleCrisis } from './ConsoleCrisis.tsx';
import { ConsoleKaart } from './ConsoleKaart.tsx';
import { ConsolePhrases } from './ConsolePhrases.tsx';
import { ageLabel, topicLabel, type ConsoleConversation } from './console-types.ts';
import type { KaartLookupCard } from '../../lib/kaart-lookup.ts';

interface Props {
  c: ConsoleConversation | null;
  phrases: ChatPhrase[];
  kaart: KaartLookupCard[];
  crisisLines: CrisisLineView[];
  timeZone: string;
  onInsert: (text: string) => void;
}

/** The right column: what is known about the open conversation, and the tools to answer it. */
export function ConsoleContext({ c, phrases, kaart, crisisLines, timeZone, onInsert }: Props) {
  const writable = c !== null && !c.ended;
  return (
    <aside class="ws-context" aria-labelledby="context-titel">
      <h2 id="context-titel">{t('werkplek.context.title')}</h2>
      {c ? (
        <dl class="ws-facts">
          <dt>{t('werkplek.context.topic')}</dt>
          <dd>{topicLabel(c.topic)}</dd>
          <dt>{t('werkplek.context.age')}</dt>
          <dd>{ageLabel(c.ageBand)}</dd>
          <dt>{t('werkplek.context.started')}</dt>
          <dd>{clock(c.startedAt, timeZone)}</dd>
        </dl>
      ) : (
        <p>{t('werkplek.context.none')}</p>
      )}
      {(c?.flagged || c?.danger) && <ConsoleCrisis lines={crisisLines} onInsert={onInsert} />}
      {writable && (
        <>
          <ConsolePhrases phrases={phrases} onInsert={onInsert} />
          <ConsoleKaart kaart={kaart} onInsert={onInsert} />
        </>
      )}
    </aside>
  );
}
