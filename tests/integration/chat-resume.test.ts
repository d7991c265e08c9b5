import { afterEach, describe, expect, test } from 'vitest';
import { noIndicators } from '../../chat-server/chat/context.ts';
import type { ChatMessage } from '../../shared/protocol/events.ts';
import { ack, ackOk, collect, eventually, next, startChat, type Harness } from './chat-harness.ts';
import { defined } from '../support/defined.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const texts = (messages: ChatMessage[]) => messages.map((m) => (m.from === 'system' ? `[${m.notice}]` : m.text));

describe('a dropped young person resumes', () => {
  test('the same place in the queue', async () => {
    h = await startChat({ accounts: [['Sanne', 'counsellor']] });
    const first = await h.youth();
    const a = await h.youth();
    await ack(first.socket, 'queue:join', {});
    await ack(a.socket, 'queue:join', {});
    const staff = await h.staff('Sanne');
    const updates = collect<{ entries: { connected: boolean }[] }>(staff.socket, 'queue:update');
    a.socket.disconnect();
    await eventually(() => updates.at(-1)?.entries[1]?.connected === false);
    const back = await h.youth({ token: a.token, lastSeq: 0 });
    expect(back.state).toMatchObject({ phase: 'queued', resumed: true, position: 2 });
    await eventually(() => updates.at(-1)?.entries[1]?.connected === true);
  });

  test('the same conversation, receiving only what it missed', async () => {
    h = await startChat({ accounts: [['Sanne', 'counsellor']] });
    const a = await h.youth();
    await ack(a.socket, 'queue:join', {});
    const staff = await h.staff('Sanne');
    const { conversation } = await ackOk(staff.socket, 'conversation:take', {});
    const id = conversation.conversationId;
    const seenBefore = collect<ChatMessage>(a.socket, 'message');
    await ack(a.socket, 'message:send', { text: 'hoi', clientId: 'm1' });
    await ack(staff.socket, 'message:send', { conversationId: id, text: 'hoi, waar wil je over praten?' });
    await eventually(() => seenBefore.length === 2);
    const lastSeq = defined(seenBefore.at(-1), 'a message seen before').seq;

    const away = next<{ connected: boolean }>(staff.socket, 'conversation:youth');
    a.socket.disconnect();
    expect(await away).toMatchObject({ conversationId: id, connected: false });
    await ack(staff.socket, 'message:send', { conversationId: id, text: 'ben je er nog?' });
    await ack(staff.socket, 'message:send', { conversationId: id, text: 'ik wacht even' });

    const back = next<{ connected: boolean }>(staff.socket, 'conversation:youth');
    const resumed = await h.youth({ token: a.token, lastSeq });
    expect(await back).toMatchObject({ conversationId: id, connected: true });
    expect(resumed.state).toMatchObject({ phase: 'chatting', resumed: true, counsellorName: 'Sanne' });
    expect(texts(resumed.state.messages)).toEqual(['ben je er nog?', 'ik wacht even']);
    expect(resumed.state.messages.map((m) => m.seq)).toEqual([lastSeq + 1, lastSeq + 2]);

    // A retried send (same clientId) is stored once.
    const retry = await ackOk(resumed.socket, 'message:send', { text: 'hoi', clientId: 'm1' });
    expect(retry.seq).toBe(seenBefore[0].seq);
    expect(texts(await h.store.messagesAfter(id, 0)).filter((t) => t === 'hoi')).toHaveLength(1);
  });

  test('after the resume window the session is gone and the conversation ends', async () => {
    h = await startChat({ accounts: [['Sanne', 'counsellor']], fakeClock: true, sweepTimer: false, config: { resumeWindowMs: 60_000 } });
    const a = await h.youth();
    await ack(a.socket, 'queue:join', {});
    const staff = await h.staff('Sanne');
    const { conversation } = await ackOk(staff.socket, 'conversation:take', {});
    await ack(a.socket, 'message:send', { text: 'iets persoonlijks' });
    const away = next(staff.socket, 'conversation:youth');
    a.socket.disconnect();
    await away;
    h.clock.now += 59_000;
    await h.chat.sweep();
    expect(h.store.counts().conversations).toBe(1);
    h.clock.now += 2_000;
    const ended = next(staff.socket, 'conversation:ended');
    await h.chat.sweep();
    expect(await ended).toEqual({ conversationId: conversation.conversationId, by: 'expired' });
    expect(h.store.counts()).toMatchObject({ sessions: 0, conversations: 0, messageLogs: 0 });
    const late = await h.youth({ token: a.token, lastSeq: 1 });
    expect(late.state).toMatchObject({ phase: 'idle', expired: true, messages: [] });
  });

  test('a young person who drops out of the queue and does not come back counts as abandoned after the time they waited', async () => {
    const abandoned: number[] = [];
    h = await startChat({
      fakeClock: true,
      sweepTimer: false,
      config: { resumeWindowMs: 60_000 },
      indicators: { ...noIndicators, abandoned: (s) => abandoned.push(s) },
    });
    const a = await h.youth();
    await ack(a.socket, 'queue:join', {});
    h.clock.now += 30_000;
    const { store, clock } = h;
    const away = eventually(async () => (await store.disconnectedSessions(clock.now + 1)).length === 1);
    a.socket.disconnect();
    await away;
    h.clock.now += 61_000;
    await h.chat.sweep();
    expect(h.store.counts()).toMatchObject({ sessions: 0 });
    // Thirty seconds in the queue: the resume window that followed is not waiting time.
    expect(abandoned).toEqual([30]);
  });
});

describe('a dropped counsellor', () => {
  test('their conversations go back to the FRONT of the queue with a notice, history kept for the next counsellor', async () => {
    h = await startChat({
      accounts: [
        ['Sanne', 'counsellor'],
        ['Kees', 'counsellor'],
      ],
      config: { counsellorGraceMs: 200 },
    });
    const a = await h.youth();
    await ack(a.socket, 'queue:join', { topic: 'problemen' });
    const sanne = await h.staff('Sanne');
    await ack(sanne.socket, 'conversation:take', {});
    await ack(a.socket, 'message:send', { text: 'het gaat niet goed' });
    const waiting = await h.youth();
    await ack(waiting.socket, 'queue:join', {});

    const notices = collect<ChatMessage>(a.socket, 'message');
    const position = next<{ position: number }>(a.socket, 'queue:position', 5000);
    sanne.socket.disconnect();
    expect(await position).toMatchObject({ position: 1 });
    await eventually(() => notices.some((m) => m.from === 'system' && m.notice === 'requeued'));
    const queue = await h.store.listQueue();
    expect(queue.map((e) => e.requeued)).toEqual([true, false]);

    const kees = await h.staff('Kees');
    const started = next<{ counsellorName: string }>(a.socket, 'conversation:started');
    const taken = await ackOk(kees.socket, 'conversation:take', {});
    expect(await started).toEqual({ counsellorName: 'Kees' });
    expect(taken.conversation.topic).toBe('problemen');
    expect(texts(taken.conversation.messages)).toEqual(['[counsellorJoined]', 'het gaat niet goed', '[requeued]', '[transferred]']);
  });

  test('a counsellor back within the grace period keeps their conversations', async () => {
    h = await startChat({ accounts: [['Sanne', 'counsellor']], config: { counsellorGraceMs: 60_000 }, fakeClock: true, sweepTimer: false });
    const a = await h.youth();
    await ack(a.socket, 'queue:join', {});
    const sanne = await h.staff('Sanne');
    await ack(sanne.socket, 'conversation:take', {});
    sanne.socket.disconnect();
    // The server has seen her go; a sweep just inside the grace period leaves her conversation alone.
    const logs = h.logs;
    await eventually(() => logs.some((l) => l.includes('"staff.away"')));
    h.clock.now += 59_000;
    await h.chat.sweep();
    expect(h.logs.some((l) => l.includes('"staff.gone"'))).toBe(false);
    const again = await h.staff('Sanne');
    expect(again.state.conversations).toHaveLength(1);
    expect(await h.store.queueLength()).toBe(0);
  });
});
