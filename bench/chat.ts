/**
 * Chat benchmark: N waiting young people and M counsellors in active conversations, messages both
 * ways at a fixed rate inside the chat's own per-session rate limits. Three servers in one run,
 * each in its own child process (same Node, `--expose-gc`), load generated here with many
 * socket.io-client clients over WebSocket, 127.0.0.1 only:
 *   (a) a bare Socket.IO relay with the same path and message shape (the floor),
 *   (b) the real chat server on one node (in-memory store),
 *   (c) the real chat on two nodes sharing a redis-server (young person and counsellor on
 *       different nodes, waiting people split over both).
 * Latency is measured from the sender's emit to the receiver's 'message' event (one clock: both
 * ends live in this process). Memory: the server's RSS and heap after a forced GC, before and after
 * the N waiting people connect and join the queue. CPU: the server's CPU time over the measured window.
 *
 * Usage: npm run bench -- chat [--waiting=2000] [--counsellors=100] [--seconds=20]
 * Quick run: npm run bench -- chat --waiting=200 --counsellors=20 --seconds=5
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import { addAccount } from '../chat-server/accounts/account-file.ts';
import { hashPassword } from '../chat-server/accounts/password.ts';
import { RATE_LIMITS } from '../shared/protocol/limits.ts';
import { newSessionToken } from '../src/lib/chat-session.ts';
import { staffLogin } from '../src/lib/staff-session.ts';
import { startChatNode, type ChatNode } from '../tests/support/chat-node.ts';
import { startRedis, type TestRedis } from '../tests/support/redis.ts';
import { kb, percentile, printTable, round, type Row } from './report.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const PASSWORD = 'bench-wachtwoord-123';

export interface ChatBenchOptions {
  waiting: number;
  counsellors: number;
  seconds: number;
  /** Each active young person and each counsellor sends one message per interval. */
  intervalMs: number;
}

export function chatBenchOptions(argv: string[]): ChatBenchOptions {
  const arg = (name: string, fallback: number) => {
    const found = argv.find((a) => a.startsWith(`--${name}=`));
    const n = found ? Number(found.split('=')[1]) : fallback;
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
    return n;
  };
  const options = {
    waiting: Math.min(arg('waiting', 2000), 5000),
    counsellors: Math.min(arg('counsellors', 100), 300),
    seconds: Math.min(arg('seconds', 20), 120),
    // Well inside the per-session limits (young person 0.5/s sustained, counsellor 2/s).
    intervalMs: Math.max(arg('interval', 2500), Math.ceil(1000 / RATE_LIMITS.youthMessages.perSecond) + 100),
  };
  return options;
}

interface Probe {
  rss: number;
  heapUsed: number;
  external: number;
  cpuMs: number;
}
function probe(node: ChatNode): Promise<Probe> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server probe timed out')), 10_000);
    node.child.once('message', (m) => {
      clearTimeout(timer);
      resolve(m as Probe);
    });
    node.child.send('probe');
  });
}
const sumProbes = (probes: Probe[]): Probe =>
  probes.reduce((a, b) => ({ rss: a.rss + b.rss, heapUsed: a.heapUsed + b.heapUsed, external: a.external + b.external, cpuMs: a.cpuMs + b.cpuMs }), { rss: 0, heapUsed: 0, external: 0, cpuMs: 0 });

type Kind = 'echo' | 'chat';
interface ScenarioResult {
  name: string;
  nodes: number;
  messages: number;
  failedSends: number;
  lost: number;
  messagesPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  serverCpuMsPerMessage: number;
  rssPerWaitingKB: number;
  heapPerWaitingKB: number;
  rampSeconds: number;
}

const ack = <T>(socket: Socket, event: string, payload: unknown, ms = 30_000) => socket.timeout(ms).emitWithAck(event, payload) as Promise<T>;

function connect(url: string, namespace: string, auth: object): Promise<Socket> {
  const socket = io(`${url}${namespace}`, { auth, transports: ['websocket'], reconnection: false, forceNew: true, timeout: 30_000 });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function inBatches<T>(count: number, size: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let start = 0; start < count; start += size) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(size, count - start) }, (_, j) => make(start + j)))));
  }
  return out;
}

async function runScenario(name: string, kind: Kind, nodeCount: number, options: ChatBenchOptions, dataDir: string, redis?: TestRedis): Promise<ScenarioResult> {
  const { waiting, counsellors: pairs } = options;
  const env: Record<string, string> = {
    // Raised for the load test only (README): one queue of N + M, thousands of sockets from 127.0.0.1.
    CJG_CHAT_QUEUE_CAP: String(waiting + pairs + 10),
    CJG_CHAT_CONNECTIONS_PER_NETWORK: '100000',
    CJG_CHAT_QUEUE_PER_NETWORK: '100000',
    CJG_REDIS_PREFIX: `bench${Date.now()}:`,
  };
  const nodes: ChatNode[] = [];
  for (let i = 0; i < nodeCount; i++) {
    nodes.push(
      await startChatNode({
        dataDir,
        ipc: true,
        nodeArgs: ['--expose-gc', '--import', join(here, 'probe.ts')],
        env,
        ...(kind === 'echo' ? { script: join(here, 'echo-server.ts') } : {}),
        ...(redis ? { redisUrl: redis.url } : {}),
      }),
    );
  }
  const sockets: Socket[] = [];
  const nodeUrl = (i: number) => nodes[i % nodes.length]!.url;
  try {
    const sent = new Map<string, number>();
    const latencies: number[] = [];
    const onReceived = (text: string) => {
      const started = sent.get(text);
      if (started === undefined) return;
      latencies.push(performance.now() - started);
      sent.delete(text);
    };

    // 1. Young people who will be in conversation: first in the queue.
    const active = await inBatches(pairs, 20, async (i) => {
      const socket = await connect(nodeUrl(i), '/jongeren', kind === 'echo' ? { token: newSessionToken(), pair: String(i) } : { token: newSessionToken() });
      sockets.push(socket);
      socket.on('message', (m: { text?: string }) => m.text && onReceived(m.text));
      return socket;
    });
    if (kind === 'chat') for (const socket of active) await ack(socket, 'queue:join', {});

    // 2. Counsellors, each on the other node than "their" young person, each taking the next one.
    // Two at a time: the server checks at most two passwords per network at once (the rest would be told to retry).
    const staff = await inBatches(pairs, 2, async (i) => {
      const url = nodeUrl(i + 1);
      let auth: object = { pair: String(i) };
      if (kind === 'chat') {
        const body = await staffLogin(`Bench ${i}`, PASSWORD, url);
        if (!body.ok) throw new Error(`login failed: ${body.error}`);
        auth = { token: body.token };
      }
      const socket = await connect(url, '/medewerkers', auth);
      sockets.push(socket);
      socket.on('message', (m: { message?: { text?: string } }) => m.message?.text && onReceived(m.message.text));
      return socket;
    });
    const conversationOf: string[] = [];
    for (const [i, socket] of staff.entries()) {
      if (kind === 'echo') conversationOf[i] = String(i);
      else {
        const taken = await ack<{ ok: boolean; conversation: { conversationId: string }; error?: string }>(socket, 'conversation:take', {});
        if (!taken.ok) throw new Error(`take failed: ${taken.error}`);
        conversationOf[i] = taken.conversation.conversationId;
      }
    }

    // 3. N waiting young people (connected and in the queue); memory before and after.
    await new Promise((r) => setTimeout(r, 1000));
    const before = sumProbes(await Promise.all(nodes.map(probe)));
    const rampStarted = performance.now();
    await inBatches(waiting, 50, async (i) => {
      const socket = await connect(nodeUrl(i), '/jongeren', { token: newSessionToken() });
      sockets.push(socket);
      if (kind === 'chat') {
        const joined = await ack<{ ok: boolean; error?: string }>(socket, 'queue:join', {});
        if (!joined.ok) throw new Error(`queue:join failed: ${joined.error}`);
      }
    });
    const rampSeconds = (performance.now() - rampStarted) / 1000;
    await new Promise((r) => setTimeout(r, 2000));
    const after = sumProbes(await Promise.all(nodes.map(probe)));

    // 4. Messages both ways at a fixed rate, each sender with its own phase.
    let failedSends = 0;
    let counter = 0;
    const send = (socket: Socket, payload: (text: string) => object) => {
      const text = `b${++counter}:${'x'.repeat(48)}`;
      sent.set(text, performance.now());
      ack<{ ok: boolean }>(socket, 'message:send', payload(text), 10_000)
        .then((r) => {
          if (!r.ok) failedSends++;
        })
        .catch(() => failedSends++);
    };
    const cpuBefore = sumProbes(await Promise.all(nodes.map(probe))).cpuMs;
    const timers: NodeJS.Timeout[] = [];
    const windowStarted = performance.now();
    for (let i = 0; i < pairs; i++) {
      const phase = Math.random() * options.intervalMs;
      const youthSocket = active[i]!;
      const staffSocket = staff[i]!;
      const conversationId = conversationOf[i]!;
      timers.push(
        setTimeout(() => {
          send(youthSocket, (text) => ({ text, clientId: `c${counter}` }));
          timers.push(setInterval(() => send(youthSocket, (text) => ({ text, clientId: `c${counter}` })), options.intervalMs));
        }, phase),
        setTimeout(() => {
          send(staffSocket, (text) => ({ conversationId, text }));
          timers.push(setInterval(() => send(staffSocket, (text) => ({ conversationId, text })), options.intervalMs));
        }, (phase + options.intervalMs / 2) % options.intervalMs),
      );
    }
    await new Promise((r) => setTimeout(r, options.seconds * 1000));
    for (const t of timers) clearTimeout(t);
    const windowSeconds = (performance.now() - windowStarted) / 1000;
    await new Promise((r) => setTimeout(r, 1500)); // let the last messages arrive
    const cpuAfter = sumProbes(await Promise.all(nodes.map(probe))).cpuMs;

    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      name,
      nodes: nodeCount,
      messages: latencies.length,
      failedSends,
      lost: sent.size,
      messagesPerSecond: round(latencies.length / windowSeconds, 1),
      p50: round(percentile(sorted, 50), 2),
      p95: round(percentile(sorted, 95), 2),
      p99: round(percentile(sorted, 99), 2),
      max: round(sorted.at(-1) ?? Number.NaN, 2),
      serverCpuMsPerMessage: round((cpuAfter - cpuBefore) / Math.max(1, latencies.length), 3),
      rssPerWaitingKB: kb((after.rss - before.rss) / waiting),
      heapPerWaitingKB: kb((after.heapUsed + after.external - before.heapUsed - before.external) / waiting),
      rampSeconds: round(rampSeconds, 1),
    };
  } finally {
    for (const socket of sockets) socket.disconnect();
    await Promise.all(nodes.map((n) => n.stop()));
  }
}

export async function runChatBench(options: ChatBenchOptions): Promise<unknown> {
  const watchdog = setTimeout(() => {
    process.stderr.write('chat benchmark took longer than 40 minutes: stopped\n');
    process.exit(1);
  }, 40 * 60_000);
  watchdog.unref();
  const dataDir = mkdtempSync(join(tmpdir(), 'cjg-bench-chat-'));
  const hash = await hashPassword(PASSWORD, { N: 2 ** 10, r: 8, p: 1 });
  for (let i = 0; i < options.counsellors; i++) addAccount(dataDir, `Bench ${i}`, 'counsellor', hash);
  process.stdout.write(
    `\nChat benchmark: ${options.waiting} waiting + ${options.counsellors} conversations, ${options.seconds} s of messages every ${options.intervalMs} ms per sender, on ${cpus().length} cores (generator, servers and Redis share them)\n`,
  );
  const redis = await startRedis();
  try {
    const echo = await runScenario('(a) bare Socket.IO relay', 'echo', 1, options, dataDir);
    process.stdout.write(`  (a) done: ${JSON.stringify(echo)}\n`);
    const one = await runScenario('(b) chat, 1 node', 'chat', 1, options, dataDir);
    process.stdout.write(`  (b) done: ${JSON.stringify(one)}\n`);
    const two = await runScenario('(c) chat, 2 nodes + Redis', 'chat', 2, options, dataDir, redis);
    process.stdout.write(`  (c) done: ${JSON.stringify(two)}\n`);
    const scenarios = [echo, one, two];
    printTable(
      'Chat: delivery latency (ms), throughput and server cost',
      scenarios.map(
        (s): Row => ({
          scenario: s.name,
          delivered: s.messages,
          'msg/s': s.messagesPerSecond,
          failed: s.failedSends,
          lost: s.lost,
          p50: s.p50,
          p95: s.p95,
          p99: s.p99,
          max: s.max,
          'server CPU ms/msg': s.serverCpuMsPerMessage,
          'RSS KB/waiting': s.rssPerWaitingKB,
          'heap KB/waiting': s.heapPerWaitingKB,
          'ramp s': s.rampSeconds,
        }),
      ),
    );
    // Capacity if each node had a core of its own: messages per CPU-second of the busiest share.
    const capacity = (s: ScenarioResult) => 1 / (s.serverCpuMsPerMessage / s.nodes);
    const ratios = {
      overheadP50: round(one.p50 / echo.p50, 2),
      overheadP99: round(one.p99 / echo.p99, 2),
      overheadCpuPerMessage: round(one.serverCpuMsPerMessage / echo.serverCpuMsPerMessage, 2),
      twoNodesP99VsOne: round(two.p99 / one.p99, 2),
      scaleProjected: round(capacity(two) / capacity(one), 2),
    };
    printTable('Chat: ratios and targets (reported, not asserted)', [
      { measure: 'p99 on one node (target ≤ 50 ms)', value: one.p99, met: one.p99 <= 50 ? 'yes' : 'no' },
      { measure: 'overhead vs bare relay, p99 latency (target ≤ 1.25×)', value: ratios.overheadP99, met: ratios.overheadP99 <= 1.25 ? 'yes' : 'no' },
      { measure: 'overhead vs bare relay, p50 latency', value: ratios.overheadP50, met: '' },
      { measure: 'overhead vs bare relay, server CPU per message', value: ratios.overheadCpuPerMessage, met: '' },
      { measure: 'memory per waiting young person, RSS KB (target ≤ 30)', value: one.rssPerWaitingKB, met: one.rssPerWaitingKB <= 30 ? 'yes' : 'no' },
      { measure: '2 nodes vs 1: projected capacity (target ≥ 1.7×)', value: ratios.scaleProjected, met: ratios.scaleProjected >= 1.7 ? 'yes' : 'no' },
      { measure: '2 nodes vs 1: p99 latency ratio', value: ratios.twoNodesP99VsOne, met: '' },
    ]);
    process.stdout.write(
      '\nNotes: the load is fixed (within the per-session rate limits), so msg/s is the offered rate, not a maximum.\n' +
        'The 2-node capacity is projected from server CPU per message (each node on its own core); here the generator,\n' +
        'both nodes and redis-server share the same cores, and redis-server CPU is not counted.\n',
    );
    return { options, cores: cpus().length, scenarios, ratios };
  } finally {
    await redis.stop();
    rmSync(dataDir, { recursive: true, force: true });
    clearTimeout(watchdog);
  }
}
