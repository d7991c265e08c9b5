import { z } from 'zod';

/**
 * A link a visitor may click: http or https only. `z.url()` alone also accepts `javascript:` and
 * `data:` URLs, which would run script from a content file or the site configuration.
 */
export function webUrl(error?: string) {
  return z.url({ protocol: /^https?$/, ...(error ? { error } : {}) });
}
