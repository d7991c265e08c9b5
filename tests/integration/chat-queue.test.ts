import { afterEach, describe, expect, test } from 'vitest';
import { openingScheduleSchema } from '../../shared/schedule.ts';
import { ack, ackError, ackOk, collect, eventually, next, startChat, type Harness } from './chat-harness.ts';
import { defined } from '../support/defined.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('the queue', () => {
  test('young people queue in order, see their position, and move up when someone leaves or is taken', async () => {
    h = await startChat({ accounts: [['Sanne', 'counsellor']] });
    const a = await h.youth();
    const b = await h.youth();
    const c = await h.youth();
    expect(a.state.phase).toBe('idle');
    expect(await ack(a.socket, 'queue:join', { topic: 'school' })).toMatchObject({ ok: true, position: 1 });
    expect(await ack(b.socket, 'queue:join', {})).toMatchObject({ ok: true, position: 2 });
    expect(await ack(c.socket, 'queue:join', { ageBand: '12-18' })).toMatchObject({ ok: true, position: 3 });

    const cPositions = collect<{ position: number }>(c.socket, 'queue:position');
    expect(await ack(b.socket, 'session:end', { reason: 'stop' })).toMatchObject({ ok: true });
    await eventually(() => cPositions.at(-1)?.position === 2);

    const staff = await h.staff('Sanne');
    expect(staff.state.queue.map((e) => [e.position, e.topic, e.ageBand])).toEqual([
      [1, 'school', null],
      [2, null, '12-18'],
    ]);
    const started = next<{ counsellorName: string }>(a.socket, 'conversation:started');
    const taken = await ackOk(staff.socket, 'conversation:take', {});
    expect(taken).toMatchObject({ ok: true, conversation: { topic: 'school' } });
    expect(await started).toEqual({ counsellorName: 'Sanne' });
    await eventually(() => cPositions.at(-1)?.position === 1);
  });

  test('connected young people are offered first; one whose connection dropped keeps a marked place and is taken when nobody connected waits or when chosen', async () => {
    h = await startChat({ accounts: [['Sanne', 'counsellor']], config: { maxConversationsPerCounsellor: 4 } });
    const a = await h.youth();
    const b = await h.youth();
    const c = await h.youth();
    for (const y of [a, b, c]) await ack(y.socket, 'queue:join', {});
    const staff = await h.staff('Sanne');
    const updates = collect<{ entries: { connected: boolean; position: number }[] }>(staff.socket, 'queue:update');
    a.socket.disconnect();
    await eventually(
      () =>
        updates
          .at(-1)
          ?.entries.map((e) => e.connected)
          .join() === 'true,true,false',
    );
    const dropped = defined(updates.at(-1), 'a queue update').entries.at(2);
    expect(dropped).toMatchObject({ position: 3, connected: false });
    // The next one is b (connected), not a (first to arrive, but away).
    const bStarted = next(b.socket, 'conversation:started');
    await ack(staff.socket, 'conversation:take', {});
    await bStarted;
    // a comes back within the resume window: connected again, ahead of c by arrival.
    const back = await h.youth({ token: a.token });
    expect(back.state).toMatchObject({ phase: 'queued', position: 1 });
    await eventually(
      () =>
        updates
          .at(-1)
          ?.entries.map((e) => e.connected)
          .join() === 'true,true',
    );
    back.socket.disconnect();
    await eventually(
      () =>
        updates
          .at(-1)
          ?.entries.map((e) => e.connected)
          .join() === 'true,false',
    );
    const cStarted = next(c.socket, 'conversation:started');
    await ack(staff.socket, 'conversation:take', {});
    await cStarted;
    // Only the dropped one is left: it is offered now, and its place was kept.
    const taken = await ackOk(staff.socket, 'conversation:take', {});
    expect(taken.conversation.youthConnected).toBe(false);
  });

  test('a change that does not move someone sends them nothing', async () => {
    h = await startChat();
    const [a, b, c, d] = await Promise.all([h.youth(), h.youth(), h.youth(), h.youth()]);
    // Each join is answered with a place; the next change re-sends it once, then only moves count.
    for (const [i, y] of [a, b, c].entries()) expect(await ack(y.socket, 'queue:join', {})).toMatchObject({ ok: true, position: i + 1 });
    const aPositions = collect<{ position: number }>(a.socket, 'queue:position');
    const bPositions = collect<{ position: number }>(b.socket, 'queue:position');
    const dPositions = collect<{ position: number }>(d.socket, 'queue:position');
    expect(await ack(d.socket, 'queue:join', {})).toMatchObject({ ok: true, position: 4 });
    // c leaves: d moves up, a and b stay where they were.
    expect(await ack(c.socket, 'session:end', { reason: 'stop' })).toMatchObject({ ok: true });
    await eventually(() => dPositions.at(-1)?.position === 3);
    // An acknowledgement on a socket comes after anything pushed to it before (a retried join changes nothing).
    expect(await ack(a.socket, 'queue:join', {})).toMatchObject({ ok: true, position: 1 });
    expect(await ack(b.socket, 'queue:join', {})).toMatchObject({ ok: true, position: 2 });
    expect(aPositions).toEqual([]);
    expect(bPositions).toEqual([]);
  });

  test('a counsellor online gives an honest estimate; none online gives no estimate', async () => {
    h = await startChat({ accounts: [['Sanne', 'counsellor']], config: { maxConversationsPerCounsellor: 1, assumedConversationMinutes: 20 } });
    const a = await h.youth();
    expect(await ack(a.socket, 'queue:join', {})).toMatchObject({ ok: true, position: 1, waitMinutes: null });
    const before = (await (await fetch(`${h.url}/api/chat/status`)).json()) as { state: string; text: string; waitMinutes?: number };
    expect(before).toMatchObject({ state: 'open' });
    expect(before.waitMinutes).toBeUndefined();
    expect(before.text).toContain('geen medewerker vrij');
    const positions = collect<{ waitMinutes: number | null }>(a.socket, 'queue:position');
    await h.staff('Sanne');
    await eventually(() => positions.at(-1)?.waitMinutes === 1);
    const b = await h.youth();
    // One slot, 20-minute conversations: the second in line waits about 20 minutes.
    expect(await ack(b.socket, 'queue:join', {})).toMatchObject({ ok: true, position: 2, waitMinutes: 20 });
  });

  test('beyond the cap the young person hears it is too busy, and the status says busy', async () => {
    h = await startChat({ config: { queueCap: 2 } });
    for (let i = 0; i < 2; i++) expect(await ack((await h.youth()).socket, 'queue:join', {})).toMatchObject({ ok: true });
    const late = await h.youth();
    const refused = await ackError(late.socket, 'queue:join', {});
    expect(refused).toMatchObject({ ok: false, code: 'busy' });
    expect(refused.error).toMatch(/druk/);
    const status: unknown = await (await fetch(`${h.url}/api/chat/status`)).json();
    expect(status).toMatchObject({ state: 'busy' });
  });

  test('young people whose connection dropped never make the chat "druk" for one who is here', async () => {
    // Everyone here comes from 127.0.0.1: one network, with room for four places (dropped ones count) from it.
    h = await startChat({ config: { queueCap: 2, queuePerNetwork: 4 } });
    const c = h;
    const dropped = [await c.youth(), await c.youth()];
    for (const y of dropped) expect(await ack(y.socket, 'queue:join', {})).toMatchObject({ ok: true });
    for (const y of dropped) y.socket.disconnect();
    await eventually(async () => (await c.store.queueCounts()).dropped === 2);
    // Both places are held by people who are not there: the status is open, not busy.
    expect(await (await fetch(`${c.url}/api/chat/status`)).json()).toMatchObject({ state: 'open' });
    const real = await c.youth();
    expect(real.state.status.state).toBe('open');
    // The one who is here goes ahead of the dropped ones.
    expect(await ack(real.socket, 'queue:join', {})).toMatchObject({ ok: true, position: 1 });
    const second = await c.youth();
    expect(await ack(second.socket, 'queue:join', {})).toMatchObject({ ok: true, position: 2 });
    // Now two connected young people wait: that is full.
    const third = await c.youth();
    expect(await ackError(third.socket, 'queue:join', {})).toMatchObject({ code: 'busy' });
    // (The status is cached for a second.)
    await eventually(async () => ((await (await fetch(`${c.url}/api/chat/status`)).json()) as { state: string }).state === 'busy');
    expect(await c.store.queueCounts()).toEqual({ connected: 2, dropped: 2 });
  });

  test('dropped places are bounded: past twice the cap the oldest dropped place goes, not a young person who is here', async () => {
    h = await startChat({ config: { queueCap: 2, queuePerNetwork: 10 } });
    const c = h;
    const gone: Awaited<ReturnType<Harness['youth']>>[] = [];
    for (let i = 0; i < 4; i++) {
      const y = await c.youth();
      expect(await ack(y.socket, 'queue:join', {})).toMatchObject({ ok: true });
      y.socket.disconnect();
      await eventually(async () => (await c.store.queueCounts()).dropped === i + 1);
      gone.push(y);
    }
    const here = await c.youth();
    expect(await ack(here.socket, 'queue:join', {})).toMatchObject({ ok: true, position: 1 });
    expect(await c.store.queueCounts()).toEqual({ connected: 1, dropped: 3 });
    // The first one to drop lost the place; coming back, that tab starts again.
    const [firstGone, secondGone] = gone;
    const back = await c.youth({ token: firstGone.token, lastSeq: 0 });
    expect(back.state).toMatchObject({ phase: 'idle', expired: true });
    // The second one's place was kept: back within the grace period, their earlier arrival counts again.
    const stillKept = await c.youth({ token: secondGone.token });
    expect(stillKept.state).toMatchObject({ phase: 'queued', resumed: true, position: 1 });
  });

  test('dropped young people leave the queue when their grace period ends, and are never offered before someone connected', async () => {
    h = await startChat({ accounts: [['Sanne', 'counsellor']], fakeClock: true, sweepTimer: false, config: { queuedResumeWindowMs: 60_000 } });
    const c = h;
    const away = await c.youth();
    await ack(away.socket, 'queue:join', {});
    away.socket.disconnect();
    await eventually(async () => (await c.store.queueCounts()).dropped === 1);
    const here = await c.youth();
    expect(await ack(here.socket, 'queue:join', {})).toMatchObject({ ok: true, position: 1 });
    const staff = await c.staff('Sanne');
    expect(staff.state.queue.map((e) => e.connected)).toEqual([true, false]);
    c.clock.now += 61_000;
    await c.chat.sweep();
    expect(await c.store.queueCounts()).toEqual({ connected: 1, dropped: 0 });
    const taken = await ackOk(staff.socket, 'conversation:take', {});
    expect(taken.conversation.youthConnected).toBe(true);
  });

  test('outside opening hours the chat is closed and says when it opens', async () => {
    // Monday 2026-03-02 10:00 in Amsterdam (09:00 UTC); the chat opens at 14:00.
    h = await startChat({
      alwaysOpen: false,
      fakeClock: true,
      config: { schedule: openingScheduleSchema.parse({ timeZone: 'Europe/Amsterdam', hours: [{ days: [1, 2, 3, 4, 5], opens: '14:00', closes: '21:00' }] }) },
    });
    h.clock.now = Date.parse('2026-03-02T09:00:00Z');
    const a = await h.youth();
    expect(a.state.status.state).toBe('closed');
    const refused = await ackError(a.socket, 'queue:join', {});
    expect(refused).toMatchObject({ ok: false, code: 'closed', opensAt: '2026-03-02T13:00:00.000Z' });
    expect(refused.error).toContain('14:00');
    const res = await fetch(`${h.url}/api/chat/status`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toMatchObject({ state: 'closed', opensAt: '2026-03-02T13:00:00.000Z' });

    h.clock.now = Date.parse('2026-03-02T13:30:00Z');
    expect(await ack(a.socket, 'queue:join', {})).toMatchObject({ ok: true, position: 1 });
    // The status is cached for a second of the (fake) clock.
    h.clock.now += 2000;
    expect(await (await fetch(`${h.url}/api/chat/status`)).json()).toMatchObject({ state: 'open' });
  });
});
