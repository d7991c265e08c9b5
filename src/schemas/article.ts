import { z } from 'zod';
import { AUDIENCES, TOPICS } from '../../shared/taxonomy.ts';
import { webUrl } from '../../shared/web-url.ts';

/** Page title: a question or plain statement, as a visitor would say it. Articles and activities. */
export const titleSchema = z.string({ error: 'titel ontbreekt' }).min(3, { error: 'titel is te kort' }).max(90, { error: 'titel is langer dan 90 tekens' });

/** One or two sentences shown under the title, in lists and in search results. Articles and activities. */
export const summarySchema = z
  .string({ error: 'samenvatting ontbreekt' })
  .min(20, { error: 'samenvatting is te kort' })
  .max(240, { error: 'samenvatting is langer dan 240 tekens' });

/**
 * Frontmatter of an article. Every message is Dutch and names what is wrong, because the person who
 * reads it is the gemeente's web editor; Astro adds the file name and field path.
 *
 * References to other entries are passed in, so this schema is usable both inside Astro
 * (with `reference()`) and in plain unit tests (with `z.string()`).
 */
export function makeArticleSchema<Ref extends z.ZodType, ArticleRef extends z.ZodType>(refs: { organisatie: Ref; artikel: ArticleRef }) {
  return z
    .object({
      title: titleSchema,
      summary: summarySchema,
      /** The section the page lives in; must match its folder. */
      doelgroep: z.enum(AUDIENCES, { error: `doelgroep moet een van deze zijn: ${AUDIENCES.join(', ')}` }),
      /** Main topic: decides the topic page it is listed on. */
      onderwerp: z.enum(TOPICS, { error: `onderwerp moet een van deze zijn: ${TOPICS.join(', ')}` }),
      /** Ages (in years) the page is about, inclusive. Unborn = 0. */
      leeftijd: z
        .object(
          {
            min: z.number({ error: 'leeftijd.min ontbreekt' }).int().min(0).max(23),
            max: z.number({ error: 'leeftijd.max ontbreekt' }).int().min(0).max(23),
          },
          { error: 'leeftijd ontbreekt (min en max in jaren)' },
        )
        .refine((l) => l.min <= l.max, { error: 'leeftijd.min is groter dan leeftijd.max' }),
      /** Everyday words people search with that may not be in the text ("blowen", "wiet"). */
      keywords: z.array(z.string().min(2)).min(1, { error: 'geef minstens één zoekwoord' }),
      /** Date the content was last checked. */
      updated: z.coerce.date({ error: 'updated moet een datum zijn (JJJJ-MM-DD)' }),
      /** Where the facts come from. */
      sources: z
        .array(
          z.object({
            title: z.string().min(3),
            publisher: z.string().min(2),
            url: webUrl('bron-url is geen geldige link').optional(),
          }),
        )
        .min(1, { error: 'geef minstens één bron' }),
      /** Hand-picked "Hier kun je terecht" entries from the sociale kaart. */
      organisaties: z.array(refs.organisatie).min(1, { error: 'noem minstens één organisatie voor "Hier kun je terecht"' }),
      /** Related pages, shown under the article. */
      related: z.array(refs.artikel).default([]),
      /** Pages about danger show the crisis lines above the text. */
      crisis: z.boolean().default(false),
      /** Lower numbers come first in lists; ties sort by title. */
      order: z.number().int().default(100),
    })
    .strict();
}
