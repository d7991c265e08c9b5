import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { makeArticleSchema } from './schemas/article.ts';
import { organisationSchema } from './schemas/organisation.ts';
import { makeActivitySchema } from './schemas/activity.ts';

/** Files starting with `_` are drafts and are not published. */
const artikelen = defineCollection({
  loader: glob({ base: './src/content/artikelen', pattern: '**/[^_]*.{md,mdx}' }),
  schema: makeArticleSchema({ organisatie: reference('organisaties'), artikel: reference('artikelen') }),
});

const organisaties = defineCollection({
  loader: glob({ base: './src/content/sociale-kaart', pattern: '**/[^_]*.{yaml,yml,json}' }),
  schema: organisationSchema,
});

/** Courses, groups and meetings: one file per activity or meeting series. */
const activiteiten = defineCollection({
  loader: glob({ base: './src/content/activiteiten', pattern: '**/[^_]*.{md,mdx}' }),
  schema: makeActivitySchema({ organisatie: reference('organisaties') }),
});

export const collections = { artikelen, organisaties, activiteiten };
