import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/**
 * Indexes the built site with Pagefind's Node API after `astro build`.
 * Unlike astro-pagefind, any indexing error fails the build: a site without working search
 * must not ship.
 */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'cjg-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        try {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'nl' });
          if (!index || errors.length) throw new Error(`Pagefind kon geen index maken: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: fileURLToPath(dir) });
          if (added.errors.length) throw new Error(`Pagefind-indexering mislukt: ${added.errors.join('; ')}`);
          if (added.page_count === 0) throw new Error('Pagefind vond geen pagina om te indexeren.');
          const written = await index.writeFiles({ outputPath: fileURLToPath(new URL('./pagefind/', dir)) });
          if (written.errors.length) throw new Error(`Pagefind kon de index niet schrijven: ${written.errors.join('; ')}`);
          logger.info(`${added.page_count} pagina's geïndexeerd in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
