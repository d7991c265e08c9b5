import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { makeArticleSchema } from './schemas/article.ts';
import { organisationSchema } from './schemas/organisation.ts';

/** Files starting with `_` are drafts and are not published. */
const artikelen = defineCollection({
  loader: glob({ base: './src/content/artikelen', pattern: '**/[^_]*.{md,mdx}' }),
  schema: makeArticleSchema({ organisatie: reference('organisaties'), artikel: reference('artikelen') }),
});

const organisaties = defineCollection({
  loader: glob({ base: './src/content/sociale-kaart', pattern: '**/[^_]*.{yaml,yml,json}' }),
  schema: organisationSchema,
});

export const collections = { artikelen, organisaties };
