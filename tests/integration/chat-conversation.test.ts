import { afterEach, describe, expect, test } from 'vitest';
import type { ChatMessage, ConversationView } from '../../shared/protocol/events.ts';
import { ack, ackOk, collect, eventually, next, startChat, type Harness, type StaffSocket, type YouthSocket } from './chat-harness.ts';
import { defined } from '../support/defined.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function talking(harness: Harness, counsellor = 'Sanne'): Promise<{ youth: YouthSocket; token: string; staff: StaffSocket; id: string }> {
  const youth = await harness.youth();
  await ack(youth.socket, 'queue:join', {});
  const staff = await harness.staff(counsellor);
  const taken = await ackOk(staff.socket, 'conversation:take', {});
  return { youth: youth.socket, token: youth.token, staff: staff.socket, id: taken.conversation.conversationId };
}

describe('a conversation', () => {
  test('messages both ways with sequence numbers, typing, end by the counsellor, satisfaction stored as a count only', async () => {
    const rated: number[] = [];
    h = await startChat({ accounts: [['Sanne', 'counsellor']] });
    h.chat.context.indicators = { ...h.chat.context.indicators, rated: (score) => rated.push(score) };
    const { youth, staff, id } = await talking(h);
    const youthSees = collect<ChatMessage>(youth, 'message');
    const staffSees = collect<{ message: ChatMessage }>(staff, 'message');

    const typing = next<{ typing: boolean }>(staff, 'typing');
    youth.emit('typing', { typing: true });
    expect(await typing).toEqual({ conversationId: id, typing: true });
    const youthTyping = next(youth, 'typing');
    staff.emit('typing', { conversationId: id, typing: true });
    expect(await youthTyping).toEqual({ typing: true });

    expect(await ack(youth, 'message:send', { text: 'hoi' })).toMatchObject({ ok: true, seq: 2 });
    expect(await ack(staff, 'message:send', { conversationId: id, text: 'hoi! vertel' })).toMatchObject({ ok: true, seq: 3 });
    await eventually(() => youthSees.length === 2 && staffSees.length === 2);
    expect(youthSees.map((m) => m.seq)).toEqual([2, 3]);
    expect(staffSees[1].message).toMatchObject({ from: 'counsellor', name: 'Sanne', text: 'hoi! vertel' });

    const ended = next<{ by: string; feedbackId: string }>(youth, 'conversation:ended');
    expect(await ack(staff, 'conversation:end', { conversationId: id })).toEqual({ ok: true });
    const { by, feedbackId } = await ended;
    expect(by).toBe('counsellor');
    expect(h.store.counts()).toMatchObject({ conversations: 0, messageLogs: 0, sessions: 0 });
    expect(await ack(youth, 'feedback:send', { feedbackId, rating: 4 })).toEqual({ ok: true });
    expect(await ack(youth, 'feedback:send', { feedbackId, rating: 5 })).toMatchObject({ ok: false, code: 'feedback_unknown' });
    expect(rated).toEqual([4]);
  });

  test('the young person ends it ("Stoppen") or leaves via quick exit; the counsellor is told which', async () => {
    h = await startChat({ accounts: [['Sanne', 'counsellor']] });
    const one = await talking(h);
    const ended = next(one.staff, 'conversation:ended');
    const stop = await ackOk(one.youth, 'session:end', { reason: 'stop' });
    expect(stop.feedbackId).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await ended).toEqual({ conversationId: one.id, by: 'youth' });

    const two = await talking(h);
    const exited = next(two.staff, 'conversation:ended');
    expect(await ack(two.youth, 'session:end', { reason: 'quickExit' })).toEqual({ ok: true });
    expect(await exited).toEqual({ conversationId: two.id, by: 'quickExit' });
    expect(h.store.counts()).toMatchObject({ conversations: 0, sessions: 0 });
  });

  test('a counsellor has a limit of concurrent conversations and may pick a chosen young person', async () => {
    h = await startChat({ accounts: [['Sanne', 'counsellor']], config: { maxConversationsPerCounsellor: 1 } });
    const first = await h.youth();
    const second = await h.youth();
    await ack(first.socket, 'queue:join', {});
    await ack(second.socket, 'queue:join', { topic: 'veiligheid' });
    const staff = await h.staff('Sanne');
    const chosen = defined(
      staff.state.queue.find((e) => e.topic === 'veiligheid'),
      'the waiting young person with topic veiligheid',
    );
    const started = next(second.socket, 'conversation:started');
    expect(await ack(staff.socket, 'conversation:take', { entryId: chosen.entryId })).toMatchObject({ ok: true });
    await started;
    expect(await ack(staff.socket, 'conversation:take', {})).toMatchObject({ ok: false, code: 'limit' });
    expect(await ack(staff.socket, 'conversation:take', { entryId: chosen.entryId })).toMatchObject({ ok: false, code: 'limit' });
  });
});

describe('transfer', () => {
  test('to a colleague: the colleague gets the history, the young person only a short notice', async () => {
    h = await startChat({
      accounts: [
        ['Sanne', 'counsellor'],
        ['Kees', 'counsellor'],
      ],
    });
    const { youth, staff, id } = await talking(h);
    await ack(youth, 'message:send', { text: 'eerste bericht' });
    const kees = await h.staff('Kees');
    const assigned = next<{ conversation: ConversationView; reason: string }>(kees.socket, 'conversation:assigned');
    const gone = next(staff, 'conversation:ended');
    const notice = next<ChatMessage>(youth, 'message');
    expect(await ack(staff, 'conversation:transfer', { conversationId: id, to: 'kees' })).toEqual({ ok: true });
    expect(await gone).toEqual({ conversationId: id, by: 'transferred' });
    const { conversation, reason } = await assigned;
    expect(reason).toBe('transferred');
    expect(conversation.messages.some((m) => m.from === 'youth' && m.text === 'eerste bericht')).toBe(true);
    expect(await notice).toMatchObject({ from: 'system', notice: 'transferred', name: 'Kees' });
    // Sanne can no longer write in it; Kees can.
    expect(await ack(staff, 'message:send', { conversationId: id, text: 'x' })).toMatchObject({ ok: false, code: 'not_yours' });
    expect(await ack(kees.socket, 'message:send', { conversationId: id, text: 'hoi, ik neem het over' })).toMatchObject({ ok: true });
    expect(await ack(kees.socket, 'conversation:transfer', { conversationId: id, to: 'Niemand' })).toMatchObject({ ok: false, code: 'colleague_unknown' });
  });

  test('back to the queue: at the front, with a notice', async () => {
    h = await startChat({ accounts: [['Sanne', 'counsellor']] });
    const other = await h.youth();
    const { youth, staff, id } = await talking(h);
    await ack(other.socket, 'queue:join', {});
    const position = next<{ position: number }>(youth, 'queue:position');
    expect(await ack(staff, 'conversation:transfer', { conversationId: id })).toEqual({ ok: true });
    expect(await position).toMatchObject({ position: 1 });
    expect((await h.store.listQueue()).map((e) => e.conversationId ?? null)).toEqual([id, null]);
  });
});

describe('safety in a conversation', () => {
  test('a supervisor on another staff page hears the alarm there, without being online for the chat', async () => {
    h = await startChat({
      accounts: [
        ['Sanne', 'counsellor'],
        ['Fatima', 'supervisor'],
      ],
    });
    const figures = await h.watcher('Fatima');
    expect(figures.flags).toEqual([]);
    const { staff, id } = await talking(h);
    // Not online, not in the team: nobody hands her a young person while she reads the figures.
    expect(await h.store.getPresence('fatima')).toBeFalsy();
    const team = next<{ members: { name: string }[] }>(staff, 'team:update');
    await ackOk(staff, 'presence:set', { available: false });
    expect((await team).members.map((m) => m.name)).toEqual(['Sanne']);
    const alert = next<{ conversationId: string; counsellorName: string }>(figures.socket, 'flag:alert');
    await ackOk(staff, 'conversation:flag', { conversationId: id });
    expect(await alert).toMatchObject({ conversationId: id, counsellorName: 'Sanne' });
    // A counsellor's watcher hears no supervisors' alarm.
    const sanneFigures = await h.watcher('Sanne');
    expect(sanneFigures.flags).toEqual([]);
  });

  test('"zorgelijk" alerts supervisors, gives the crisis script; a supervisor reads along, the young person is told, and she can step in as a second counsellor', async () => {
    h = await startChat({
      accounts: [
        ['Sanne', 'counsellor'],
        ['Fatima', 'supervisor'],
        ['Mo', 'counsellor'],
      ],
    });
    const { youth, staff, id } = await talking(h);
    const fatima = await h.staff('Fatima');
    const youthMessages = collect<ChatMessage>(youth, 'message');
    const alert = next<{ conversationId: string; counsellorName: string }>(fatima.socket, 'flag:alert');
    const flagged = await ackOk(staff, 'conversation:flag', { conversationId: id });
    expect(flagged.crisisLines.map((l) => l.phone)).toEqual(expect.arrayContaining(['112', '0800-0113', '0800-2000']));
    // Named as the counsellor names the young person, with topic and danger signal, so two flags can be told apart.
    const number = (await h.store.getConversation(id))?.number;
    expect(await alert).toMatchObject({ conversationId: id, counsellorName: 'Sanne', number, danger: false });
    expect((await h.staff('Fatima')).state.flags).toMatchObject([{ conversationId: id, number, topic: null, danger: false }]);

    expect(await ack(staff, 'conversation:observe', { conversationId: id })).toMatchObject({ ok: false, code: 'supervisor_only' });
    const observed = await ackOk(fatima.socket, 'conversation:observe', { conversationId: id });
    expect(observed.conversation).toMatchObject({ readOnly: true, flagged: true });
    const reads = next<{ message: ChatMessage }>(fatima.socket, 'message');
    await ack(youth, 'message:send', { text: 'ik weet het niet meer' });
    expect((await reads).message).toMatchObject({ from: 'youth', text: 'ik weet het niet meer' });
    // Reading along is never hidden: one neutral notice, also when she opens it a second time.
    await eventually(() => youthMessages.some((m) => m.from === 'system' && m.notice === 'colleagueReading'));
    await ack(fatima.socket, 'conversation:observe', { conversationId: id });
    // Stepping in: her message reaches the young person and the counsellor, marked as a colleague's.
    const sanneHears = next<{ message: ChatMessage }>(staff, 'message');
    expect(await ack(fatima.socket, 'message:send', { conversationId: id, text: 'Ik lees mee en help even.' })).toMatchObject({ ok: true });
    expect((await sanneHears).message).toMatchObject({ from: 'counsellor', name: 'Fatima', colleague: true });
    await eventually(() => youthMessages.some((m) => m.from === 'counsellor' && m.colleague === true));
    expect(youthMessages.filter((m) => m.from === 'system' && m.notice === 'colleagueReading')).toHaveLength(1);
    // Sanne's own messages are not marked; another counsellor who does not read along cannot write.
    expect(await ack(staff, 'message:send', { conversationId: id, text: 'Dank je.' })).toMatchObject({ ok: true });
    expect(youthMessages.at(-1)).not.toHaveProperty('colleague');
    const mo = await h.staff('Mo');
    expect(await ack(mo.socket, 'message:send', { conversationId: id, text: 'x' })).toMatchObject({ ok: false, code: 'not_yours' });
    // When she stops reading along, the young person is told that too (once; a second stop says nothing).
    expect(await ack(fatima.socket, 'conversation:unobserve', { conversationId: id })).toEqual({ ok: true });
    await eventually(() => youthMessages.some((m) => m.from === 'system' && m.notice === 'colleagueStopped'));
    expect(await ack(fatima.socket, 'conversation:unobserve', { conversationId: id })).toEqual({ ok: true });
    await ack(staff, 'message:send', { conversationId: id, text: 'Ben je er nog?' });
    await eventually(() => youthMessages.at(-1)?.from === 'counsellor');
    expect(youthMessages.filter((m) => m.from === 'system' && m.notice === 'colleagueStopped')).toHaveLength(1);
  });

  test('block: the session is refused for a day, the network only briefly; the raw address is never stored', async () => {
    h = await startChat({ accounts: [['Sanne', 'counsellor']], fakeClock: true, config: { networkBlockMs: 15 * 60_000 } });
    const { youth, token, staff, id } = await talking(h);
    const ended = next<{ by: string }>(youth, 'conversation:ended');
    expect(await ack(staff, 'conversation:block', { conversationId: id })).toEqual({ ok: true });
    expect(await ended).toMatchObject({ by: 'blocked' });

    const again = await h.youth({ token });
    expect(await ack(again.socket, 'queue:join', {})).toMatchObject({ ok: false, code: 'blocked' });
    // Same network (127.0.0.1), new tab: blocked for the short network period only.
    const classmate = await h.youth();
    expect(await ack(classmate.socket, 'queue:join', {})).toMatchObject({ ok: false, code: 'blocked' });
    h.clock.now += 16 * 60_000;
    expect(await ack(classmate.socket, 'queue:join', {})).toMatchObject({ ok: true });
    expect(await ack(again.socket, 'queue:join', {})).toMatchObject({ ok: false, code: 'blocked' });
    h.clock.now += 24 * 60 * 60_000;
    expect(await ack(again.socket, 'queue:join', {})).toMatchObject({ ok: true });
    expect(JSON.stringify([...(h.store as unknown as { blocks: Map<string, number> }).blocks.keys()])).not.toMatch(/127\.0\.0\.1|::1|ffff/);
  });
});
