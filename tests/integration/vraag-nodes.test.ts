/**
 * "Stel je vraag" through `node chat-server/main.ts` as a deployment runs it: two nodes sharing the chat's
 * Redis (no persistence) and the indicators' Redis (with persistence, where the questions go). A node killed
 * with SIGKILL loses no question; another node answers it; the restarted node hands out the answer.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addAccount } from '../../chat-server/accounts/account-file.ts';
import { hashPassword } from '../../chat-server/accounts/password.ts';
import { ASK_PATH, PICKUP_PATH, STAFF_ACTION_PATHS, STAFF_QUESTIONS_PATH } from '../../shared/vraag/limits.ts';
import { startChatNode, type ChatNode } from '../support/chat-node.ts';
import { startRedis, type TestRedis } from '../support/redis.ts';

const PASSWORD = 'een-lang-wachtwoord';
let chatRedis: TestRedis;
let questionRedis: TestRedis;
const dirs: string[] = [];
const nodes: ChatNode[] = [];

beforeAll(async () => {
  const aof = mkdtempSync(join(tmpdir(), 'cjg-vraag-aof-'));
  dirs.push(aof);
  [chatRedis, questionRedis] = await Promise.all([startRedis(), startRedis({ extraArgs: ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', aof] })]);
});
afterAll(async () => {
  for (const node of nodes) await node.stop().catch(() => undefined);
  await chatRedis?.stop();
  await questionRedis?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const json = async (url: string, body: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
};

test('asked on node A, A crashes, answered on node B, picked up on A after its restart', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cjg-vraag-nodes-'));
  dirs.push(dataDir);
  addAccount(dataDir, 'Noor', 'counsellor', await hashPassword(PASSWORD, { N: 2 ** 10, r: 8, p: 1 }));
  const env = { CJG_INDICATORS_REDIS_URL: questionRedis.url, CJG_QUESTIONS_KEY: randomBytes(32).toString('base64') };
  const start = async () => {
    const node = await startChatNode({ dataDir, redisUrl: chatRedis.url, env });
    nodes.push(node);
    return node;
  };
  let a = await start();
  const b = await start();

  const asked = await json(a.url + ASK_PATH, { text: 'Hoe kan ik stoppen met blowen als al mijn vrienden het doen?', topic: 'middelengebruik' });
  expect(asked.status).toBe(200);
  await a.kill();

  const login = await json(`${b.url}/api/medewerkers/login`, { name: 'Noor', password: PASSWORD });
  const auth = { Authorization: `Bearer ${login.body.token}` };
  const list = await (await fetch(b.url + STAFF_QUESTIONS_PATH, { headers: auth })).json();
  expect(list.questions).toHaveLength(1);
  expect(list.questions[0].topic).toBe('middelengebruik');
  const id = list.questions[0].id;
  expect((await json(b.url + STAFF_ACTION_PATHS.claim, { id }, auth)).body.question.messages[0].text).toContain('blowen');
  expect((await json(b.url + STAFF_ACTION_PATHS.answer, { id, text: 'Goed dat je wilt stoppen. Zoek één vriend die je steunt.' }, auth)).body.result).toBe(
    'sent',
  );

  a = await start();
  const picked = await json(a.url + PICKUP_PATH, { code: asked.body.code });
  expect(picked.body.state).toBe('answered');
  expect(picked.body.messages[1]).toMatchObject({ from: 'cjg', name: 'Noor', text: 'Goed dat je wilt stoppen. Zoek één vriend die je steunt.' });
  expect([...a.logs, ...b.logs].join('\n')).not.toMatch(/blowen|stoppen|127\.0\.0\.1/);
});
