import { translator } from '../../../shared/i18n/fill.ts';
import { consoleStrings } from '../../../shared/i18n/nl/console.ts';

/** Login and account bar, shared by every staff page. */
export const t = translator(consoleStrings);
