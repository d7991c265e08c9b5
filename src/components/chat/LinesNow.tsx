import { t } from './strings.ts';
import { describeOpening, openingState } from '../../../shared/opening-hours.ts';
import type { LineInfo } from './types.ts';

interface Props {
  lines: LineInfo[];
  headingLevel?: 2 | 3;
  id: string;
  /** The moment to judge opening hours at; tests pass a fixed one. */
  now?: Date;
}

const telHref = (phone: string) => `tel:${phone.replace(/[^0-9]/g, '')}`;

/**
 * The national lines from the site configuration. A line with opening hours (De Kindertelefoon) is listed
 * under "now" only while it is open; when closed it moves to a short list with the time it opens again,
 * so a young person at night is never sent to a line that does not answer.
 */
export function LinesNow({ lines, headingLevel = 2, id, now = new Date() }: Props) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const isOpen = (line: LineInfo) => !line.hours || openingState(line.hours, now).open;
  const openLines = lines.filter(isOpen);
  const closedLines = lines.filter((line) => !isOpen(line));
  return (
    <section class="chat-lines" aria-labelledby={id}>
      <Heading id={id} class="chat-lines__title">
        {t('chat.linesNow.title')}
      </Heading>
      <ul class="chat-lines__list">
        {openLines.map((line) => (
          <li key={line.name}>
            <strong>{line.name}</strong>
            <a href={telHref(line.phone)} class="chat-lines__call">
              {t('phone.call', { phone: line.phone })}
            </a>
            <span class="chat-lines__when">{line.when}</span>
          </li>
        ))}
      </ul>
      {closedLines.length > 0 && (
        <>
          <p class="chat-lines__later">{t('chat.linesNow.later')}</p>
          <ul class="chat-lines__list chat-lines__list--later">
            {closedLines.map((line) => (
              <li key={line.name}>
                <strong>{line.name}</strong>
                <span class="chat-lines__when">{line.hours ? describeOpening(line.hours, now) : ''}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
