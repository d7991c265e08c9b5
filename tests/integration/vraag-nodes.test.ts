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
import { first } from '../support/defined.ts';
import { startRedis, type TestRedis } from '../support/redis.ts';
import { staffLogin } from '../support/staff-login.ts';
import { getJson, okBody, pickupIn, postJson } from './question-harness.ts';

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
  await chatRedis.stop();
  await questionRedis.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

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

  const asked = await postJson(a.url, ASK_PATH, { text: 'Hoe kan ik stoppen met blowen als al mijn vrienden het doen?', topic: 'middelengebruik' });
  expect(asked.status).toBe(200);
  await a.kill();

  const auth = { Authorization: `Bearer ${await staffLogin(b.url, 'Noor', PASSWORD)}` };
  const list = okBody(await getJson(b.url, STAFF_QUESTIONS_PATH, auth));
  expect(list.questions).toHaveLength(1);
  const summary = first(list.questions, 'question in the queue');
  expect(summary.topic).toBe('middelengebruik');
  const id = summary.id;
  expect(okBody(await postJson(b.url, STAFF_ACTION_PATHS.claim, { id }, auth)).question.messages.at(0)?.text).toContain('blowen');
  expect(okBody(await postJson(b.url, STAFF_ACTION_PATHS.answer, { id, text: 'Goed dat je wilt stoppen. Zoek één vriend die je steunt.' }, auth)).result).toBe(
    'sent',
  );

  a = await start();
  const picked = pickupIn(await postJson(a.url, PICKUP_PATH, { code: okBody(asked).code }), 'answered');
  expect(picked.messages.at(1)).toMatchObject({ from: 'cjg', name: 'Noor', text: 'Goed dat je wilt stoppen. Zoek één vriend die je steunt.' });
  expect([...a.logs, ...b.logs].join('\n')).not.toMatch(/blowen|stoppen|127\.0\.0\.1/);
});
