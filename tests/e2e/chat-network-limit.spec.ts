/**
 * When one network (a school's wifi) has used up its chat connections, a young person on it is told so in
 * Dutch, with what to do and the lines to call, instead of a start button that spins. A server of its own
 * with a limit of one connection per network, so the other e2e files never meet the limit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { io, type Socket } from 'socket.io-client';
import { ERROR_MESSAGES } from '../../shared/protocol/errors.ts';
import { SOCKET_PATH, YOUTH_NAMESPACE } from '../../shared/protocol/limits.ts';
import { newSessionToken } from '../../src/lib/chat-session.ts';
import { E2E_PORT, e2eServerEnv } from './env.ts';
import { expectNoAxeViolations } from './helpers.ts';

const PORT = E2E_PORT + 2000;
const URL = `http://127.0.0.1:${PORT}`;
let server: ChildProcess | undefined;
let dataDir = '';
let holder: Socket | undefined;

test.describe.configure({ mode: 'serial', timeout: 90_000 });

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'cjg-e2e-netlimit-'));
  server = spawn('node', ['chat-server/main.ts'], {
    env: { ...process.env, ...e2eServerEnv(PORT, dataDir), CJG_CHAT_CONNECTIONS_PER_NETWORK: '1' },
    stdio: 'ignore',
  });
  for (let i = 0; i < 200; i++) {
    if (
      await fetch(`${URL}/healthz`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error('server did not start');
});

test.afterAll(() => {
  holder?.close();
  server?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

test('a young person on a network that used up its connections reads why, what to do and whom to call', async ({ page }) => {
  // Someone else on the same network (127.0.0.1) holds the one connection.
  holder = io(`${URL}${YOUTH_NAMESPACE}`, { path: SOCKET_PATH, auth: { token: newSessionToken() }, transports: ['websocket'], reconnection: false });
  await new Promise((resolve, reject) => {
    holder?.once('session:state', resolve);
    holder?.once('connect_error', reject);
  });

  await page.goto(`${URL}/jongeren/chat/`);
  await expect(page.getByRole('heading', { name: 'Begin een gesprek' })).toBeVisible();
  await page.getByRole('button', { name: 'Start de chat' }).click();
  await expect(page.getByRole('heading', { name: 'Het is nu heel druk' })).toBeVisible();
  await expect(page.getByText(ERROR_MESSAGES.too_many_connections)).toBeVisible();
  await expect(page.getByRole('link', { name: /Bel 0800-0113/ }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Probeer opnieuw' })).toBeVisible();
  await expectNoAxeViolations(page, 'chat: netwerk vol');
  for (const width of [320, 390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)).toBe(false);
    await page.screenshot({ path: test.info().outputPath(`chat-netwerk-vol-${width}.png`), fullPage: true });
  }

  // The place comes free: trying again gets in.
  holder.close();
  await page.getByRole('button', { name: 'Probeer opnieuw' }).click();
  await page.getByRole('button', { name: 'Start de chat' }).click();
  await expect(page.getByRole('heading', { name: 'Je bent in de wachtrij' })).toBeVisible();
});
