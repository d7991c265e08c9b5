import { t, type ChatKey } from '../chat/strings.ts';
import { ASK_PAGE } from '../../../shared/vraag/limits.ts';

/**
 * "Stel je vraag" from the chat's closed, busy and waiting states: the other door when the chat cannot help now.
 * No site configuration here: it would bring the config schema (zod) into the chat's script.
 */
export function AskLink({ context }: { context: 'closed' | 'busy' | 'waiting' }) {
  const key: ChatKey = context === 'closed' ? 'vraag.link.chatClosed' : context === 'busy' ? 'vraag.link.chatBusy' : 'vraag.link.waiting';
  return (
    <p class="vraag-asklink">
      {t(key)}{' '}
      {context === 'waiting' ? (
        // A new tab, so the place in the queue stays in this one.
        <a href={ASK_PAGE} target="_blank" rel="noopener">
          {t('vraag.link.label')} <span class="visually-hidden">{t('chat.waiting.newTab')}</span>
        </a>
      ) : (
        <a href={ASK_PAGE}>{t('vraag.link.label')}</a>
      )}
    </p>
  );
}
