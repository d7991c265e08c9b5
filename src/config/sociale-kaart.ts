/**
 * Vocabulary of the sociale kaart: ways in, costs, areas. Plain constants without zod, so browser code
 * (the filter island) can use them without pulling in the schema library; `src/schemas/organisation.ts`
 * builds its enums from these.
 */

/** How someone gets in ("zo kom je binnen"). The referral routes decide "zonder verwijzing". */
export const TOEGANGSROUTES = [
  'bellen',
  'langskomen',
  'mailen',
  'chatten',
  'online',
  'via-school',
  'uitnodiging',
  'verwijzing-huisarts',
  'verwijzing-wijkteam',
  'verwijzing-professional',
  'verwijzing-rechter',
] as const;
export type Toegangsroute = (typeof TOEGANGSROUTES)[number];
export const VERWIJSROUTES: readonly Toegangsroute[] = ['verwijzing-huisarts', 'verwijzing-wijkteam', 'verwijzing-professional', 'verwijzing-rechter'];

/** Who pays. */
export const KOSTEN = ['gratis', 'eigen-bijdrage', 'zorgverzekering', 'gemeente', 'onbekend'] as const;
export type Kosten = (typeof KOSTEN)[number];

/** HSDS 3.0 service status, as in the standard. */
export const SERVICE_STATUS = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;

/** Where an organisation works: a wijk filter keeps everything that also serves that wijk. */
export const WERKGEBIEDEN = ['landelijk', 'regio', 'gemeente', 'wijk'] as const;

/** Example numbers start with 012: no Dutch area code, so they can never reach a real person. */
export const EXAMPLE_PHONE_PREFIX = '012';
