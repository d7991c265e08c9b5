/**
 * Failure tests with real processes: chat nodes are child processes (`node chat-server/main.ts`)
 * sharing a real redis-server on 127.0.0.1. A node is killed with SIGKILL (no disconnect handlers
 * run, like a crash). Redis outages are CLIENT PAUSE, so Redis keeps its data in memory: stopping
 * redis-server would lose everything by design (no persistence), which is not the case tested.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { addAccount } from '../../chat-server/accounts/account-file.ts';
import { hashPassword } from '../../chat-server/accounts/password.ts';
import type { ChatMessage, ConversationView, YouthSessionState } from '../../shared/protocol/events.ts';
import { newSessionToken } from '../../src/lib/chat-session.ts';
import { startChatNode, type ChatNode } from '../support/chat-node.ts';
import { defined } from '../support/defined.ts';
import { startRedis, type TestRedis } from '../support/redis.ts';
import { staffLogin } from '../support/staff-login.ts';

const PASSWORD = 'een-lang-wachtwoord';
let redis: TestRedis;
let dataDir: string;
let prefixCounter = 0;
let nodes: ChatNode[] = [];
let sockets: Socket[] = [];

beforeAll(async () => {
  redis = await startRedis();
  dataDir = mkdtempSync(join(tmpdir(), 'cjg-failover-'));
  for (const name of ['Sanne', 'Kees']) addAccount(dataDir, name, 'counsellor', await hashPassword(PASSWORD, { N: 2 ** 10, r: 8, p: 1 }));
});
afterEach(async () => {
  for (const s of sockets) s.disconnect();
  sockets = [];
  await Promise.all(nodes.map((n) => n.kill()));
  nodes = [];
});
afterAll(async () => {
  await redis.stop();
});

async function cluster(count: number): Promise<{ prefix: string; start: () => Promise<ChatNode> }> {
  const prefix = `f${++prefixCounter}:`;
  const start = async () => {
    const node = await startChatNode({
      dataDir,
      redisUrl: redis.url,
      env: {
        CJG_REDIS_PREFIX: prefix,
        CJG_REDIS_RECONCILE_SECONDS: '0.5',
        CJG_REDIS_TIMEOUT_MS: '400',
        CJG_CHAT_COUNSELLOR_GRACE_SECONDS: '1',
      },
    });
    nodes.push(node);
    return node;
  };
  for (let i = 0; i < count; i++) await start();
  return { prefix, start };
}

/** A socket and the first `session:state` the server sent it (`unknown`: the callers name the namespace's state). */
function connect(url: string, namespace: string, auth: object): Promise<{ socket: Socket; state: unknown }> {
  const socket = io(`${url}${namespace}`, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no session:state from ${url}${namespace}`)), 5000);
    socket.once('session:state', (state: unknown) => {
      clearTimeout(timer);
      resolve({ socket, state });
    });
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
async function youth(url: string, token: string, lastSeq?: number) {
  const { socket, state } = await connect(url, '/jongeren', { token, ...(lastSeq !== undefined ? { lastSeq } : {}) });
  return { socket, state: state as YouthSessionState };
}
async function counsellor(url: string, name: string) {
  const { socket, state } = await connect(url, '/medewerkers', { token: await staffLogin(url, name, PASSWORD) });
  return { socket, state: state as { conversations: ConversationView[] } };
}
const ack = <T = Record<string, unknown>>(socket: Socket, event: string, payload: unknown) => socket.timeout(4000).emitWithAck(event, payload) as Promise<T>;
function collect<T>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (value: T) => seen.push(value));
  return seen;
}
async function eventually(check: () => boolean | Promise<boolean>, ms = 8000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}
const texts = (messages: ChatMessage[]) => messages.map((m) => (m.from === 'system' ? `[${m.notice}]` : m.text));
const seqs = (messages: ChatMessage[]) => messages.map((m) => m.seq);

describe('chat on two nodes over Redis', () => {
  test('young person on node A, counsellor on node B; A is killed mid-conversation; the young person resumes on B with nothing lost or doubled', async () => {
    const { start } = await cluster(0);
    const a = await start();
    const b = await start();
    const token = newSessionToken();
    const y = await youth(a.url, token);
    expect(await ack(y.socket, 'queue:join', {})).toMatchObject({ ok: true, position: 1 });
    const sanne = await counsellor(b.url, 'Sanne');
    const { conversation } = await ack<{ conversation: ConversationView }>(sanne.socket, 'conversation:take', {});
    const id = conversation.conversationId;
    const youthSeen = collect<ChatMessage>(y.socket, 'message');
    const staffSeen = collect<{ message: ChatMessage }>(sanne.socket, 'message');

    expect(await ack(y.socket, 'message:send', { text: 'hoi', clientId: 'y1' })).toMatchObject({ ok: true, seq: 2 });
    expect(await ack(sanne.socket, 'message:send', { conversationId: id, text: 'hoi, vertel maar', clientId: 's1' })).toMatchObject({ ok: true, seq: 3 });
    await eventually(() => youthSeen.length === 2 && staffSeen.length === 2);

    await a.kill();
    // The counsellor keeps writing while the young person is cut off.
    expect(await ack(sanne.socket, 'message:send', { conversationId: id, text: 'ben je er nog?', clientId: 's2' })).toMatchObject({ ok: true, seq: 4 });
    const lastSeq = defined(youthSeen.at(-1), 'a message the young person saw').seq;
    const back = await youth(b.url, token, lastSeq);
    expect(back.state).toMatchObject({ phase: 'chatting', resumed: true, counsellorName: 'Sanne' });
    expect(texts(back.state.messages)).toEqual(['ben je er nog?']);
    const youthAfter = collect<ChatMessage>(back.socket, 'message');
    // A send the young person retries after the drop (same clientId) is not stored twice.
    expect(await ack(back.socket, 'message:send', { text: 'hoi', clientId: 'y1' })).toMatchObject({ ok: true, seq: 2 });
    expect(await ack(back.socket, 'message:send', { text: 'ja, mijn verbinding viel weg', clientId: 'y2' })).toMatchObject({ ok: true, seq: 5 });
    expect(await ack(sanne.socket, 'message:send', { conversationId: id, text: 'fijn dat je er weer bent', clientId: 's3' })).toMatchObject({
      ok: true,
      seq: 6,
    });
    await eventually(() => youthAfter.length === 2 && staffSeen.length === 5);

    const youthAll = [...youthSeen, ...back.state.messages, ...youthAfter];
    expect(seqs(youthAll)).toEqual([2, 3, 4, 5, 6]);
    expect(seqs(staffSeen.map((s) => s.message))).toEqual([2, 3, 4, 5, 6]);
    expect(texts(youthAll)).toEqual(['hoi', 'hoi, vertel maar', 'ben je er nog?', 'ja, mijn verbinding viel weg', 'fijn dat je er weer bent']);
  });

  test('a node restarts while people wait: they resume on the new process with their places in the same order', async () => {
    const { start } = await cluster(2);
    const [a, b] = nodes as [ChatNode, ChatNode];
    const tokens = [newSessionToken(), newSessionToken(), newSessionToken(), newSessionToken()];
    // First, third and fourth wait on A; the second on B.
    for (const [i, token] of tokens.entries()) {
      const y = await youth(i === 1 ? b.url : a.url, token);
      expect(await ack(y.socket, 'queue:join', { topic: 'school' })).toMatchObject({ ok: true, position: i + 1 });
    }
    await a.kill();
    const again = await start();
    const positions: number[] = [];
    for (const [i, token] of tokens.entries()) {
      if (i === 1) continue;
      const back = await youth(again.url, token, 0);
      expect(back.state).toMatchObject({ phase: 'queued', resumed: true });
      positions.push(defined(back.state.position, 'a queue position'));
    }
    expect(positions).toEqual([1, 3, 4]);
    const kees = await counsellor(b.url, 'Kees');
    expect((await ack<{ conversation: ConversationView }>(kees.socket, 'conversation:take', {})).conversation.topic).toBe('school');
    const sanne = await counsellor(again.url, 'Sanne');
    const queue = collect<{ entries: { position: number }[] }>(sanne.socket, 'queue:update');
    // A change of status broadcasts the queue to every node (setting the same status again would not).
    await ack(kees.socket, 'presence:set', { available: false });
    await eventually(() => queue.at(-1)?.entries.length === 3);
  });

  test('a counsellor on a killed node: after the grace period the conversation goes back to the front of the queue, history kept', async () => {
    await cluster(2);
    const [a, b] = nodes as [ChatNode, ChatNode];
    const y = await youth(b.url, newSessionToken());
    await ack(y.socket, 'queue:join', {});
    const sanne = await counsellor(a.url, 'Sanne');
    await ack(sanne.socket, 'conversation:take', {});
    await ack(y.socket, 'message:send', { text: 'het gaat niet goed', clientId: 'y1' });
    const notices = collect<ChatMessage>(y.socket, 'message');
    await a.kill();
    // Reconciliation (two rounds of 0.5 s) notices Sanne has no socket left; grace 1 s; then requeue.
    await eventually(() => notices.some((m) => m.from === 'system' && m.notice === 'requeued'), 12_000);
    const kees = await counsellor(b.url, 'Kees');
    const taken = await ack<{ conversation: ConversationView }>(kees.socket, 'conversation:take', {});
    expect(texts(taken.conversation.messages)).toEqual(['[counsellorJoined]', 'het gaat niet goed', '[requeued]', '[transferred]']);
  });

  test('Redis briefly unavailable: a clear Dutch error and a degraded /healthz, then recovery with the conversation intact', async () => {
    await cluster(2);
    const [a, b] = nodes as [ChatNode, ChatNode];
    const y = await youth(a.url, newSessionToken());
    await ack(y.socket, 'queue:join', {});
    const sanne = await counsellor(b.url, 'Sanne');
    const { conversation } = await ack<{ conversation: ConversationView }>(sanne.socket, 'conversation:take', {});
    const staffSeen = collect<{ message: ChatMessage }>(sanne.socket, 'message');
    expect(await ack(y.socket, 'message:send', { text: 'voor de storing', clientId: 'y1' })).toMatchObject({ ok: true });

    await redis.command(['CLIENT', 'PAUSE', '2500', 'ALL']);
    const during = await ack<{ ok: boolean; code: string; error: string }>(y.socket, 'message:send', { text: 'tijdens de storing', clientId: 'y2' });
    expect(during).toMatchObject({ ok: false, code: 'unavailable' });
    expect(during.error).toMatch(/even geen verbinding/);
    const health = await fetch(`${a.url}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: 'degraded', store: 'unavailable' });

    await eventually(async () => (await fetch(`${a.url}/healthz`)).status === 200, 8000);
    // The tab retries its unsent message; it arrives once, after the one from before.
    let retry: { ok: boolean; seq?: number } = { ok: false };
    await eventually(async () => {
      retry = await ack(y.socket, 'message:send', { text: 'tijdens de storing', clientId: 'y2' });
      return retry.ok;
    });
    expect(await ack(sanne.socket, 'message:send', { conversationId: conversation.conversationId, text: 'ik lees je weer', clientId: 's1' })).toMatchObject({
      ok: true,
    });
    await eventually(() => staffSeen.length === 3);
    expect(texts(staffSeen.map((s) => s.message))).toEqual(['voor de storing', 'tijdens de storing', 'ik lees je weer']);
    expect(seqs(staffSeen.map((s) => s.message))).toEqual([2, 3, 4]);
    expect(a.logs.some((l) => l.includes('"redis.unavailable"'))).toBe(true);
    expect(a.logs.some((l) => l.includes('"redis.recovered"'))).toBe(true);
  });
});
