import type { CrisisLineView } from '../../../shared/protocol/events.ts';
import { t } from './console-strings.ts';

interface Props {
  lines: CrisisLineView[];
  onInsert: (text: string) => void;
}

/** The crisis script, shown as soon as a conversation is marked "zorgelijk". */
export function ConsoleCrisis({ lines, onInsert }: Props) {
  const message = `${t('console.crisis.messageIntro')}\n${lines.map((l) => `${l.name}: ${l.phone}. ${l.when}`).join('\n')}`;
  return (
    <section class="ws-crisis chat-banner chat-banner--warning" aria-labelledby="crisis-titel" id="crisisscript">
      <h3 id="crisis-titel">{t('console.tools.crisis')}</h3>
      <p>
        <strong>{t('console.crisis.intro')}</strong>
      </p>
      <ol>
        <li>{t('console.crisis.step1')}</li>
        <li>{t('console.crisis.step2')}</li>
        <li>{t('console.crisis.step3')}</li>
      </ol>
      <p>
        <strong>{t('console.crisis.lines')}</strong>
      </p>
      <ul>
        {lines.map((l) => (
          <li key={l.name}>
            {l.name}: <strong>{l.phone}</strong>. {l.when}
          </li>
        ))}
      </ul>
      <button type="button" class="button button--secondary" onClick={() => onInsert(message)}>
        {t('console.crisis.insert')}
      </button>
    </section>
  );
}
