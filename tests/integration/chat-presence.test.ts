/**
 * Who counts as online and available, with several consoles per counsellor and reconnects. A
 * counsellor whose console is connected must always be counted (and be able to take a young person);
 * a young person whose tab is connected must never be marked as dropped.
 */
import { afterEach, describe, expect, test } from 'vitest';
import type { Pusher } from '../../chat-server/chat/context.ts';
import { ack, ackOk, collect, eventually, next, startChat, type Harness } from './chat-harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/**
 * Holds the answer of "how many sockets does this one still have?" until `release()`: the moment
 * between a dropped socket's disconnect and the server's bookkeeping, made as long as a test needs.
 */
function holdSocketCounts(push: Pusher, which: 'staffSockets' | 'youthSockets') {
  const original = push[which].bind(push);
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let asked = 0;
  push[which] = async (key: string) => {
    const n = await original(key);
    asked += 1;
    await gate;
    return n;
  };
  return {
    release,
    asked: () => asked,
    restore: () => (push[which] = original),
  };
}

describe('counsellor presence', () => {
  test('a console that reconnects while the server still handles the old socket stays online and available', async () => {
    h = await startChat({ accounts: [['Sanne', 'counsellor']], config: { counsellorGraceMs: 60_000 }, fakeClock: true, sweepTimer: false });
    const c = h;
    const first = await c.staff('Sanne');
    const held = holdSocketCounts(c.chat.context.push, 'staffSockets');
    first.socket.disconnect();
    // The server counted no socket for Sanne, and is about to mark her away ...
    await eventually(() => held.asked() === 1);
    // ... while her console is back already.
    const again = await c.staff('Sanne');
    held.release();
    await eventually(() => c.logs.some((l) => l.includes('"staff.away"')));
    held.restore();
    await eventually(async () => (await c.store.getPresence('sanne'))?.online === true);
    // Long after the grace period she still counts: a young person gets an estimate, and she can take them.
    c.clock.now += 120_000;
    await c.chat.sweep();
    const youth = await c.youth();
    expect(await ack(youth.socket, 'queue:join', {})).toMatchObject({ ok: true, position: 1, waitMinutes: 1 });
    expect(await ackOk(again.socket, 'conversation:take', {})).toMatchObject({ ok: true });
  });

  test('two consoles of one counsellor and one of a colleague: reconnects, pause and closing a console', async () => {
    h = await startChat({
      accounts: [
        ['Sanne', 'counsellor'],
        ['Kees', 'counsellor'],
      ],
      config: { counsellorGraceMs: 60_000 },
    });
    const c = h;
    const tabA = await c.staff('Sanne');
    const tabB = await c.staff('Sanne');
    const kees = await c.staff('Kees');
    const team = collect<{ members: { name: string; available: boolean }[] }>(kees.socket, 'team:update');

    // A pause in one console is the pause of the counsellor: her other console hears it.
    const toldB = next<{ available: boolean }>(tabB.socket, 'presence:update');
    await ackOk(tabA.socket, 'presence:set', { available: false });
    expect(await toldB).toEqual({ available: false });
    await eventually(() => team.at(-1)?.members.find((m) => m.name === 'Sanne')?.available === false);
    await ackOk(tabB.socket, 'presence:set', { available: true });
    await eventually(() => team.at(-1)?.members.find((m) => m.name === 'Sanne')?.available === true);

    // Console A drops and comes back; B never left: Sanne stays online throughout, and logged in.
    const expiredB = collect(tabB.socket, 'session:expired');
    tabA.socket.disconnect();
    const tabA2 = await c.staff('Sanne');
    expect(tabA2.state.available).toBe(true);
    expect((await c.store.getPresence('sanne'))?.online).toBe(true);

    // Both consoles can act; a young person taken in one shows in the conversations of both after a reload.
    const youth = await c.youth();
    await ack(youth.socket, 'queue:join', {});
    const taken = await ackOk(tabB.socket, 'conversation:take', {});
    const reloaded = await c.staff('Sanne');
    expect(reloaded.state.conversations.map((v) => v.conversationId)).toEqual([taken.conversation.conversationId]);

    // Closing one console of two: still online. Closing all: away (the grace period starts).
    tabB.socket.disconnect();
    await eventually(async () => (await c.store.getPresence('sanne'))?.online === true);
    tabA2.socket.disconnect();
    reloaded.socket.disconnect();
    await eventually(async () => (await c.store.getPresence('sanne'))?.online === false);
    // The colleague was never touched, and no console was logged out.
    expect((await c.store.getPresence('kees'))?.online).toBe(true);
    expect(expiredB).toEqual([]);
    expect(await ackOk(kees.socket, 'presence:set', { available: true })).toMatchObject({ ok: true });
  });

  test('a counsellor whose presence went missing while a console is connected is counted again, not told to log in', async () => {
    h = await startChat({ accounts: [['Sanne', 'counsellor']], config: { counsellorGraceMs: 1000 }, fakeClock: true, sweepTimer: false });
    const c = h;
    const sanne = await c.staff('Sanne');
    // Whatever marked her away (another node, a lost update): the sweep must look at her sockets.
    const presence = await c.store.getPresence('sanne');
    if (!presence) throw new Error('no presence after connecting');
    await c.store.putPresence({ ...presence, online: false, disconnectedAt: c.clock.now - 5000 });
    await c.chat.sweep();
    expect(await c.store.getPresence('sanne')).toMatchObject({ online: true });
    // Even with the record gone, her connected console can take a young person.
    await c.store.deletePresence('sanne');
    const youth = await c.youth();
    await ack(youth.socket, 'queue:join', {});
    expect(await ackOk(sanne.socket, 'conversation:take', {})).toMatchObject({ ok: true });
    expect(await c.store.getPresence('sanne')).toMatchObject({ online: true, available: true });
  });
});

describe('young person presence', () => {
  test('a connection that silently died is noticed within about 15 s, not the 45 s of the defaults', async () => {
    h = await startChat();
    const { pingInterval = 0, pingTimeout = 0 } = h.chat.io.engine.opts;
    // The worst case: the line dies just after a ping was answered.
    expect(pingInterval + pingTimeout).toBeLessThanOrEqual(15_000);
    // Not so eager that a slow phone network's late answer counts as gone.
    expect(pingTimeout).toBeGreaterThanOrEqual(5000);
  });

  test('a tab that reconnects while the server still handles the old socket is not marked as dropped', async () => {
    h = await startChat({ fakeClock: true, sweepTimer: false, config: { queuedResumeWindowMs: 60_000 } });
    const c = h;
    const first = await c.youth();
    await ack(first.socket, 'queue:join', {});
    const held = holdSocketCounts(c.chat.context.push, 'youthSockets');
    first.socket.disconnect();
    await eventually(() => held.asked() === 1);
    const back = await c.youth({ token: first.token });
    expect(back.state).toMatchObject({ phase: 'queued', position: 1 });
    held.release();
    await eventually(() => c.logs.some((l) => l.includes('"youth.away"')));
    held.restore();
    await eventually(async () => (await c.store.queueCounts()).connected === 1);
    // The grace period passes: a connected young person keeps their place.
    c.clock.now += 120_000;
    await c.chat.sweep();
    expect(await c.store.queueCounts()).toEqual({ connected: 1, dropped: 0 });
  });
});
