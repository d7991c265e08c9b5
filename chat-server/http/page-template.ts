/**
 * Whole pages for form posts without JavaScript: a built page of the site (its layout, quick exit and
 * styles) with one marker element replaced by the server's answer. Without a built site (tests) a bare
 * page is used.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeHtml } from '../../shared/html.ts';

export interface PageTemplate {
  /** The built page, relative to the dist folder (`jongeren/vraag/uitkomst/index.html`). */
  file: string;
  /** The element in it that the answer replaces, e.g. `<div id="vraag-uitkomst"></div>`. */
  marker: string;
  /** Its id, for the replacement. */
  id: string;
  /** Title of the bare page. */
  fallbackTitle: string;
}

/** Wraps a fragment in the built page (read once), or in a bare page without a built site. */
export function createPageRenderer(distDir: string, page: PageTemplate): (fragment: string) => string {
  let template: string | null | undefined;
  return (fragment) => {
    if (template === undefined) {
      const file = join(distDir, page.file);
      const html = existsSync(file) ? readFileSync(file, 'utf8') : null;
      template = html?.includes(page.marker) ? html : null;
    }
    if (template) return template.replace(page.marker, `<div id="${page.id}">${fragment}</div>`);
    return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(page.fallbackTitle)}</title></head><body><main id="inhoud">${fragment}</main></body></html>`;
  };
}
