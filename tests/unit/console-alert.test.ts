/** The supervisor's alarm names the flagged young person as the counsellor does (review 14, newcomer major 4). */
import { describe, expect, test } from 'vitest';
import { t } from '../../shared/i18n/nl.ts';
import { alertText, flagListText, flaggedWho } from '../../src/components/chat/ConsoleAlert.tsx';
import { transferOrder } from '../../src/components/chat/console-types.ts';

describe('a flagged conversation for the supervisor', () => {
  test('says which young person, what about, and whether the danger signal came', () => {
    const flag = { conversationId: 'c1', counsellorName: 'Sanne', flaggedBy: 'Sanne', flaggedAt: 0, number: 2, topic: 'school' as const, danger: true };
    expect(flaggedWho(flag)).toBe('Jongere 2 (School, mogelijk acuut gevaar)');
    expect(flaggedWho({ ...flag, number: 4, topic: null, danger: false })).toBe(`Jongere 4 (${t('console.queue.noTopic')})`);
    expect(t('werkplek.alert.text', { who: flaggedWho(flag), name: 'Sanne', time: '15:52' })).toBe(
      'Jongere 2 (School, mogelijk acuut gevaar): Sanne heeft dit gesprek om 15:52 als zorgelijk gemarkeerd.',
    );
  });
});

describe('a flagged conversation back in the queue (review 14, second newcomer)', () => {
  const queued = {
    conversationId: 'c1',
    counsellorName: '',
    flaggedBy: 'Sanne',
    flaggedAt: Date.UTC(2026, 11, 2, 16, 55),
    number: 2,
    topic: 'school' as const,
    danger: false,
  };
  test('the banner and the list say it waits in the queue, with no status where a name belongs', () => {
    expect(alertText(queued, 'Europe/Amsterdam')).toBe('Jongere 2 (School): dit gesprek is om 17:55 als zorgelijk gemarkeerd en staat nu weer in de wachtrij.');
    expect(flagListText(queued, 'Europe/Amsterdam')).toBe('Jongere 2 (School), gemarkeerd om 17:55, staat weer in de wachtrij');
    expect(alertText({ ...queued, counsellorName: 'Sanne' }, 'Europe/Amsterdam')).toBe(
      'Jongere 2 (School): Sanne heeft dit gesprek om 17:55 als zorgelijk gemarkeerd.',
    );
    expect(flagListText({ ...queued, counsellorName: 'Sanne' }, 'Europe/Amsterdam')).toBe('Jongere 2 (School), behandeld door Sanne, gemarkeerd om 17:55');
  });
});

describe('a flagged conversation handed to a colleague (attacker review 14-3, m1)', () => {
  test('the banner names who flagged it, to call about the flag, and who has it now', () => {
    const moved = {
      conversationId: 'c1',
      counsellorName: 'Sanne',
      flaggedBy: 'Joost',
      flaggedAt: Date.UTC(2026, 11, 2, 17, 38),
      number: 3,
      topic: 'middelengebruik' as const,
      danger: false,
    };
    expect(alertText(moved, 'Europe/Amsterdam')).toBe(
      'Jongere 3 (Alcohol, roken, drugs en gamen): Joost heeft dit gesprek om 18:38 als zorgelijk gemarkeerd. Het is nu bij Sanne.',
    );
  });
});

describe('colleagues to hand a conversation to (review 14, newcomer minor)', () => {
  const member = (name: string, role: 'counsellor' | 'supervisor', conversations = 0) => ({ name, role, available: true, conversations, maxConversations: 3 });
  test('counsellors first, the one with most room first; the supervisor is not first by the alphabet', () => {
    const order = transferOrder([member('Anna', 'supervisor'), member('Kees', 'counsellor', 2), member('Bas', 'counsellor', 2), member('Zoë', 'counsellor')]);
    expect(order.map((m) => m.name)).toEqual(['Zoë', 'Bas', 'Kees', 'Anna']);
  });
});
