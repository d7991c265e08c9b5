import { t } from '../../../shared/i18n/nl.ts';
import type { LineInfo } from './types.ts';

interface Props {
  lines: LineInfo[];
  headingLevel?: 2 | 3;
  id: string;
}

const telHref = (phone: string) => `tel:${phone.replace(/[^0-9]/g, '')}`;

/** The national lines from the site configuration, with their hours as configured. */
export function LinesNow({ lines, headingLevel = 2, id }: Props) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section class="chat-lines" aria-labelledby={id}>
      <Heading id={id} class="chat-lines__title">
        {t('chat.linesNow.title')}
      </Heading>
      <ul class="chat-lines__list">
        {lines.map((line) => (
          <li key={line.name}>
            <strong>{line.name}</strong>
            <a href={telHref(line.phone)} class="chat-lines__call">
              {t('chat.call', { phone: line.phone })}
            </a>
            <span class="chat-lines__when">{line.when}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
