/**
 * The real entry point (`node chat-server/main.ts`, as `npm start` runs it) as a child process:
 * its opening-hours gate with the site's own chat schedule, and its refusal to start on a bad setting.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, test } from 'vitest';
import type { YouthSessionState } from '../../shared/protocol/events.ts';
import { newSessionToken } from '../../src/lib/chat-session.ts';
import { startChatNode, type ChatNode } from '../support/chat-node.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const shiftedClock = fileURLToPath(new URL('../support/shifted-clock.ts', import.meta.url));
let node: ChatNode | undefined;
afterEach(async () => {
  await node?.stop();
  node = undefined;
});

/** The real server, its clock set to `iso`, with the opening hours of shared/config/site.ts in force. */
function serverAt(iso: string) {
  return startChatNode({
    dataDir: mkdtempSync(join(tmpdir(), 'cjg-main-')),
    nodeArgs: ['--import', shiftedClock],
    env: { CJG_CHAT_ALWAYS_OPEN: '0', CJG_TEST_NOW: iso },
  });
}

async function joinQueue(url: string) {
  const socket = io(`${url}/jongeren`, { auth: { token: newSessionToken() }, transports: ['websocket'], reconnection: false, forceNew: true });
  try {
    const state = await new Promise<YouthSessionState>((resolve, reject) => {
      socket.once('session:state', resolve);
      socket.once('connect_error', reject);
    });
    const joined = (await socket.timeout(5000).emitWithAck('queue:join', {})) as { ok: boolean; code?: string; opensAt?: string };
    return { state, joined };
  } finally {
    socket.disconnect();
  }
}

describe('the opening-hours gate of the real server', () => {
  test('on a Sunday night the chat is closed and says it opens Monday at 14:00', async () => {
    node = await serverAt('2026-03-01T03:00:00+01:00');
    const status: unknown = await (await fetch(`${node.url}/api/chat/status`)).json();
    expect(status).toMatchObject({ state: 'closed', opensAt: '2026-03-02T13:00:00.000Z' });
    const { state, joined } = await joinQueue(node.url);
    expect(state.status.state).toBe('closed');
    expect(joined).toMatchObject({ ok: false, code: 'closed', opensAt: '2026-03-02T13:00:00.000Z' });
  });

  test('on a Monday afternoon it is open and a young person gets a place in the queue', async () => {
    node = await serverAt('2026-03-02T15:00:00+01:00');
    expect(await (await fetch(`${node.url}/api/chat/status`)).json()).toMatchObject({ state: 'open' });
    expect((await joinQueue(node.url)).joined).toMatchObject({ ok: true, position: 1 });
  });

  test('on Christmas Day (a Friday in 2026) it stays closed at 15:00', async () => {
    node = await serverAt('2026-12-25T15:00:00+01:00');
    expect(await (await fetch(`${node.url}/api/chat/status`)).json()).toMatchObject({ state: 'closed' });
  });
});

describe('a bad setting stops the server at once, naming the variable', () => {
  test.each([
    ['CJG_CHAT_QUEUE_CAP', 'veel'],
    ['CJG_CHAT_RESUME_MINUTES', '-5'],
  ])('%s=%s', (name, value) => {
    const run = spawnSync(process.execPath, [join(root, 'chat-server', 'main.ts')], {
      cwd: root,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', CJG_SKIP_BUILD: '1', CJG_DATA_DIR: mkdtempSync(join(tmpdir(), 'cjg-main-')), [name]: value },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).not.toBe(0);
    expect(run.signal).toBeNull();
    expect(run.stderr).toContain(name);
    expect(run.stdout).not.toContain('server.listening');
  });
});
