import { translator } from '../../../shared/i18n/fill.ts';
import { commonStrings } from '../../../shared/i18n/nl/common.ts';
import { consoleStrings } from '../../../shared/i18n/nl/console.ts';
import { vraagStrings } from '../../../shared/i18n/nl/vraag.ts';
import { vragenStrings } from '../../../shared/i18n/nl/vragen.ts';

/** The counsellors' "Vragen" page: its own strings, the young person's side it shows, and the staff session's. */
export const t = translator({ ...vragenStrings, ...vraagStrings, ...consoleStrings, ...commonStrings });
export type DeskKey = Parameters<typeof t>[0];
