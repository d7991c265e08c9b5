/**
 * The one Dutch dictionary: every string a visitor reads outside the content files. It is assembled
 * from one part per area (site, sociale kaart, chat, ...) so areas can be edited without clashing,
 * and a key may exist only once. Pages and the server look strings up with `t()` on the whole;
 * islands (code that runs in the browser) never import this file, but make their own `t()` with
 * `translator()` over the modules they show, so each bundle carries only its own strings.
 */
import { siteStrings } from './nl/site.ts';
import { chatStrings } from './nl/chat.ts';
import { socialeKaartStrings } from './nl/sociale-kaart.ts';
import { organisatieStrings } from './nl/organisatie.ts';
import { statistiekStrings } from './nl/statistiek.ts';
import { activiteitenStrings } from './nl/activiteiten.ts';
import { aanmeldenStrings } from './nl/aanmelden.ts';
import { werkplekStrings } from './nl/werkplek.ts';
import { zoekenStrings } from './nl/zoeken.ts';
import { openingStrings } from './nl/opening.ts';
import { translator } from './fill.ts';
import { vraagStrings } from './nl/vraag.ts';
import { vragenStrings } from './nl/vragen.ts';
import { consoleStrings } from './nl/console.ts';
import { commonStrings } from './nl/common.ts';

export const nl = {
  ...siteStrings,
  ...chatStrings,
  ...consoleStrings,
  ...socialeKaartStrings,
  ...organisatieStrings,
  ...statistiekStrings,
  ...activiteitenStrings,
  ...aanmeldenStrings,
  ...werkplekStrings,
  ...zoekenStrings,
  ...openingStrings,
  ...vraagStrings,
  ...vragenStrings,
  ...commonStrings,
} as const;

export type UiKey = keyof typeof nl;

/** Looks up a UI string and fills `{name}` placeholders. */
export const t = translator<UiKey>(nl);
