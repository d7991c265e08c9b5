/**
 * Attacker review 14 (round 2): the published figures and the team cannot be inflated or kept busy
 * by repeating a refused or pointless event.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { noIndicators, type ChatIndicators } from '../../chat-server/chat/context.ts';
import { ackError, ackOk, collect, eventually, startChat, type Harness } from './chat-harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function countingIndicators(): { indicators: ChatIndicators; turnedAway: string[]; requested: number[] } {
  const turnedAway: string[] = [];
  const requested: number[] = [];
  return {
    turnedAway,
    requested,
    indicators: { ...noIndicators, turnedAway: (reason) => turnedAway.push(reason), requested: () => requested.push(1) },
  };
}

describe('a refused join is one young person, however often it is repeated', () => {
  test('fifteen presses of "opnieuw" on a full network count once, and write one log line', async () => {
    const counted = countingIndicators();
    h = await startChat({ config: { queuePerNetwork: 2 }, indicators: counted.indicators });
    for (let i = 0; i < 2; i++) await ackOk((await h.youth()).socket, 'queue:join', {});
    const pupil = await h.youth();
    for (let i = 0; i < 15; i++) expect((await ackError(pupil.socket, 'queue:join', {})).code).toBe('network_busy');
    expect(counted.turnedAway).toEqual(['busy']);
    expect(counted.requested).toHaveLength(2);
    expect(h.logs.filter((line) => line.includes('queue.refused'))).toHaveLength(1);
  });

  test('new sessions from one network count at most a handful of times', async () => {
    const counted = countingIndicators();
    h = await startChat({ config: { queuePerNetwork: 1, connectionsPerNetwork: { burst: 100, perSecond: 10 } }, indicators: counted.indicators });
    await ackOk((await h.youth()).socket, 'queue:join', {});
    for (let i = 0; i < 20; i++) {
      const young = await h.youth();
      expect((await ackError(young.socket, 'queue:join', {})).code).toBe('network_busy');
      young.socket.disconnect();
    }
    expect(counted.turnedAway).toHaveLength(5);
  });
});

describe('presence', () => {
  test('setting the status one already has changes nothing and tells nobody', async () => {
    h = await startChat({ accounts: [['Sanne', 'counsellor']] });
    const sanne = await h.staff('Sanne');
    const team = collect(sanne.socket, 'team:update');
    await ackOk(sanne.socket, 'presence:set', { available: false });
    const afterChange = team.length;
    expect(afterChange).toBeGreaterThan(0);
    for (let i = 0; i < 10; i++) await ackOk(sanne.socket, 'presence:set', { available: false });
    expect(team.length).toBe(afterChange);
  });
});

describe('logs under a storm of refused connections', () => {
  test('twenty refused handshakes from one network write at most five lines', async () => {
    h = await startChat({ config: { connectionsPerNetwork: { burst: 2, perSecond: 0.01 } } });
    let refused = 0;
    for (let i = 0; i < 22; i++) {
      try {
        (await h.youth()).socket.disconnect();
      } catch {
        refused += 1;
      }
    }
    expect(refused).toBe(20);
    expect(h.logs.filter((line) => line.includes('youth.connection_rate_limited'))).toHaveLength(5);
  });
});

describe('clear answers where there was silence or the wrong reason', () => {
  test('a transfer to oneself says so, and the conversation stays', async () => {
    h = await startChat({ accounts: [['Sanne', 'counsellor']] });
    const sanne = await h.staff('Sanne');
    const young = await h.youth();
    await ackOk(young.socket, 'queue:join', {});
    const { conversation } = await ackOk(sanne.socket, 'conversation:take', {});
    const refused = await ackError(sanne.socket, 'conversation:transfer', { conversationId: conversation.conversationId, to: 'sanne' });
    expect(refused).toMatchObject({ code: 'transfer_to_self', error: 'Dit gesprek is al van jou. Kies een collega om het aan over te dragen.' });
    await ackOk(sanne.socket, 'message:send', { conversationId: conversation.conversationId, text: 'Ik ben er nog.' });
  });

  test("a staff page's listen-only socket answers every event in Dutch instead of leaving it hanging", async () => {
    h = await startChat({ accounts: [['Fatima', 'supervisor']] });
    const page = await h.watcher('Fatima');
    expect(await ackError(page.socket, 'conversation:take', {})).toMatchObject({ code: 'forbidden', error: 'Dit mag je hier niet doen.' });
    expect(await ackError(page.socket, 'presence:set', { available: true })).toMatchObject({ code: 'forbidden' });
  });
});

describe("the supervisor's alarm after a transfer (attacker review 14-3, m1)", () => {
  test('names who flagged it, not only who has it now', async () => {
    h = await startChat({
      accounts: [
        ['Joost', 'counsellor'],
        ['Sanne', 'counsellor'],
        ['Fatima', 'supervisor'],
      ],
    });
    const joost = await h.staff('Joost');
    await h.staff('Sanne');
    const fatima = await h.watcher('Fatima');
    const young = await h.youth();
    await ackOk(young.socket, 'queue:join', {});
    const { conversation } = await ackOk(joost.socket, 'conversation:take', {});
    await ackOk(joost.socket, 'conversation:flag', { conversationId: conversation.conversationId });
    const updates = collect<{ flags: { flaggedBy: string; counsellorName: string }[] }>(fatima.socket, 'flags:update');
    await ackOk(joost.socket, 'conversation:transfer', { conversationId: conversation.conversationId, to: 'Sanne' });
    await eventually(() => updates.at(-1)?.flags[0]?.counsellorName === 'Sanne');
    expect(updates.at(-1)?.flags[0]).toMatchObject({ flaggedBy: 'Joost', counsellorName: 'Sanne' });
  });
});

describe('a flagged chat back in the queue (newcomer review 14-3, m1)', () => {
  test('its queue card carries the same "Jongere N" as the supervisor’s banner, with the flag', async () => {
    h = await startChat({ accounts: [['Sanne', 'counsellor']] });
    const sanne = await h.staff('Sanne');
    const young = await h.youth();
    await ackOk(young.socket, 'queue:join', {});
    const { conversation } = await ackOk(sanne.socket, 'conversation:take', {});
    await ackOk(sanne.socket, 'conversation:flag', { conversationId: conversation.conversationId });
    const queue = collect<{ entries: { number: number | null; flagged: boolean }[] }>(sanne.socket, 'queue:update');
    await ackOk(sanne.socket, 'conversation:transfer', { conversationId: conversation.conversationId });
    await eventually(() => queue.at(-1)?.entries.length === 1);
    expect(queue.at(-1)?.entries[0]).toMatchObject({ number: conversation.number, flagged: true });
  });
});
