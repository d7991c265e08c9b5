/**
 * The one Dutch dictionary: every string a visitor reads outside the content files. It is assembled
 * from one part per area (site, sociale kaart, chat, ...) so areas can be edited without clashing,
 * but lookups go through `t()` on the whole, and a key may exist only once.
 */
import { siteStrings } from './nl/site.ts';
import { chatStrings } from './nl/chat.ts';
import { socialeKaartStrings } from './nl/sociale-kaart.ts';
import { statistiekStrings } from './nl/statistiek.ts';
import { activiteitenStrings } from './nl/activiteiten.ts';
import { werkplekStrings } from './nl/werkplek.ts';
import { zoekenStrings } from './nl/zoeken.ts';
import { openingStrings } from './nl/opening.ts';
import { fill } from './fill.ts';
import { vraagStrings } from './nl/vraag.ts';

export const nl = {
  ...siteStrings,
  ...chatStrings,
  ...socialeKaartStrings,
  ...statistiekStrings,
  ...activiteitenStrings,
  ...werkplekStrings,
  ...zoekenStrings,
  ...openingStrings,
  ...vraagStrings,
} as const;

export type UiKey = keyof typeof nl;

/** Looks up a UI string and fills `{name}` placeholders. */
export function t(key: UiKey, vars: Record<string, string | number> = {}): string {
  return fill(nl[key], vars);
}
