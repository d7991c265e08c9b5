/** Security review, finding 10: a supervisor reads along only with conversations marked "zorgelijk". */
import { afterEach, expect, test } from 'vitest';
import { ack, ackOk, startChat, type Harness } from './chat-harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

test('reading along with an unflagged conversation is refused, even with its id; after the flag it works', async () => {
  h = await startChat({
    accounts: [
      ['Sanne', 'counsellor'],
      ['Fatima', 'supervisor'],
    ],
  });
  const youth = await h.youth();
  await ack(youth.socket, 'queue:join', {});
  const sanne = await h.staff('Sanne');
  const taken = await ackOk(sanne.socket, 'conversation:take', {});
  const id = taken.conversation.conversationId;
  const fatima = await h.staff('Fatima');
  const seen: unknown[] = [];
  fatima.socket.on('message', (m) => seen.push(m));

  expect(await ack(fatima.socket, 'conversation:observe', { conversationId: id })).toMatchObject({
    ok: false,
    code: 'not_flagged',
    error: 'Meelezen kan alleen bij een gesprek dat als zorgelijk is gemarkeerd.',
  });
  expect((await h.store.getConversation(id))?.observers).toEqual([]);
  await ack(youth.socket, 'message:send', { text: 'dit is privé' });
  await new Promise((r) => setTimeout(r, 100));
  expect(seen).toEqual([]);

  await ack(sanne.socket, 'conversation:flag', { conversationId: id });
  expect(await ack(fatima.socket, 'conversation:observe', { conversationId: id })).toMatchObject({ ok: true, conversation: { readOnly: true, flagged: true } });
});
