import { describe, expect, test } from 'vitest';
import { attentionTitle } from '../../src/lib/staff-notify.ts';

describe('the console tab title', () => {
  test('says nothing extra when nothing needs attention', () => {
    expect(attentionTitle({ waiting: 0, waitingOnMe: 0, unacknowledgedFlags: 0 }, 'Chatconsole')).toBe('Chatconsole');
  });
  test('puts a flagged conversation first, then answers owed, then the queue', () => {
    expect(attentionTitle({ waiting: 2, waitingOnMe: 1, unacknowledgedFlags: 1 }, 'Chatconsole')).toBe(
      '(!) Zorgelijk gesprek · (1) Wacht op antwoord · (2) Nieuw in de wachtrij | Chatconsole',
    );
    expect(attentionTitle({ waiting: 3, waitingOnMe: 0, unacknowledgedFlags: 0 }, 'X')).toBe('(3) Nieuw in de wachtrij | X');
  });
  test('a conversation a colleague handed to me is named, before the answers owed', () => {
    expect(attentionTitle({ waiting: 1, waitingOnMe: 1, unacknowledgedFlags: 0, handedToMe: 1 }, 'X')).toBe(
      '(1) Overgedragen aan jou · (1) Wacht op antwoord · (1) Nieuw in de wachtrij | X',
    );
  });
  test('a flagged anonymous question raises the same alarm in the title, after a flagged conversation', () => {
    expect(attentionTitle({ waiting: 1, waitingOnMe: 0, unacknowledgedFlags: 0, unacknowledgedQuestions: 1 }, 'Chatconsole')).toBe(
      '(!) Zorgelijke vraag · (1) Nieuw in de wachtrij | Chatconsole',
    );
    expect(attentionTitle({ waiting: 0, waitingOnMe: 0, unacknowledgedFlags: 2, unacknowledgedQuestions: 1 }, 'X')).toBe(
      '(!) Zorgelijk gesprek · (!) Zorgelijke vraag | X',
    );
  });
});
