/**
 * What the server tells the workspace about a conversation: one name for the young person in every
 * console, the danger signal from the young person's words, and the transferring counsellor's note.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { MAX_HANDOVER_NOTE_LENGTH } from '../../shared/protocol/limits.ts';
import type { ConversationView } from '../../shared/protocol/events.ts';
import { ack, ackError, ackOk, collect, eventually, next, rawAck, startChat, type Harness } from './chat-harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function talking(c: Harness, counsellor: string) {
  const youth = await c.youth();
  await ack(youth.socket, 'queue:join', {});
  const staff = await c.staff(counsellor);
  const { conversation } = await ackOk(staff.socket, 'conversation:take', {});
  return { youth, staff, conversation, id: conversation.conversationId };
}

describe('one name per conversation', () => {
  test('the counsellor, a second console and a supervisor reading along all see the same "Jongere N"; the next conversation gets the next number', async () => {
    h = await startChat({
      accounts: [
        ['Sanne', 'counsellor'],
        ['Fatima', 'supervisor'],
      ],
      config: { maxConversationsPerCounsellor: 3 },
    });
    const c = h;
    const first = await talking(c, 'Sanne');
    // A supervisor's console was open before: it has seen other conversations, so a per-console count would differ.
    const fatima = await c.staff('Fatima');
    await ackOk(first.staff.socket, 'conversation:flag', { conversationId: first.id });
    const observed = await ackOk(fatima.socket, 'conversation:observe', { conversationId: first.id });
    expect(observed.conversation.number).toBe(first.conversation.number);
    const secondConsole = await c.staff('Sanne');
    expect(secondConsole.state.conversations.map((v) => v.number)).toEqual([first.conversation.number]);

    const youth2 = await c.youth();
    await ack(youth2.socket, 'queue:join', {});
    const second = await ackOk(secondConsole.socket, 'conversation:take', {});
    expect(second.conversation.number).toBe(first.conversation.number + 1);

    // Handed back to the queue and taken again: still the same young person, the same name.
    await ackOk(secondConsole.socket, 'conversation:transfer', { conversationId: second.conversation.conversationId });
    const again = await ackOk(first.staff.socket, 'conversation:take', {});
    expect(again.conversation.number).toBe(second.conversation.number);
  });
});

describe('a counsellor with two consoles', () => {
  test('a conversation taken in one tab shows in the other at once, with the young person’s messages', async () => {
    h = await startChat({ accounts: [['Sanne', 'counsellor']] });
    const youth = await h.youth();
    await ack(youth.socket, 'queue:join', {});
    const tabA = await h.staff('Sanne');
    const tabB = await h.staff('Sanne');
    const assignedInB = next<{ conversation: ConversationView; reason: string }>(tabB.socket, 'conversation:assigned');
    const { conversation } = await ackOk(tabA.socket, 'conversation:take', {});
    expect(await assignedInB).toMatchObject({ reason: 'taken', conversation: { conversationId: conversation.conversationId, number: conversation.number } });
    const messageInB = next<{ conversationId: string }>(tabB.socket, 'message');
    await ack(youth.socket, 'message:send', { text: 'hallo?? is daar iemand' });
    expect(await messageInB).toMatchObject({ conversationId: conversation.conversationId });
  });
});

describe('danger signal from the young person’s words', () => {
  test('a message that suggests acute danger raises the signal once, for the counsellor and readers, without text in the log', async () => {
    h = await startChat({ accounts: [['Sanne', 'counsellor']] });
    const c = h;
    const { youth, staff, id } = await talking(c, 'Sanne');
    const signals = collect<{ conversationId: string }>(staff.socket, 'conversation:danger');
    await ackOk(youth.socket, 'message:send', { text: 'ik heb ruzie met mn moeder' });
    await ackOk(youth.socket, 'message:send', { text: 'soms wil k er nie meer zijn echt' });
    await eventually(() => signals.length === 1);
    expect(signals).toEqual([{ conversationId: id }]);
    await ackOk(youth.socket, 'message:send', { text: 'ik denk aan zelfmoord' });
    // A reloaded console still shows it; the signal was raised once.
    const reloaded = await c.staff('Sanne');
    expect(reloaded.state.conversations[0]).toMatchObject({ conversationId: id, danger: true, flagged: false });
    expect(signals).toHaveLength(1);
    expect(c.logs.some((l) => l.includes('"conversation.danger_signal"'))).toBe(true);
    for (const text of ['nie meer zijn', 'zelfmoord', 'ruzie']) expect(c.logs.join('\n')).not.toContain(text);
    // Flagging stays one step for the counsellor.
    expect(await ackOk(staff.socket, 'conversation:flag', { conversationId: id })).toMatchObject({ ok: true });
  });

  test('ordinary worries raise no signal', async () => {
    h = await startChat({ accounts: [['Sanne', 'counsellor']] });
    const c = h;
    const { youth, staff, id } = await talking(c, 'Sanne');
    const signals = collect(staff.socket, 'conversation:danger');
    for (const text of ['ik ben zo moe van school', 'mijn ouders gaan scheiden', 'ik baal ervan dat ik dood moe ben']) {
      await ackOk(youth.socket, 'message:send', { text });
    }
    const reloaded = await c.staff('Sanne');
    expect(reloaded.state.conversations.find((v) => v.conversationId === id)?.danger).toBe(false);
    expect(signals).toEqual([]);
  });
});

describe('handover note on transfer', () => {
  test('the receiving counsellor reads the note; it is gone when the conversation ends and never in the log', async () => {
    h = await startChat({
      accounts: [
        ['Sanne', 'counsellor'],
        ['Kees', 'counsellor'],
      ],
    });
    const c = h;
    const { youth, staff, id } = await talking(c, 'Sanne');
    const kees = await c.staff('Kees');
    const note = 'Gaat over pesten op school, wil niet dat ouders het weten. Ze noemt zichzelf Mo.';
    const assigned = next<{ conversation: ConversationView }>(kees.socket, 'conversation:assigned');
    await ackOk(staff.socket, 'conversation:transfer', { conversationId: id, to: 'Kees', note: `  ${note}  ` });
    const { conversation } = await assigned;
    expect(conversation.handover).toMatchObject({ from: 'Sanne', note });
    // Kees reloads: the note is still there while the conversation lasts.
    const reloaded = await c.staff('Kees');
    expect(reloaded.state.conversations[0]?.handover?.note).toBe(note);
    expect(c.logs.join('\n')).not.toContain('pesten');

    // Handed on again without a note: the old note (meant for Kees) does not travel along.
    const sanneAgain = next<{ conversation: ConversationView }>(staff.socket, 'conversation:assigned');
    await ackOk(kees.socket, 'conversation:transfer', { conversationId: id, to: 'Sanne', note: '   ' });
    expect((await sanneAgain).conversation.handover).toBeUndefined();

    await ackOk(youth.socket, 'session:end', { reason: 'stop' });
    expect(await c.store.getConversation(id)).toBeNull();
    expect(c.store.counts().conversations).toBe(0);
  });

  test('a note handed back to the queue reaches whoever takes the young person next', async () => {
    h = await startChat({
      accounts: [
        ['Sanne', 'counsellor'],
        ['Kees', 'counsellor'],
      ],
    });
    const c = h;
    const { staff, id } = await talking(c, 'Sanne');
    await ackOk(staff.socket, 'conversation:transfer', { conversationId: id, note: 'Wil graag een man spreken.' });
    const kees = await c.staff('Kees');
    const taken = await ackOk(kees.socket, 'conversation:take', {});
    expect(taken.conversation.handover).toMatchObject({ from: 'Sanne', note: 'Wil graag een man spreken.' });
  });

  test('a note that is too long, or not text, is refused in Dutch and nothing is transferred', async () => {
    h = await startChat({
      accounts: [
        ['Sanne', 'counsellor'],
        ['Kees', 'counsellor'],
      ],
    });
    const c = h;
    const { staff, id } = await talking(c, 'Sanne');
    await c.staff('Kees');
    const tooLong = await ackError(staff.socket, 'conversation:transfer', { conversationId: id, to: 'Kees', note: 'x'.repeat(MAX_HANDOVER_NOTE_LENGTH + 1) });
    expect(tooLong).toMatchObject({ code: 'note_too_long' });
    expect(tooLong.error).toBe(
      `Je notitie voor je collega is te lang. Die mag maximaal ${MAX_HANDOVER_NOTE_LENGTH} tekens hebben. Maak hem korter; er is nog niets overgedragen.`,
    );
    expect(await ack(staff.socket, 'conversation:transfer', { conversationId: id, to: 'Kees', note: 'x'.repeat(MAX_HANDOVER_NOTE_LENGTH) })).toMatchObject({
      ok: true,
    });
    const back = await c.staff('Kees');
    expect(back.state.conversations).toHaveLength(1);
    for (const note of [42, ['a'], { text: 'a' }, 'x'.repeat(5000)]) {
      const answer = await rawAck(back.socket, 'conversation:transfer', { conversationId: id, to: 'Sanne', note });
      expect(answer).toMatchObject({ ok: false });
    }
    expect((await c.store.getConversation(id))?.counsellorKey).toBe('kees');
  });
});
