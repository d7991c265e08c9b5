import { useState } from 'preact/hooks';
import { t } from './strings.ts';

/** The pickup code, once: large, grouped, with a copy button and the warning to keep it. */
export function CodeBox({ code }: { code: string }) {
  const [copied, setCopied] = useState<'' | 'ok' | 'failed'>('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div class="vraag-code">
      <p class="vraag-code__label" id="vraag-code-label">
        {t('vraag.sent.codeLabel')}
      </p>
      <p class="vraag-code__value" translate={false}>
        {code}
      </p>
      <button type="button" class="button button--secondary" onClick={() => void copy()}>
        {t('vraag.sent.copy')}
      </button>
      <p class="vraag-code__status" role="status">
        {copied === 'ok' ? t('vraag.sent.copied') : copied === 'failed' ? t('vraag.sent.copyFailed') : ''}
      </p>
      <p class="vraag-code__keep">
        <strong>{t('vraag.sent.keep')}</strong>
      </p>
    </div>
  );
}
