/**
 * Login storm benchmark (security finding 3): how the site and the chat answer while 200 wrong
 * passwords for one counsellor arrive at once, with the real scrypt cost. One chat node in a child
 * process, load from here, 127.0.0.1 only. Measured before and during the burst:
 * - GET / of a static page, sampled every 50 ms;
 * - a chat round trip (counsellor's message until the young person has it), every 500 ms;
 * - the real counsellor logging in from another network (X-Forwarded-For behind a trusted proxy),
 *   retrying after Retry-After as the console does;
 * Samples run from the storm's start until all attempts are answered, and at least 3 s.
 * and how many attempts were checked (a password verified) and how many refused before any check.
 *
 * Usage: npm run bench -- login [--attempts=200]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { addAccount } from '../chat-server/accounts/account-file.ts';
import { hashPassword } from '../chat-server/accounts/password.ts';
import { newSessionToken } from '../src/lib/chat-session.ts';
import { startChatNode } from '../tests/support/chat-node.ts';
import { percentile, printTable, round, type Row } from './report.ts';

const PASSWORD = 'bench-wachtwoord-123';

function stats(name: string, samples: number[]): Row {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    what: name,
    samples: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

function login(url: string, name: string, password: string, forwardedFor: string): Promise<{ status: number; token?: string }> {
  return fetch(`${url}/api/medewerkers/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': forwardedFor },
    body: JSON.stringify({ name, password }),
  }).then(async (res) => ({ status: res.status, token: ((await res.json()) as { token?: string }).token }));
}

function once<T>(socket: Socket, event: string): Promise<T> {
  return new Promise((resolve) => socket.once(event, resolve));
}

export async function runLoginBench(argv: string[]): Promise<Record<string, unknown>> {
  const attempts = Math.min(Number(argv.find((a) => a.startsWith('--attempts='))?.split('=')[1] ?? 200), 1000);
  const dataDir = mkdtempSync(join(tmpdir(), 'cjg-bench-login-'));
  const distDir = join(dataDir, 'dist');
  mkdirSync(distDir);
  writeFileSync(join(distDir, 'index.html'), `<!doctype html><title>CJG</title><p>${'Welkom bij het CJG. '.repeat(200)}</p>`);
  addAccount(dataDir, 'Sanne', 'counsellor', await hashPassword(PASSWORD));
  addAccount(dataDir, 'Kees', 'counsellor', await hashPassword(PASSWORD));
  const node = await startChatNode({ dataDir, env: { CJG_DIST_DIR: distDir, CJG_TRUST_PROXY: '1' } });
  const sockets: Socket[] = [];
  try {
    const getPage = () => timed(() => fetch(`${node.url}/`).then((r) => r.arrayBuffer()));
    // A conversation between Kees and a young person, to time messages through.
    const kees = await login(node.url, 'Kees', PASSWORD, '198.51.100.20');
    const staff = io(`${node.url}/medewerkers`, { auth: { token: kees.token }, transports: ['websocket'], forceNew: true });
    const youth = io(`${node.url}/jongeren`, { auth: { token: newSessionToken() }, transports: ['websocket'], forceNew: true });
    sockets.push(staff, youth);
    await Promise.all([once(staff, 'session:state'), once(youth, 'session:state')]);
    await youth.emitWithAck('queue:join', {});
    const taken = (await staff.emitWithAck('conversation:take', {})) as { conversation: { conversationId: string } };
    const conversationId = taken.conversation.conversationId;
    let n = 0;
    const roundTrip = () =>
      timed(async () => {
        const text = `meting ${++n}`;
        const arrived = new Promise<void>((resolve) => {
          const on = (m: { text?: string }) => {
            if (m.text !== text) return;
            youth.off('message', on);
            resolve();
          };
          youth.on('message', on);
        });
        await staff.emitWithAck('message:send', { conversationId, text });
        await arrived;
      });

    const idlePage: number[] = [];
    const idleChat: number[] = [];
    for (let i = 0; i < 20; i++) idlePage.push(await getPage());
    for (let i = 0; i < 5; i++) {
      idleChat.push(await roundTrip());
      await new Promise((r) => setTimeout(r, 500));
    }

    const burstPage: number[] = [];
    const burstChat: number[] = [];
    const sampling = { done: false };
    const pageSampler = (async () => {
      while (!sampling.done) {
        burstPage.push(await getPage());
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const chatSampler = (async () => {
      while (!sampling.done) {
        burstChat.push(await roundTrip());
        await new Promise((r) => setTimeout(r, 500));
      }
    })();
    const started = performance.now();
    const storm = Promise.all(Array.from({ length: attempts }, (_, i) => login(node.url, 'Sanne', `fout-${i}-wachtwoord`, '203.0.113.9')));
    await new Promise((r) => setTimeout(r, 100));
    // The real Sanne, from her office, while her name is under attack; like the console, she tries
    // again after Retry-After when the server only said a check is running (up to 5 times).
    const real = await (async () => {
      const start = performance.now();
      let result = await login(node.url, 'Sanne', PASSWORD, '198.51.100.20');
      for (let retry = 0; result.status === 429 && retry < 5; retry++) {
        await new Promise((r) => setTimeout(r, 1000));
        result = await login(node.url, 'Sanne', PASSWORD, '198.51.100.20');
      }
      return { status: result.status, ms: round(performance.now() - start) };
    })();
    const answers = await storm;
    const stormMs = performance.now() - started;
    // Sample at least 3 s from the start, so a short storm still gets a fair number of samples.
    await new Promise((r) => setTimeout(r, Math.max(0, 3000 - stormMs)));
    sampling.done = true;
    await Promise.all([pageSampler, chatSampler]);

    const statusCounts = new Map<number, number>();
    for (const a of answers) statusCounts.set(a.status, (statusCounts.get(a.status) ?? 0) + 1);
    const byStatus: Record<string, number> = Object.fromEntries(statusCounts);
    const checked = node.logs.filter((l) => l.includes('"staff.login_failed"')).length;
    const rows = [
      stats('GET / idle (ms)', idlePage),
      stats('GET / during storm (ms)', burstPage),
      stats('chat round trip idle (ms)', idleChat),
      stats('chat round trip during storm (ms)', burstChat),
    ];
    printTable(`Login storm: ${attempts} parallel wrong passwords for one name from one network (${round(stormMs / 1000, 2)} s until all answered)`, rows);
    printTable('Attempts', [
      {
        sent: attempts,
        checked,
        ...Object.fromEntries(Object.entries(byStatus).map(([k, v]) => [`HTTP ${k}`, v])),
        'real user (other network)': `HTTP ${real.status} in ${real.ms} ms`,
      },
    ]);
    return { attempts, stormMs: round(stormMs), latency: rows, checked, byStatus, realUser: real };
  } finally {
    for (const s of sockets) s.close();
    await node.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
