import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { makeArticleSchema } from './schemas/article.ts';
import { organisationSchema } from './schemas/organisation.ts';
import { makeActivitySchema } from './schemas/activity.ts';
import { zoekwoordSchema } from './schemas/zoekwoorden.ts';

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

/** The search vocabulary: one group per key (see the file's header). */
const zoekwoorden = defineCollection({
  loader: file('./src/data/zoekwoorden.yaml'),
  schema: zoekwoordSchema,
});

export const collections = { artikelen, organisaties, activiteiten, zoekwoorden };
