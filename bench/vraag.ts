/**
 * "Stel je vraag" measurements: KDF time (scrypt → X25519), look-up cost (right and wrong code, one at a
 * time and a storm through the KDF gate), and storage per question in node:sqlite and in a persistent Redis.
 * `npm run bench -- vraag [--questions=60]`. Real crypto, real stores, 127.0.0.1 only.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'redis';
import { createLogger } from '../chat-server/log.ts';
import { deriveFromSecret, newSalt } from '../chat-server/questions/crypto.ts';
import { questionConfig } from '../chat-server/questions/index.ts';
import { RedisQuestionStore } from '../chat-server/questions/redis-store.ts';
import { createQuestionService, QuestionError } from '../chat-server/questions/service.ts';
import { SQLITE_FILE, SqliteQuestionStore } from '../chat-server/questions/sqlite-store.ts';
import type { QuestionStore } from '../chat-server/questions/store.ts';
import { MemoryChatStore } from '../chat-server/store/memory.ts';
import { DEFAULT_MARGIN_DAYS } from '../shared/vraag/limits.ts';
import { startRedis } from '../tests/support/redis.ts';
import { percentile, printTable } from './report.ts';

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
const p95 = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    95,
  );
const round = (n: number, digits = 1) => Number(n.toFixed(digits));

/** A realistic question (≈ 600 characters) and answer (≈ 900). */
const QUESTION =
  'Hoi, ik ben 15 en ik weet niet zo goed wat ik moet doen. Mijn ouders maken elke avond ruzie, soms tot heel laat, en dan kan ik niet slapen. ' +
  'Op school gaat het daardoor ook slechter, ik val bijna in slaap in de les en mijn mentor vroeg al of er iets was. Ik durf het niet goed te zeggen, ' +
  'want ik wil niet dat mijn ouders boos worden of dat er iemand bij ons thuis komt. Mijn zusje is 9 en zij huilt vaak als ze ruzie maken. ' +
  'Ik probeer haar dan af te leiden met filmpjes maar ik weet niet of dat goed is. Is dit normaal? Wat kan ik doen? Groetjes';
const ANSWER = `${'Wat fijn dat je ons dit schrijft, en wat goed dat je zo voor je zusje zorgt. '.repeat(6)}Je hoeft dit niet alleen te dragen.`;

export interface VraagBenchOptions {
  questions: number;
}

export function vraagBenchOptions(args: string[]): VraagBenchOptions {
  const value = Number(args.find((a) => a.startsWith('--questions='))?.split('=')[1] ?? 60);
  return { questions: Number.isFinite(value) && value > 0 ? Math.min(value, 500) : 60 };
}

function service(store: QuestionStore) {
  return createQuestionService({
    store,
    serverKey: randomBytes(32),
    chatStore: new MemoryChatStore(),
    config: {
      ...questionConfig({ marginDays: DEFAULT_MARGIN_DAYS, askPerNetworkPerHour: 1e6, maxStored: 1e6 }),
      wrongCodeDelayMs: 0,
      lookupThrottle: { free: 1e6, baseMs: 1, maxMs: 1, resetMs: 1 },
    },
    logger: createLogger(() => {}),
  });
}

/** Asks and answers `n` questions; returns their codes and the mean ask time. */
async function fill(svc: ReturnType<typeof service>, n: number): Promise<{ codes: string[]; askMs: number[]; answerMs: number[] }> {
  const codes: string[] = [];
  const askMs: number[] = [];
  const answerMs: number[] = [];
  const me = { key: 'bench', name: 'Bench', role: 'counsellor' as const };
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    codes.push((await svc.ask({ text: QUESTION }, `net-${i}`)).code);
    askMs.push(performance.now() - t0);
  }
  for (const q of await svc.list()) {
    const t0 = performance.now();
    await svc.claim(q.id, me);
    await svc.answer(q.id, ANSWER, false, me);
    answerMs.push(performance.now() - t0);
  }
  return { codes, askMs, answerMs };
}

export async function runVraagBench(options: VraagBenchOptions): Promise<Record<string, unknown>> {
  // KDF alone.
  const kdf: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    await deriveFromSecret('ABCDEFGHJKMNPQRS', newSalt());
    kdf.push(performance.now() - t0);
  }

  // One node: SQLite.
  const dir = mkdtempSync(join(tmpdir(), 'cjg-bench-vraag-'));
  const sqlite = new SqliteQuestionStore(dir);
  const svc = service(sqlite);
  const { codes, askMs, answerMs } = await fill(svc, options.questions);
  const right: number[] = [];
  const wrong: number[] = [];
  for (const code of codes.slice(0, 20)) {
    let t0 = performance.now();
    await svc.pickup(code, 'net');
    right.push(performance.now() - t0);
    t0 = performance.now();
    await svc.pickup(`${code.slice(0, 5)}AAAA-AAAA-AAAA-AAAA`, 'net').catch((e: unknown) => {
      if (!(e instanceof QuestionError)) throw e;
    });
    wrong.push(performance.now() - t0);
  }
  // A storm: 64 wrong codes at once through the gate (2 derivations at a time, 32 waiting).
  const stormStart = performance.now();
  const storm = await Promise.all(
    Array.from({ length: 64 }, (_, i) =>
      svc.pickup(`ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZ${'ABCDEFGHJKMNPQRSTUVWXYZ'[i % 23]}`, `storm-${i}`).then(
        () => 'ok',
        (e: unknown) => (e instanceof QuestionError ? e.code : 'error'),
      ),
    ),
  );
  const stormMs = performance.now() - stormStart;
  const refused = storm.filter((s) => s === 'unavailable').length;
  await sqlite.close();
  const sqliteBytes = statSync(join(dir, SQLITE_FILE)).size;
  rmSync(dir, { recursive: true, force: true });

  // Several nodes: a persistent Redis.
  const redisDir = mkdtempSync(join(tmpdir(), 'cjg-bench-vraag-redis-'));
  const redis = await startRedis({ extraArgs: ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', redisDir] });
  let redisBytesPerQuestion = 0;
  let redisAskMs: number[] = [];
  try {
    const store = await RedisQuestionStore.connect(redis.url, 'bench:');
    const filled = await fill(service(store), Math.min(options.questions, 30));
    redisAskMs = filled.askMs;
    const client = createClient({ url: redis.url });
    await client.connect();
    let bytes = 0;
    for (const key of await client.keys('bench:*')) bytes += Number(await client.sendCommand(['MEMORY', 'USAGE', key]));
    redisBytesPerQuestion = bytes / filled.codes.length;
    await client.close();
    await store.close();
  } finally {
    await redis.stop();
    rmSync(redisDir, { recursive: true, force: true });
  }

  const rows = [
    { what: 'KDF scrypt N=2^15 r=8 → X25519 (ms)', median: round(median(kdf)), p95: round(p95(kdf)) },
    { what: 'ask, SQLite (ms, incl. KDF)', median: round(median(askMs)), p95: round(p95(askMs)) },
    { what: 'ask, Redis appendfsync always (ms)', median: round(median(redisAskMs)), p95: round(p95(redisAskMs)) },
    { what: 'claim + answer + seal, SQLite (ms)', median: round(median(answerMs)), p95: round(p95(answerMs)) },
    { what: 'pick-up, right code (ms)', median: round(median(right)), p95: round(p95(right)) },
    { what: 'pick-up, wrong code, without the added delay (ms)', median: round(median(wrong)), p95: round(p95(wrong)) },
  ];
  printTable('Stel je vraag: time', rows);
  const storage = [
    { what: 'SQLite file per answered question (bytes)', value: Math.round(sqliteBytes / options.questions) },
    { what: 'Redis memory per answered question (bytes)', value: Math.round(redisBytesPerQuestion) },
    { what: `wrong-code storm: 64 at once, total (ms)`, value: Math.round(stormMs) },
    { what: 'wrong-code storm: refused at once (gate full)', value: refused },
  ];
  printTable(`Stel je vraag: storage (${options.questions} questions of ${QUESTION.length} + ${ANSWER.length} characters) and storm`, storage);
  return { rows, storage, questions: options.questions };
}
