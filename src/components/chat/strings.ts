import { translator } from '../../../shared/i18n/fill.ts';
import { chatStrings } from '../../../shared/i18n/nl/chat.ts';
import { commonStrings } from '../../../shared/i18n/nl/common.ts';

/** The young person's chat and the parts the console shares with it: only these strings ship to the browser. */
export const t = translator({ ...chatStrings, ...commonStrings });
export type ChatKey = Parameters<typeof t>[0];
