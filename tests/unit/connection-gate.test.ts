/**
 * The gate every Socket.IO connection passes before any namespace (chat-server/safety/connection-gate.ts):
 * the Origin check, a cap on open connections per network on this node, and a token bucket on new
 * connections per network. Driven with plain request objects, the in-memory store and fake timers.
 */
import type { IncomingMessage } from 'node:http';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { defaultChatConfig, type ChatConfig } from '../../chat-server/config.ts';
import type { Logger } from '../../chat-server/log.ts';
import { createConnectionGate } from '../../chat-server/safety/connection-gate.ts';
import { MemoryChatStore } from '../../chat-server/store/memory.ts';

const NOW = Date.parse('2026-03-02T15:00:00Z');

function request(address: string, headers: Record<string, string> = {}): IncomingMessage {
  return { headers: { host: 'cjg.example.nl', ...headers }, socket: { remoteAddress: address } } as unknown as IncomingMessage;
}

/** A connection as Engine.IO hands it over: its request, and a way to say it closed. */
function connection(req: IncomingMessage | null) {
  const closers: (() => void)[] = [];
  return {
    request: req,
    once: (_event: 'close', listener: () => void) => closers.push(listener),
    close: () => closers.forEach((c) => c()),
  };
}

function setup(change: Partial<ChatConfig> = {}, store = new MemoryChatStore()) {
  const warnings: string[] = [];
  const logger: Logger = { info: () => undefined, warn: (event) => warnings.push(event), error: () => undefined };
  const config: ChatConfig = {
    ...defaultChatConfig(),
    openConnectionsPerNetwork: 2,
    connectionsPerNetwork: { burst: 100, perSecond: 100 },
    ...change,
  };
  const gate = createConnectionGate({ store, config, now: () => NOW, logger });
  const ask = (req: IncomingMessage) =>
    new Promise<[string | null | undefined, boolean]>((resolve) => gate.allowRequest(req, (error, allowed) => resolve([error, allowed])));
  return { gate, ask, warnings };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('connection gate', () => {
  test('another site is refused before anything is counted; no Origin (a program) is let through', async () => {
    const { ask, warnings } = setup({ openConnectionsPerNetwork: 1 });
    expect(await ask(request('192.0.2.1', { origin: 'https://evil.example' }))).toEqual(['bad_origin', false]);
    expect(warnings).toEqual(['socket.origin_refused']);
    expect(await ask(request('192.0.2.1'))).toEqual([null, true]);
  });

  test('two open connections per network; a third is refused, another network is not', async () => {
    const { ask, warnings } = setup();
    expect(await ask(request('192.0.2.1'))).toEqual([null, true]);
    expect(await ask(request('::ffff:192.0.2.1'))).toEqual([null, true]);
    expect(await ask(request('192.0.2.1'))).toEqual(['too_many_connections', false]);
    expect(warnings).toEqual(['socket.network_full']);
    expect(await ask(request('198.51.100.7'))).toEqual([null, true]);
  });

  test('a closed connection frees its place', async () => {
    const { gate, ask } = setup();
    const first = request('192.0.2.1');
    await ask(first);
    await ask(request('192.0.2.1'));
    const conn = connection(first);
    gate.track(conn);
    expect(await ask(request('192.0.2.1'))).toEqual(['too_many_connections', false]);
    conn.close();
    expect(await ask(request('192.0.2.1'))).toEqual([null, true]);
  });

  test('a handshake that never becomes a connection gives its place back after 10 seconds, not before', async () => {
    const { ask } = setup({ openConnectionsPerNetwork: 1 });
    await ask(request('192.0.2.1'));
    vi.advanceTimersByTime(9999);
    expect(await ask(request('192.0.2.1'))).toEqual(['too_many_connections', false]);
    vi.advanceTimersByTime(1);
    expect(await ask(request('192.0.2.1'))).toEqual([null, true]);
  });

  test('a tracked connection keeps its place past 10 seconds, and knows its network (not the address)', async () => {
    const { gate, ask } = setup({ openConnectionsPerNetwork: 1 });
    const req = request('192.0.2.1');
    await ask(req);
    const conn = connection(req);
    gate.track(conn);
    vi.advanceTimersByTime(60_000);
    expect(await ask(request('192.0.2.1'))).toEqual(['too_many_connections', false]);
    expect(gate.networkOf(conn)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(gate.networkOf(conn)).not.toContain('192');
  });

  test('a connection without a known handshake is not counted and has no network', () => {
    const { gate } = setup();
    const stranger = connection(null);
    gate.track(stranger);
    expect(gate.networkOf(stranger)).toBeUndefined();
    const unknown = connection(request('192.0.2.1'));
    gate.track(unknown);
    expect(gate.networkOf(unknown)).toBeUndefined();
  });

  test('too many new connections from one network: refused, and the refused one holds no place', async () => {
    const store = new MemoryChatStore();
    const { ask, warnings } = setup({ openConnectionsPerNetwork: 1, connectionsPerNetwork: { burst: 1, perSecond: 0.001 } }, store);
    const takeToken = store.takeToken.bind(store);
    // The first handshake finds the network's bucket empty (another node used it up).
    let bucketEmpty = true;
    store.takeToken = (...args) => (bucketEmpty ? Promise.resolve({ ok: false, retryAfterMs: 1000 }) : takeToken(...args));
    expect(await ask(request('192.0.2.1'))).toEqual(['too_many_connections', false]);
    expect(warnings).toEqual(['youth.connection_rate_limited']);
    bucketEmpty = false;
    // Its place was given back at once: the one place of this network is free for the next handshake.
    expect(await ask(request('192.0.2.1'))).toEqual([null, true]);
    expect(await ask(request('192.0.2.1'))).toEqual(['too_many_connections', false]);
  });

  test("a refused handshake's 10-second timer is stopped, so it never frees a place that is not its own", async () => {
    const store = new MemoryChatStore();
    const { gate, ask } = setup({ openConnectionsPerNetwork: 1 }, store);
    const takeToken = store.takeToken.bind(store);
    let bucketEmpty = true;
    store.takeToken = (...args) => (bucketEmpty ? Promise.resolve({ ok: false, retryAfterMs: 1000 }) : takeToken(...args));
    expect(await ask(request('192.0.2.1'))).toEqual(['too_many_connections', false]);
    bucketEmpty = false;
    const req = request('192.0.2.1');
    expect(await ask(req)).toEqual([null, true]);
    gate.track(connection(req));
    vi.advanceTimersByTime(10_000);
    // The one place is still taken by the open connection.
    expect(await ask(request('192.0.2.1'))).toEqual(['too_many_connections', false]);
  });

  test('the bucket is per network and shared by every handshake from it', async () => {
    const { ask } = setup({ openConnectionsPerNetwork: 10, connectionsPerNetwork: { burst: 2, perSecond: 0.001 } });
    expect(await ask(request('192.0.2.1'))).toEqual([null, true]);
    expect(await ask(request('192.0.2.1'))).toEqual([null, true]);
    expect(await ask(request('192.0.2.1'))).toEqual(['too_many_connections', false]);
    expect(await ask(request('198.51.100.7'))).toEqual([null, true]);
  });

  test('behind a trusted proxy the network is the client in X-Forwarded-For', async () => {
    const { ask } = setup({ trustProxy: 1, openConnectionsPerNetwork: 1 });
    expect(await ask(request('10.0.0.1', { 'x-forwarded-for': '203.0.113.9' }))).toEqual([null, true]);
    expect(await ask(request('10.0.0.1', { 'x-forwarded-for': '198.51.100.7' }))).toEqual([null, true]);
    expect(await ask(request('10.0.0.1', { 'x-forwarded-for': '203.0.113.9' }))).toEqual(['too_many_connections', false]);
  });

  test('a store that fails refuses the connection as unavailable', async () => {
    const store = new MemoryChatStore();
    store.takeToken = () => Promise.reject(new Error('redis down'));
    const { ask } = setup({}, store);
    expect(await ask(request('192.0.2.1'))).toEqual(['unavailable', false]);
  });
});
