import { translator } from '../../../shared/i18n/fill.ts';
import { statistiekStrings } from '../../../shared/i18n/nl/statistiek.ts';

/** The statistics dashboard: only these strings ship to the browser. */
export const t = translator(statistiekStrings);
