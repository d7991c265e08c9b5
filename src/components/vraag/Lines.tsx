import { t } from './strings.ts';
import type { LineInfo } from './api.ts';

const telHref = (phone: string) => `tel:${phone.replace(/[^0-9]/g, '')}`;

/** The national lines from the site configuration: who, call link, when. */
export function Lines({ lines }: { lines: LineInfo[] }) {
  return (
    <ul class="vraag-lines">
      {lines.map((line) => (
        <li key={line.name}>
          <strong>{line.name}</strong> <a href={telHref(line.phone)}>{t('phone.call', { phone: line.phone })}</a>
          <span class="vraag-lines__when">{line.when}</span>
        </li>
      ))}
    </ul>
  );
}

/** Shown right after a question that suggests acute danger: we cannot reach them, so they must reach someone now. */
export function DangerNotice({ lines }: { lines: LineInfo[] }) {
  return (
    <section class="vraag-danger" aria-labelledby="vraag-gevaar">
      <h2 id="vraag-gevaar">{t('vraag.danger.title')}</h2>
      <p>{t('vraag.danger.text')}</p>
      <Lines lines={lines} />
    </section>
  );
}
