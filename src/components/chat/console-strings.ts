import { translator } from '../../../shared/i18n/fill.ts';
import { chatStrings } from '../../../shared/i18n/nl/chat.ts';
import { commonStrings } from '../../../shared/i18n/nl/common.ts';
import { consoleStrings } from '../../../shared/i18n/nl/console.ts';
import { vragenStrings } from '../../../shared/i18n/nl/vragen.ts';
import { werkplekStrings } from '../../../shared/i18n/nl/werkplek.ts';

/**
 * The counsellors' console: its own strings, the workspace's, the conversation strings it shares with
 * the chat, and the question alerts it shares with the Vragen page.
 */
export const t = translator({ ...chatStrings, ...consoleStrings, ...werkplekStrings, ...vragenStrings, ...commonStrings });
