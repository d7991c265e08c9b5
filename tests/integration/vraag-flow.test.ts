/**
 * "Stel je vraag" end to end against real servers: ask → answer → pick up → follow-up → delete, with a
 * restart between steps; two nodes sharing a persistent Redis; a flagged question; expiry; and what is
 * left at rest (the data folder, the Redis keys, the logs) after the answer was sent.
 */
import { readdirSync, readFileSync, rmSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'redis';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { C } from '../../shared/indicators/counters.ts';
import { ASK_PATH, DELETE_PATH, FOLLOW_UP_PATH, PICKUP_PATH, STAFF_ACTION_PATHS as A } from '../../shared/vraag/limits.ts';
import type { ReviewedAnswer } from '../../shared/vraag/types.ts';
import { startRedis, type TestRedis } from '../support/redis.ts';
import { defined, first } from '../support/defined.ts';
import { errorBody, okBody, pickupIn, staffApi, startQuestionNode, type QuestionNode } from './question-harness.ts';

const QUESTION = 'Mijn ouders maken elke avond ruzie en ik kan niet slapen. Wat kan ik doen?';
const ANSWER = 'Wat naar dat je dit elke avond hoort. Praat erover met iemand die je vertrouwt, bijvoorbeeld je mentor.';
const FOLLOW_UP = 'Dankjewel! Maar wat als mijn mentor het doorvertelt aan mijn ouders?';
const SECOND_ANSWER = 'Een mentor mag dat niet zomaar. Vraag eerst of het tussen jullie blijft.';
const accounts: [string, 'counsellor' | 'supervisor'][] = [
  ['Sanne', 'counsellor'],
  ['Kees', 'counsellor'],
  ['Fatima', 'supervisor'],
];

const nodes: QuestionNode[] = [];
const folders: string[] = [];
afterEach(async () => {
  for (const node of nodes.splice(0)) await node.close().catch(() => undefined);
});
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

async function node(options: Parameters<typeof startQuestionNode>[0] = {}): Promise<QuestionNode> {
  const started = await startQuestionNode({ accounts, ...options });
  nodes.push(started);
  folders.push(started.dataDir);
  return started;
}

async function restart(old: QuestionNode): Promise<QuestionNode> {
  nodes.splice(nodes.indexOf(old), 1);
  const fresh = await old.restart();
  nodes.push(fresh);
  return fresh;
}

/** Every byte of every file in a folder, as latin1 text (finds UTF-8 text as well). */
function folderBytes(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name)).toString('latin1'))
    .join('\n');
}

function expectNoText(haystack: string, ...texts: string[]) {
  for (const text of texts) {
    // Any 12-character stretch of the text (in UTF-8) would be readable.
    for (let i = 0; i + 12 <= text.length; i += 6) expect(haystack).not.toContain(Buffer.from(text.slice(i, i + 12)).toString('latin1'));
  }
}

describe('the whole flow on one node (SQLite), restarting between steps', () => {
  test('ask → claim → answer → pick up → follow-up → answer → delete', async () => {
    let a = await node();
    const asked = await a.post(ASK_PATH, { text: QUESTION, topic: 'problemen', ageBand: '12-18' });
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ ok: true, danger: false });
    const { code, dueText } = okBody(asked);
    expect(code).toMatch(/^[A-Z]{4}(-[A-Z]{4}){4}$/);
    expect(dueText).toMatch(/^(maandag|dinsdag|woensdag|donderdag|vrijdag) \d+ \w+$/);

    // The young person looks before there is an answer.
    const early = await a.post(PICKUP_PATH, { code: code.toLowerCase().replaceAll('-', ' ') });
    expect(early.body).toMatchObject({ ok: true, state: 'waiting', dueText });
    expect(pickupIn(early, 'waiting').messages).toEqual([expect.objectContaining({ from: 'youth', text: QUESTION })]);

    a = await restart(a);
    const sanne = staffApi(a, await a.login('Sanne'));
    const list = await sanne.list();
    expect(list.status).toBe(200);
    expect(okBody(list).questions).toHaveLength(1);
    const summary = first(okBody(list).questions, 'question in the queue');
    expect(summary).toMatchObject({ status: 'open', topic: 'problemen', ageBand: '12-18', flagged: false, followUp: false });
    expect(JSON.stringify(list.body)).not.toContain('ruzie'); // the queue shows no text
    const id = summary.id;

    const claimed = await sanne.act(A.claim, { id });
    expect(okBody(claimed).question.messages.at(0)?.text).toBe(QUESTION);
    const kees = staffApi(a, await a.login('Kees'));
    expect((await kees.act(A.claim, { id })).status).toBe(409);
    expect((await kees.act(A.read, { id })).status).toBe(409);
    expect(okBody(await kees.list()).questions.at(0)).toMatchObject({ status: 'claimed', claimedBy: 'Sanne' });

    a = await restart(a);
    const sanne2 = staffApi(a, await a.login('Sanne'));
    const sent = await sanne2.act(A.answer, { id, text: ANSWER });
    expect(sent.body).toEqual({ ok: true, result: 'sent' });
    expect(okBody(await sanne2.list()).questions).toEqual([]);
    expect((await sanne2.act(A.read, { id })).status).toBe(410); // sealed: the CJG cannot read it any more

    a = await restart(a);
    const answered = await a.post(PICKUP_PATH, { code });
    expect(answered.body).toMatchObject({ ok: true, state: 'answered', canFollowUp: true });
    const answeredThread = pickupIn(answered, 'answered').messages;
    expect(answeredThread.map((m) => [m.from, m.text])).toEqual([
      ['youth', QUESTION],
      ['cjg', ANSWER],
    ]);
    expect(answeredThread.at(1)).toMatchObject({ name: 'Sanne' });

    const followed = await a.post(FOLLOW_UP_PATH, { code, text: FOLLOW_UP });
    expect(followed.body).toMatchObject({ ok: true, danger: false });
    expect((await a.post(FOLLOW_UP_PATH, { code, text: 'En nog iets anders wat ik wil vragen.' })).status).toBe(409);
    const waitingAgain = await a.post(PICKUP_PATH, { code });
    expect(pickupIn(waitingAgain, 'waiting').messages).toHaveLength(3);

    a = await restart(a);
    const kees2 = staffApi(a, await a.login('Kees'));
    const again = okBody(await kees2.list()).questions.at(0);
    expect(again).toMatchObject({ id, status: 'open', followUp: true });
    const thread = await kees2.act(A.claim, { id });
    expect(okBody(thread).question.messages.map((m) => m.text)).toEqual([QUESTION, ANSWER, FOLLOW_UP]);
    expect(okBody(await kees2.act(A.answer, { id, text: SECOND_ANSWER })).result).toBe('sent');

    const final = await a.post(PICKUP_PATH, { code });
    const finalThread = pickupIn(final, 'answered');
    expect(finalThread.messages.map((m) => m.text)).toEqual([QUESTION, ANSWER, FOLLOW_UP, SECOND_ANSWER]);
    expect(finalThread.canFollowUp).toBe(false);
    expect(errorBody(await a.post(FOLLOW_UP_PATH, { code, text: 'Mag ik nog een keer iets vragen?' })).code).toBe('follow_up_used');

    // Nothing readable at rest, before or after deletion; the server key is not in the data folder.
    await a.close();
    nodes.splice(nodes.indexOf(a), 1);
    expectNoText(folderBytes(a.dataDir), QUESTION, ANSWER, FOLLOW_UP, SECOND_ANSWER, code, code.replaceAll('-', ''));
    expect(folderBytes(a.dataDir)).not.toContain(a.serverKey.toString('base64url'));
    expect(statSync(join(a.dataDir, 'vragen.sqlite')).mode & 0o777).toBe(0o600);
    a = await restart(a);

    const deleted = await a.post(DELETE_PATH, { code });
    expect(deleted.body).toEqual({ ok: true });
    expect(errorBody(await a.post(PICKUP_PATH, { code })).code).toBe('not_found');
    expect(await a.questions.service.list()).toEqual([]);

    // Logs: event names and counts only.
    const logs = a.logs.join('\n');
    expect(logs).not.toMatch(/ruzie|mentor|127\.0\.0\.1/);
    expect(logs).not.toContain(code.slice(0, 4));
    const counts = [...a.indicatorStore.buckets.values()].reduce<Record<string, number>>((all, c) => {
      for (const [k, v] of Object.entries(c)) all[k] = (all[k] ?? 0) + v;
      return all;
    }, {});
    expect(counts).toMatchObject({ [C.questionAsked]: 1, [C.questionFollowUp]: 1, [C.questionAnswered]: 2, [C.questionInTime]: 2, [C.questionDeleted]: 1 });
  });
});

describe('two nodes sharing the persistent Redis', () => {
  let redis: TestRedis;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cjg-vraag-2nodes-'));
    redis = await startRedis({ extraArgs: ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', dir] });
  });
  afterAll(async () => {
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('asked on one node, answered on the other, picked up on the first; Redis holds no text', async () => {
    const a = await node({ redisUrl: redis.url, redisPrefix: 'two:' });
    const b = await node({ redisUrl: redis.url, redisPrefix: 'two:', serverKey: a.serverKey, dataDir: undefined });
    const { code } = okBody(await a.post(ASK_PATH, { text: QUESTION }));
    const kees = staffApi(b, await b.login('Kees'));
    const summary = first(okBody(await kees.list()).questions, 'question in the queue');
    await kees.act(A.claim, { id: summary.id });
    // The same claim from node A loses: compare-and-set across nodes.
    const sanneOnA = staffApi(a, await a.login('Sanne'));
    expect((await sanneOnA.act(A.claim, { id: summary.id })).status).toBe(409);
    expect(okBody(await kees.act(A.answer, { id: summary.id, text: ANSWER })).result).toBe('sent');
    const picked = await a.post(PICKUP_PATH, { code });
    expect(pickupIn(picked, 'answered').messages.at(1)).toMatchObject({ from: 'cjg', name: 'Kees', text: ANSWER });

    const client = createClient({ url: redis.url });
    await client.connect();
    const keys = await client.keys('two:*');
    const values = await Promise.all(
      keys.map(async (k) => ((await client.type(k)) === 'string' ? await client.get(k) : (await client.zRange(k, 0, -1)).join(' '))),
    );
    await client.close();
    expectNoText(values.join('\n'), QUESTION, ANSWER, code.replaceAll('-', ''));
    expectNoText(folderBytes(dir), QUESTION, ANSWER);
  });
});

describe('a question that suggests danger', () => {
  test('shows the lines, alerts supervisors, and needs a second reader before it is sent', async () => {
    const a = await node();
    const fatima = await a.staffSocket(await a.login('Fatima'));
    const alert = new Promise<{ reason: string; questionId: string }>((resolve) => fatima.once('question:alert', resolve));
    const asked = await a.post(ASK_PATH, { text: 'ik wil niet meer leven, niemand snapt me' });
    expect(okBody(asked).danger).toBe(true);
    const raised = await alert;
    expect(raised.reason).toBe('danger');

    const sanne = staffApi(a, await a.login('Sanne'));
    const summary = first(okBody(await sanne.list()).questions, 'question in the queue');
    expect(summary).toMatchObject({ id: raised.questionId, flagged: true, danger: true });
    await sanne.act(A.claim, { id: summary.id });
    const direct = await sanne.act(A.answer, { id: summary.id, text: ANSWER });
    expect(direct.status).toBe(409);
    expect(errorBody(direct).code).toBe('review_required');
    expect(errorBody(await sanne.act(A.flag, { id: summary.id, flagged: false })).code).toBe('forbidden');
    expect(okBody(await sanne.act(A.answer, { id: summary.id, text: ANSWER, review: true })).result).toBe('review');
    expect(errorBody(await sanne.act(A.approve, { id: summary.id })).code).toBe('own_answer');

    const kees = staffApi(a, await a.login('Kees'));
    const review = await kees.act(A.read, { id: summary.id });
    expect(okBody(review).question).toMatchObject({ status: 'review', draft: ANSWER, draftBy: 'Sanne' });
    const edited = `${ANSWER} Bel vandaag nog 113 (0800-0113).`;
    expect(okBody(await kees.act(A.approve, { id: summary.id, text: edited })).result).toBe('sent');
    const picked = await a.post(PICKUP_PATH, { code: okBody(asked).code });
    expect(pickupIn(picked, 'answered').messages.at(1)).toMatchObject({ name: 'Sanne', text: edited });
  });
});

describe('a follow-up that suggests danger', () => {
  type Alert = { reason: string; questionId: string; round: number };

  /** A first question, answered; its code and id. */
  async function answered(a: QuestionNode): Promise<{ code: string; id: string; sanne: ReturnType<typeof staffApi> }> {
    const asked = okBody(await a.post(ASK_PATH, { text: QUESTION }));
    expect(asked.danger).toBe(false);
    const sanne = staffApi(a, await a.login('Sanne'));
    const summary = first(okBody(await sanne.list()).questions, 'question in the queue');
    expect(summary).toMatchObject({ flagged: false, danger: false, followUp: false, round: 0 });
    const id = summary.id;
    await sanne.act(A.claim, { id });
    await sanne.act(A.answer, { id, text: ANSWER });
    return { code: asked.code, id, sanne };
  }

  test('is flagged and alarms supervisors like a first question, and the young person sees the lines now and on every pick-up', async () => {
    const a = await node();
    const fatima = await a.staffSocket(await a.login('Fatima'));
    const alerts: Alert[] = [];
    fatima.on('question:alert', (alert: Alert) => alerts.push(alert));
    const { code, id, sanne } = await answered(a);

    const raised = new Promise<Alert>((resolve) => fatima.once('question:alert', resolve));
    const followed = await a.post(FOLLOW_UP_PATH, { code, text: 'Het helpt niet. Ik wil niet meer leven, ik heb al pillen.' });
    expect(followed.body).toMatchObject({ ok: true, danger: true });
    expect(await raised).toMatchObject({ questionId: id, reason: 'danger', round: 1 });
    expect(alerts).toHaveLength(1);

    const again = first(okBody(await sanne.list()).questions, 'question in the queue');
    expect(again).toMatchObject({ id, flagged: true, danger: true, followUp: true, round: 1 });
    // Flagged now: it needs a second reader, like a first question that sounded like danger.
    await sanne.act(A.claim, { id });
    expect(errorBody(await sanne.act(A.answer, { id, text: SECOND_ANSWER })).code).toBe('review_required');

    expect((await a.post(PICKUP_PATH, { code })).body).toMatchObject({ state: 'waiting', followUp: true, danger: true });
    const page = await a.postForm(PICKUP_PATH, new URLSearchParams({ code }));
    expect(page.body).toContain('Ben je nu in gevaar? Wacht niet op ons antwoord.');
    expect(page.body).toContain('Je vervolgvraag wacht op ons antwoord');
  });

  test('a calm follow-up says it waits, without the lines', async () => {
    const a = await node();
    const { code } = await answered(a);
    await a.post(FOLLOW_UP_PATH, { code, text: FOLLOW_UP });
    expect((await a.post(PICKUP_PATH, { code })).body).toMatchObject({ state: 'waiting', followUp: true, danger: false });
  });
});

describe('the author of an answer at a second reader', () => {
  test('sees it wait, and is told live (and in the list) when the colleague sends it, changed or not', async () => {
    const a = await node();
    const sanneToken = await a.login('Sanne');
    const sanneSocket = await a.staffSocket(sanneToken);
    const fatimaSocket = await a.staffSocket(await a.login('Fatima'));
    const toOthers: unknown[] = [];
    fatimaSocket.on('question:reviewed', (answer: unknown) => toOthers.push(answer));
    const sanne = staffApi(a, sanneToken);
    const kees = staffApi(a, await a.login('Kees'));
    const mine = async (api: ReturnType<typeof staffApi>) => okBody(await api.list()).mine;

    for (const text of [QUESTION, 'Hoe stop ik met vapen? Ik wil het echt, maar mijn vrienden doen het allemaal.']) await a.post(ASK_PATH, { text });
    const ids = okBody(await sanne.list()).questions.map((q) => q.id);
    for (const id of ids) {
      await sanne.act(A.claim, { id });
      await sanne.act(A.answer, { id, text: ANSWER, review: true });
    }
    expect((await mine(sanne)).map((m) => [m.questionId, m.state])).toEqual(ids.map((id) => [id, 'waiting']));
    expect(await mine(kees)).toEqual([]);

    // Kees sends the first as written: Sanne hears it at once, on her own socket only.
    const told = new Promise<ReviewedAnswer>((resolve) => sanneSocket.once('question:reviewed', resolve));
    await kees.act(A.approve, { id: ids[0] });
    expect(await told).toMatchObject({ questionId: ids[0], state: 'sent', reviewerName: 'Kees', edited: false });
    const toldAgain = new Promise<ReviewedAnswer>((resolve) => sanneSocket.once('question:reviewed', resolve));
    await kees.act(A.approve, { id: ids[1], text: `${ANSWER} Kijk ook op ikstopnu.nl.` });
    expect(await toldAgain).toMatchObject({ questionId: ids[1], state: 'sent', reviewerName: 'Kees', edited: true });
    expect(toOthers).toEqual([]);

    // The list says the same after a reload, and (after a restart) still does: it is on the record, not in memory.
    const after = await restart(a);
    const sanneAgain = staffApi(after, await after.login('Sanne'));
    const listed = await mine(sanneAgain);
    expect(listed).toHaveLength(2);
    expect(listed.find((m) => m.questionId === ids[1])).toMatchObject({ state: 'sent', reviewerName: 'Kees', edited: true });
    expect(typeof listed[0]?.sentAt).toBe('number');
    expect(JSON.stringify(listed)).not.toContain('ikstopnu');
  });
});

describe('retention', () => {
  test('unanswered past promise + margin: an honest "expired", then gone; answered: gone after N days', async () => {
    const clock = { now: Date.UTC(2026, 11, 7, 9) }; // Monday
    const a = await node({ clock });
    const late = okBody(await a.post(ASK_PATH, { text: QUESTION }));
    const answeredOne = okBody(await a.post(ASK_PATH, { text: 'Hoe stop ik met vapen? Ik wil het echt.' }));
    const sanne = staffApi(a, await a.login('Sanne'));
    const ids = okBody(await sanne.list()).questions.map((q) => q.id);
    const vapeId = defined(ids.at(1), 'a second question in the queue');
    await sanne.act(A.claim, { id: vapeId });
    await sanne.act(A.answer, { id: vapeId, text: 'Goed dat je wilt stoppen! Kijk eens op ikstopnu.nl.' });

    clock.now = late.dueAt + 2 * 86_400_000 - 1;
    await a.questions.service.sweep();
    expect(okBody(await a.post(PICKUP_PATH, { code: late.code })).state).toBe('waiting');
    clock.now += 1;
    expect(await a.questions.service.sweep()).toEqual({ deleted: 0, expired: 1 });
    expect((await a.post(PICKUP_PATH, { code: late.code })).body).toEqual({ ok: true, state: 'expired' });
    // Days later the morning login has run out; log in again.
    expect(okBody(await staffApi(a, await a.login('Sanne')).list()).questions).toEqual([]);
    expectNoText(folderBytes(a.dataDir), QUESTION);

    clock.now = Date.UTC(2026, 11, 7, 9) + 14 * 86_400_000 + 1000;
    await a.questions.service.sweep();
    expect(errorBody(await a.post(PICKUP_PATH, { code: answeredOne.code })).code).toBe('not_found');
    clock.now += 30 * 86_400_000;
    await a.questions.service.sweep();
    expect(errorBody(await a.post(PICKUP_PATH, { code: late.code })).code).toBe('not_found');
    expect(await a.questions.service.list()).toEqual([]);
  });
});
