/**
 * Chat benchmark: N waiting young people and M counsellors in active conversations, messages both
 * ways at a fixed rate inside the chat's own per-session rate limits. Three servers in one run,
 * each in its own child process (same Node, `--expose-gc`), load generated here with many
 * socket.io-client clients over WebSocket, 127.0.0.1 only:
 *   (a) a bare Socket.IO relay with the same path and message shape (the floor),
 *   (b) the real chat server on one node (in-memory store),
 *   (c) the real chat on two nodes sharing a redis-server (young person and counsellor on
 *       different nodes, waiting people split over both).
 * The relay sends every message to both ends, as the chat does (the sender sees its own copy).
 * Latency is measured from the sender's emit to the OTHER side's 'message' event (one clock: both
 * ends live in this process); the sender's own copy is not timed. `lost` counts only messages the
 * server acknowledged that never reached the other side. Memory: the server's RSS and heap after a
 * forced GC, before and after the N waiting people connect (and, in the chat, join the queue). CPU:
 * the server's CPU time over the measured window.
 *
 * Then saturation, on one node, for (a) and (b): more and more conversations send (each just inside
 * its per-session rate limits), doubling every step, until the p99 passes 50 ms.
 *
 * Usage: npm run bench -- chat [--waiting=2000] [--counsellors=100] [--seconds=20]
 *        [--saturation-pairs=640] [--saturation-start=20] [--step-seconds=6]
 * Quick run: npm run bench -- chat --waiting=200 --counsellors=20 --seconds=5 --saturation-pairs=80 --step-seconds=3
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
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
  /** Saturation: conversations set up (the most that send in the last step). */
  saturationPairs: number;
  /** Saturation: conversations sending in the first step (doubled every step). */
  saturationStart: number;
  stepSeconds: number;
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
    saturationPairs: Math.min(arg('saturation-pairs', 640), 1000),
    saturationStart: Math.min(arg('saturation-start', 20), 1000),
    stepSeconds: Math.min(arg('step-seconds', 6), 60),
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
  probes.reduce((a, b) => ({ rss: a.rss + b.rss, heapUsed: a.heapUsed + b.heapUsed, external: a.external + b.external, cpuMs: a.cpuMs + b.cpuMs }), {
    rss: 0,
    heapUsed: 0,
    external: 0,
    cpuMs: 0,
  });

type Kind = 'echo' | 'chat';

/** One measured window: latency of the receiver's copy of each message sent in it. */
interface Window {
  offered: number;
  sent: number;
  delivered: number;
  failedSends: number;
  lost: number;
  messagesPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  serverCpuMsPerMessage: number;
}

interface ScenarioResult extends Window {
  name: string;
  note: string;
  nodes: number;
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

/**
 * Servers, and `pairs` conversations (a young person and a counsellor, on different nodes when
 * there are two). Every message is tracked by its text: latency counts only the copy that reaches
 * the OTHER side (the sender's own copy is ignored), and `lost` only messages the server
 * acknowledged that never reached the other side.
 */
async function setUp(kind: Kind, nodeCount: number, pairs: number, extraQueue: number, dataDir: string, redis?: TestRedis) {
  const env: Record<string, string> = {
    // Raised for the load test only (README): one queue of N + M, thousands of sockets from 127.0.0.1.
    CJG_CHAT_QUEUE_CAP: String(extraQueue + pairs + 10),
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
  const nodeUrl = (i: number) => nodes[i % nodes.length].url;
  /** text → when it was sent, whether the server acknowledged it, and when the other side got it. */
  const tracked = new Map<string, { at: number; acked: boolean; receivedAfter?: number }>();
  const received = (text: string | undefined) => {
    const entry = text === undefined ? undefined : tracked.get(text);
    if (entry && entry.receivedAfter === undefined) entry.receivedAfter = performance.now() - entry.at;
  };

  // 1. Young people who will be in conversation: first in the queue. They count only counsellors' messages.
  const active = await inBatches(pairs, 20, async (i) => {
    const socket = await connect(nodeUrl(i), '/jongeren', kind === 'echo' ? { token: newSessionToken(), pair: String(i) } : { token: newSessionToken() });
    sockets.push(socket);
    socket.on('message', (m: { from?: string; text?: string }) => m.from === 'counsellor' && received(m.text));
    return socket;
  });
  if (kind === 'chat') for (const socket of active) await ack(socket, 'queue:join', {});

  // 2. Counsellors, each on the other node than "their" young person, each taking the next one.
  //    They count only young people's messages. Two at a time: the server checks at most two passwords
  //    per network at once (the rest would be told to retry).
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
    socket.on('message', (m: { message?: { from?: string; text?: string } }) => m.message?.from === 'youth' && received(m.message.text));
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

  let counter = 0;
  /**
   * The first `activePairs` conversations send for `seconds`: each young person every
   * `youthIntervalMs`, each counsellor every `staffIntervalMs`, each sender with its own phase.
   */
  const measure = async (activePairs: number, seconds: number, youthIntervalMs: number, staffIntervalMs: number): Promise<Window> => {
    tracked.clear();
    let failedSends = 0;
    const send = (socket: Socket, payload: (text: string) => object) => {
      const text = `b${++counter}:${'x'.repeat(48)}`;
      const entry = { at: performance.now(), acked: false };
      tracked.set(text, entry);
      ack<{ ok: boolean }>(socket, 'message:send', payload(text), 10_000)
        .then((r) => {
          if (r.ok) entry.acked = true;
          else failedSends++;
        })
        .catch(() => failedSends++);
    };
    const cpuBefore = sumProbes(await Promise.all(nodes.map(probe))).cpuMs;
    const timers: NodeJS.Timeout[] = [];
    const every = (intervalMs: number, phase: number, fire: () => void) =>
      timers.push(
        setTimeout(() => {
          fire();
          timers.push(setInterval(fire, intervalMs));
        }, phase),
      );
    const windowStarted = performance.now();
    for (let i = 0; i < activePairs; i++) {
      const youthSocket = active[i];
      const staffSocket = staff[i];
      const conversationId = conversationOf[i];
      every(youthIntervalMs, Math.random() * youthIntervalMs, () => send(youthSocket, (text) => ({ text, clientId: `c${counter}` })));
      every(staffIntervalMs, Math.random() * staffIntervalMs, () => send(staffSocket, (text) => ({ conversationId, text })));
    }
    await new Promise((r) => setTimeout(r, seconds * 1000));
    for (const t of timers) clearTimeout(t);
    const windowSeconds = (performance.now() - windowStarted) / 1000;
    await new Promise((r) => setTimeout(r, 2000)); // let the last messages and acknowledgements arrive
    const cpuAfter = sumProbes(await Promise.all(nodes.map(probe))).cpuMs;

    const entries = [...tracked.values()];
    const sorted = entries.flatMap((e) => (e.receivedAfter === undefined ? [] : [e.receivedAfter])).sort((x, y) => x - y);
    return {
      offered: round(activePairs * (1000 / youthIntervalMs + 1000 / staffIntervalMs), 1),
      sent: entries.length,
      delivered: sorted.length,
      failedSends,
      lost: entries.filter((e) => e.acked && e.receivedAfter === undefined).length,
      messagesPerSecond: round(sorted.length / windowSeconds, 1),
      p50: round(percentile(sorted, 50), 2),
      p95: round(percentile(sorted, 95), 2),
      p99: round(percentile(sorted, 99), 2),
      max: round(sorted.at(-1) ?? Number.NaN, 2),
      serverCpuMsPerMessage: round((cpuAfter - cpuBefore) / Math.max(1, sorted.length), 3),
    };
  };

  return {
    nodes,
    nodeUrl,
    sockets,
    measure,
    async close() {
      for (const socket of sockets) socket.disconnect();
      await Promise.all(nodes.map((n) => n.stop()));
    },
  };
}

async function runScenario(
  name: string,
  note: string,
  kind: Kind,
  nodeCount: number,
  options: ChatBenchOptions,
  dataDir: string,
  redis?: TestRedis,
): Promise<ScenarioResult> {
  const { waiting, counsellors: pairs } = options;
  const setup = await setUp(kind, nodeCount, pairs, waiting, dataDir, redis);
  try {
    // N waiting young people (connected, and in the chat also in the queue); memory before and after.
    await new Promise((r) => setTimeout(r, 1000));
    const before = sumProbes(await Promise.all(setup.nodes.map(probe)));
    const rampStarted = performance.now();
    await inBatches(waiting, 50, async (i) => {
      const socket = await connect(setup.nodeUrl(i), '/jongeren', { token: newSessionToken() });
      setup.sockets.push(socket);
      if (kind === 'chat') {
        const joined = await ack<{ ok: boolean; error?: string }>(socket, 'queue:join', {});
        if (!joined.ok) throw new Error(`queue:join failed: ${joined.error}`);
      }
    });
    const rampSeconds = (performance.now() - rampStarted) / 1000;
    await new Promise((r) => setTimeout(r, 2000));
    const after = sumProbes(await Promise.all(setup.nodes.map(probe)));

    const window = await setup.measure(pairs, options.seconds, options.intervalMs, options.intervalMs);
    return {
      name,
      note,
      nodes: nodeCount,
      ...window,
      rssPerWaitingKB: kb((after.rss - before.rss) / waiting),
      heapPerWaitingKB: kb((after.heapUsed + after.external - before.heapUsed - before.external) / waiting),
      rampSeconds: round(rampSeconds, 1),
    };
  } finally {
    await setup.close();
  }
}

/** Youth and counsellor intervals for the saturation steps: just inside the per-session limits. */
const SATURATION_YOUTH_MS = Math.ceil(1000 / RATE_LIMITS.youthMessages.perSecond) + 200;
const SATURATION_STAFF_MS = Math.ceil(1000 / RATE_LIMITS.staffMessages.perSecond) + 50;
const P99_LIMIT_MS = 50;

interface SaturationResult {
  name: string;
  steps: Window[];
  /** The highest offered rate whose p99 stayed within the limit (null: not even the first step). */
  saturationMsgPerSecond: number | null;
  /** True when the last step still met the limit: the real saturation point lies higher. */
  limitNotReached: boolean;
}

/**
 * Raises the offered rate (more conversations sending, each just inside its rate limits) until the
 * p99 of the receiver's copy passes 50 ms, on one node. The per-session limits mean a higher rate
 * needs more conversations, not faster senders.
 */
async function runSaturation(name: string, kind: Kind, options: ChatBenchOptions, dataDir: string): Promise<SaturationResult> {
  const setup = await setUp(kind, 1, options.saturationPairs, 0, dataDir);
  const steps: Window[] = [];
  try {
    for (let active = options.saturationStart; ; active *= 2) {
      const pairsNow = Math.min(active, options.saturationPairs);
      const step = await setup.measure(pairsNow, options.stepSeconds, SATURATION_YOUTH_MS, SATURATION_STAFF_MS);
      steps.push(step);
      process.stdout.write(`  ${name}: offered ${step.offered} msg/s → delivered ${step.messagesPerSecond} msg/s, p99 ${step.p99} ms\n`);
      if (!(step.p99 <= P99_LIMIT_MS) || pairsNow === options.saturationPairs) break;
    }
  } finally {
    await setup.close();
  }
  const within = steps.filter((s) => s.p99 <= P99_LIMIT_MS);
  return {
    name,
    steps,
    saturationMsgPerSecond: within.length > 0 ? Math.max(...within.map((s) => s.messagesPerSecond)) : null,
    limitNotReached: (steps.at(-1)?.p99 ?? Infinity) <= P99_LIMIT_MS,
  };
}

export async function runChatBench(options: ChatBenchOptions): Promise<unknown> {
  const watchdog = setTimeout(() => {
    process.stderr.write('chat benchmark took longer than 40 minutes: stopped\n');
    process.exit(1);
  }, 40 * 60_000);
  watchdog.unref();
  const dataDir = mkdtempSync(join(tmpdir(), 'cjg-bench-chat-'));
  const hash = await hashPassword(PASSWORD, { N: 2 ** 10, r: 8, p: 1 });
  for (let i = 0; i < Math.max(options.counsellors, options.saturationPairs); i++) addAccount(dataDir, `Bench ${i}`, 'counsellor', hash);
  process.stdout.write(
    `\nChat benchmark: ${options.waiting} waiting + ${options.counsellors} conversations, ${options.seconds} s of messages every ${options.intervalMs} ms per sender, on ${cpus().length} cores (generator, servers and Redis share them; load average at start ${loadavg()[0]?.toFixed(2)})\n`,
  );
  const redis = await startRedis();
  try {
    const echo = await runScenario('(a) bare Socket.IO relay', NOTES.echo, 'echo', 1, options, dataDir);
    process.stdout.write(`  (a) done: ${JSON.stringify(echo)}\n`);
    const one = await runScenario('(b) chat, 1 node', NOTES.one, 'chat', 1, options, dataDir);
    process.stdout.write(`  (b) done: ${JSON.stringify(one)}\n`);
    const two = await runScenario('(c) chat, 2 nodes + Redis', NOTES.two, 'chat', 2, options, dataDir, redis);
    process.stdout.write(`  (c) done: ${JSON.stringify(two)}\n`);
    const scenarios = [echo, one, two];
    printTable(
      "Chat: delivery latency of the receiver's copy (ms), throughput and server cost",
      scenarios.map((s): Row => ({
        scenario: s.name,
        'offered msg/s': s.offered,
        delivered: s.delivered,
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
      })),
    );
    process.stdout.write('\nWhat each scenario includes:\n' + scenarios.map((s) => `  ${s.name}: ${s.note}\n`).join(''));

    const saturation = [
      await runSaturation('(a) bare Socket.IO relay', 'echo', options, dataDir),
      await runSaturation('(b) chat, 1 node', 'chat', options, dataDir),
    ];
    printTable(
      `Chat: saturation on one node (offered rate doubled until p99 > ${P99_LIMIT_MS} ms; ${options.stepSeconds} s per step)`,
      saturation.flatMap((r) =>
        r.steps.map((s): Row => ({
          scenario: r.name,
          'offered msg/s': s.offered,
          'delivered msg/s': s.messagesPerSecond,
          failed: s.failedSends,
          lost: s.lost,
          p50: s.p50,
          p99: s.p99,
          'server CPU ms/msg': s.serverCpuMsPerMessage,
        })),
      ),
    );
    const saturationText = (r: SaturationResult) =>
      r.saturationMsgPerSecond === null
        ? `p99 > ${P99_LIMIT_MS} ms at the first step`
        : `${r.saturationMsgPerSecond}${r.limitNotReached ? ' (or more: the last step still met the limit)' : ''}`;

    // Capacity if each node had a core of its own: messages per CPU-second of the busiest share.
    const capacity = (s: ScenarioResult) => 1 / (s.serverCpuMsPerMessage / s.nodes);
    const ratios = {
      overheadP50: round(one.p50 / echo.p50, 2),
      overheadP99: round(one.p99 / echo.p99, 2),
      overheadCpuPerMessage: round(one.serverCpuMsPerMessage / echo.serverCpuMsPerMessage, 2),
      memoryPerWaitingVsRelay: round(one.rssPerWaitingKB / echo.rssPerWaitingKB, 2),
      twoNodesP99VsOne: round(two.p99 / one.p99, 2),
      scaleProjected: round(capacity(two) / capacity(one), 2),
      saturationVsRelay:
        saturation[0].saturationMsgPerSecond && saturation[1].saturationMsgPerSecond
          ? round(saturation[1].saturationMsgPerSecond / saturation[0].saturationMsgPerSecond, 2)
          : null,
    };
    printTable('Chat: ratios and targets (reported, not asserted)', [
      { measure: 'p99 on one node (target ≤ 50 ms)', value: one.p99, met: one.p99 <= 50 ? 'yes' : 'no' },
      { measure: 'overhead vs bare relay, p99 latency (target ≤ 1.25×)', value: ratios.overheadP99, met: ratios.overheadP99 <= 1.25 ? 'yes' : 'no' },
      { measure: 'overhead vs bare relay, p50 latency', value: ratios.overheadP50, met: '' },
      { measure: 'overhead vs bare relay, server CPU per message', value: ratios.overheadCpuPerMessage, met: '' },
      { measure: 'memory per waiting young person, RSS KB (target ≤ 30)', value: one.rssPerWaitingKB, met: one.rssPerWaitingKB <= 30 ? 'yes' : 'no' },
      { measure: 'memory per waiting young person vs a bare relay socket (RSS ratio)', value: ratios.memoryPerWaitingVsRelay, met: '' },
      { measure: 'saturation, bare relay, 1 node (msg/s at p99 ≤ 50 ms)', value: saturationText(saturation[0]), met: '' },
      { measure: 'saturation, chat, 1 node (msg/s at p99 ≤ 50 ms)', value: saturationText(saturation[1]), met: '' },
      { measure: 'saturation, chat vs bare relay', value: ratios.saturationVsRelay ?? 'n/a', met: '' },
      { measure: '2 nodes vs 1: projected capacity (target ≥ 1.7×)', value: ratios.scaleProjected, met: ratios.scaleProjected >= 1.7 ? 'yes' : 'no' },
      { measure: '2 nodes vs 1: p99 latency ratio', value: ratios.twoNodesP99VsOne, met: '' },
    ]);
    process.stdout.write(
      "\nNotes: latency is from the sender's emit to the OTHER side's copy (both ends live in this process, one clock);\n" +
        'the sender\'s own copy is delivered too (as in the chat) but not timed. "lost" counts only messages the server\n' +
        'acknowledged that never reached the other side; "failed" counts sends refused or unanswered within 10 s.\n' +
        'In the first table the load is fixed (within the per-session rate limits), so msg/s is the offered rate, not a maximum.\n' +
        'Saturation raises the number of conversations sending (each just inside its limits) until p99 passes 50 ms; the\n' +
        'load generator (one Node process), the server and other work on this machine share the same cores, so these are\n' +
        'lower bounds for a server with a core of its own. The 2-node capacity is projected from server CPU per message;\n' +
        'redis-server CPU is not counted.\n',
    );
    return { options, cores: cpus().length, loadAverageAtStart: loadavg(), scenarios, saturation, ratios };
  } finally {
    await redis.stop();
    rmSync(dataDir, { recursive: true, force: true });
    clearTimeout(watchdog);
  }
}

/** What each fixed-load scenario includes, printed with the table. */
const NOTES = {
  echo: "Socket.IO only: same path, namespaces, message shape and fan-out (other side + sender's own copy, with ack); N waiting = connected sockets only (no queue). No store, validation or limits.",
  one: 'the real chat server (node chat-server/main.ts): validation, rate limits, in-memory store, sequence numbers, N waiting young people in the queue (with their position updates), counsellors logged in.',
  two: 'as (b) on two nodes sharing a redis-server (store + Socket.IO streams adapter); each young person and their counsellor on different nodes, waiting people split over both.',
};
