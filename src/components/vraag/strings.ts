import { translator } from '../../../shared/i18n/fill.ts';
import { commonStrings } from '../../../shared/i18n/nl/common.ts';
import { vraagStrings } from '../../../shared/i18n/nl/vraag.ts';

/** "Stel je vraag" for young people: only these strings ship to the browser. */
export const t = translator({ ...vraagStrings, ...commonStrings });
