import { z } from 'zod';

/**
 * One group of the search vocabulary (`src/data/zoekwoorden.yaml`): the words people type for one thing,
 * and the words the site itself uses for it. Both searches expand a query with `zoek`, and pages whose
 * keywords contain a `zoek` word get the group's `woorden` as hidden, weighted search words, so a page
 * about "cocaïne" is found by "coke" too.
 *
 * Messages are Dutch and name what is wrong: the reader is an editor, and Astro adds file and field.
 */
const word = z
  .string({ error: 'een woord moet tekst zijn (zet getallen tussen aanhalingstekens)' })
  .trim()
  .min(2, { error: 'een woord heeft minstens 2 tekens' })
  .max(60, { error: 'een woord of woordgroep heeft hoogstens 60 tekens' });

export const zoekwoordSchema = z
  .object({
    /** What people type: slang, spelling variants, inflections, professional shorthand. */
    woorden: z.array(word, { error: 'woorden: een lijst met woorden die mensen typen' }).min(1, { error: 'noem minstens één woord' }),
    /** The site's own words for the same thing; these are searched for. */
    zoek: z.array(word, { error: 'zoek: een lijst met woorden die op de site staan' }).min(1, { error: 'noem minstens één woord dat op de site staat' }),
    /** True when the words suggest danger (suicide, abuse, running away): the crisis lines come first. */
    gevaar: z.boolean({ error: 'gevaar is true of false' }).default(false),
    /** Questions people ask about this, offered as suggestions while typing. */
    vragen: z.array(z.string().trim().min(8, { error: 'een vraag heeft minstens 8 tekens' }).max(120)).default([]),
  })
  .strict();

export type Zoekwoord = z.infer<typeof zoekwoordSchema>;
