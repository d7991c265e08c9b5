// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import { site } from './shared/config/site.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';

export default defineConfig({
  site: site.siteUrl,
  trailingSlash: 'always',
  build: { format: 'directory' },
  compressHTML: true,
  integrations: [
    mdx(),
    preact(),
    sitemap({
      filter: (page) =>
        !new URL(page).pathname.startsWith('/medewerkers/') &&
        !new URL(page).pathname.startsWith('/jongeren/vraag/uitkomst/') &&
        !new URL(page).pathname.startsWith('/activiteiten/aanmelden/'),
    }),
    pagefindIndex(),
  ],
  security: {
    // Astro hashes its own scripts and styles into a CSP <meta>; the server adds the header-only directives.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
});
