/**
 * Every input path of "Stel je vraag" under abuse: a storm of wrong codes, a flood of questions from one
 * network, oversized, malformed and foreign requests, markup; and the form posts that work without JavaScript.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { ASK_PATH, DELETE_PATH, FOLLOW_UP_PATH, MAX_QUESTION_LENGTH, PICKUP_PATH, STAFF_ACTION_PATHS as A } from '../../shared/vraag/limits.ts';
import { defined, first } from '../support/defined.ts';
import { errorBody, okBody, pickupIn, staffApi, startQuestionNode, type QuestionNode } from './question-harness.ts';

const nodes: QuestionNode[] = [];
afterEach(async () => {
  for (const node of nodes.splice(0)) {
    await node.close().catch(() => undefined);
    rmSync(node.dataDir, { recursive: true, force: true });
  }
});
afterAll(() => undefined);

async function node(options: Parameters<typeof startQuestionNode>[0] = {}) {
  const started = await startQuestionNode({ accounts: [['Sanne', 'counsellor']], ...options });
  nodes.push(started);
  return started;
}

const QUESTION = 'Ik word gepest in de groepsapp van mijn klas. Wat kan ik doen?';

describe('wrong codes', () => {
  test('cost time, and many from one network are refused with 429 and a Dutch message, even for a right code', async () => {
    const a = await node();
    const { code } = okBody(await a.post(ASK_PATH, { text: QUESTION }));
    const started = Date.now();
    const wrong = await a.post(PICKUP_PATH, { code: 'ABCD-EFGH-JKMN-PQRS-TUVW' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    expect(wrong.status).toBe(404);
    expect(errorBody(wrong).error).toBe('We vinden geen vraag bij deze code. Klopt de code? Misschien is de vraag al gewist.');
    // Right locator, wrong secret: the same answer (no hint that the first group was right).
    const sameLocator = await a.post(PICKUP_PATH, { code: `${code.slice(0, 5)}AAAA-AAAA-AAAA-AAAA` });
    expect(sameLocator.status).toBe(404);
    expect(sameLocator.body).toEqual(wrong.body);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await a.post(PICKUP_PATH, { code: `ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZ${'ABCDEFGHJK'[i]}` })).status);
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(404));
    expect(statuses.at(-1)).toBe(429);
    const refused = await a.post(PICKUP_PATH, { code });
    expect(refused.status).toBe(429);
    // A young person with the right code at school is refused too (the lock is per network): the message
    // says why that is not their fault, that nothing is lost, when to try again, and what else to do.
    const message = errorBody(refused).error;
    expect(message).toMatch(/^Er zijn vanaf dit netwerk te veel verkeerde codes ingevuld\./);
    expect(message).toMatch(/school/);
    expect(message).toMatch(/Je vraag en je code blijven bewaard\./);
    expect(message).toMatch(/Probeer het over \d+ seconden opnieuw, of gebruik je mobiele internet in plaats van de wifi\./);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const page = await a.postForm(PICKUP_PATH, new URLSearchParams({ code }));
    expect(page.status).toBe(429);
    expect(page.body).toContain('je mobiele internet');
    expect(page.body).toContain('class="vraag-lines"');
    expect(page.body).toContain('<title>Fout: Stel je vraag</title>');
    // Deleting with a guessed code is refused the same way.
    expect((await a.post(DELETE_PATH, { code })).status).toBe(429);
    // Meanwhile asking still works for this network, and the chat status still answers.
    expect((await a.post(ASK_PATH, { text: QUESTION })).status).toBe(200);
    expect((await fetch(`${a.url}/api/chat/status`)).status).toBe(200);
  });

  test('a typo is told apart from a wrong code without asking the server for a derivation', async () => {
    const a = await node();
    const typo = await a.post(PICKUP_PATH, { code: 'ABCD-EFGH-JKMN-PQRS-TUV0' });
    expect(typo.status).toBe(400);
    expect(errorBody(typo).fields?.['code']).toMatch(/alleen letters, zonder cijfers/);
    const short = await a.post(PICKUP_PATH, { code: 'ABCD-EFGH' });
    expect(errorBody(short).error).toBe('Een code heeft 20 letters. Kijk of je hem helemaal goed hebt overgenomen.');
  });
});

describe('asking', () => {
  test('a flood from one network is refused after the hourly allowance, in Dutch, with the lines', async () => {
    const a = await node({ config: { askLimit: { burst: 3, perSecond: 3 / 3600 } } });
    for (let i = 0; i < 3; i++) expect((await a.post(ASK_PATH, { text: `${QUESTION} (${i})` })).status).toBe(200);
    const refused = await a.post(ASK_PATH, { text: QUESTION });
    expect(refused.status).toBe(429);
    expect(errorBody(refused).error).toMatch(/^Er zijn vanaf dit netwerk net veel vragen gesteld\. Probeer het over \d+ minuten opnieuw/);
    expect((await a.questions.service.list()).length).toBe(3);
  });

  test('size limits, empty and malformed input get the same kind of Dutch errors as the chat', async () => {
    const a = await node();
    const long = await a.post(ASK_PATH, { text: 'a'.repeat(MAX_QUESTION_LENGTH + 1) });
    expect(long.status).toBe(400);
    expect(errorBody(long).fields?.['text']).toBe(`Je vraag is te lang. Hij mag maximaal ${MAX_QUESTION_LENGTH} tekens hebben. Maak hem wat korter.`);
    expect(errorBody(await a.post(ASK_PATH, { text: '    ' })).fields?.['text']).toBe('Schrijf eerst je vraag.');
    expect(errorBody(await a.post(ASK_PATH, { text: 'help' })).fields?.['text']).toMatch(/erg kort/);
    expect(errorBody(await a.post(ASK_PATH, { text: QUESTION, topic: 'voetbal' })).fields?.['topic']).toBe('Kies een onderwerp uit de lijst.');
    expect((await a.post(ASK_PATH, { text: 42 })).status).toBe(400);
    const huge = await fetch(`${a.url}${ASK_PATH}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ text: 'x'.repeat(100_000) }),
    });
    expect(huge.status).toBe(400);
    const broken = await fetch(`${a.url}${ASK_PATH}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: '{"text": "hal',
    });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: string }).error).toBe('Dat verzoek klopt niet. Er is niets veranderd. Probeer het opnieuw.');
    expect((await fetch(`${a.url}${ASK_PATH}`)).status).toBe(405);
    expect((await a.questions.service.list()).length).toBe(0);
  });

  test('a form from another site is refused; markup is kept as text and escaped on the no-JS page', async () => {
    const a = await node();
    expect((await a.post(ASK_PATH, { text: QUESTION }, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await a.post(ASK_PATH, { text: QUESTION }, { Origin: 'https://kwaadaardig.example' })).status).toBe(403);
    const markup = '<script>alert("hoi")</script> <img src=x onerror=alert(1)> is dit normaal?';
    const { code } = okBody(await a.post(ASK_PATH, { text: markup }));
    expect(pickupIn(await a.post(PICKUP_PATH, { code }), 'waiting').messages.at(0)?.text).toBe(markup);
    const page = await a.postForm(PICKUP_PATH, new URLSearchParams({ code }));
    expect(page.body).toContain('&lt;script&gt;alert(&quot;hoi&quot;)&lt;/script&gt;');
    expect(page.body).not.toContain('<script>alert');
  });
});

describe('invisible characters (bidirectional controls, zero-width)', () => {
  test('are taken out of questions, follow-ups and answers, so danger is still seen and nobody reads a reordered line', async () => {
    const a = await node({
      accounts: [
        ['Sanne', 'counsellor'],
        ['Kees', 'counsellor'],
      ],
    });
    // "zelfmoord" split by a zero-width space, a name wrapped in isolates, an override that reverses "18".
    const text = 'ik denk elke dag aan zelf\u200Bmoord, \u2068Mees\u2069 zegt ik ben \u202E81\u202C';
    const answer = await a.post(ASK_PATH, { text });
    expect(answer.status).toBe(200);
    const asked = okBody(answer);
    expect(asked.danger).toBe(true);
    const sanne = staffApi(a, await a.login('Sanne'));
    const { id } = first(okBody(await sanne.list()).questions, 'question in the queue');
    const claimed = okBody(await sanne.act(A.claim, { id }));
    expect(claimed.question.messages[0]?.text).toBe('ik denk elke dag aan zelfmoord, Mees zegt ik ben 81');
    const review = okBody(await sanne.act(A.answer, { id, text: 'Bel\u202E 311 \u202Cnu.', review: true }));
    expect(review.result).toBe('review');
    const kees = staffApi(a, await a.login('Kees'));
    expect(okBody(await kees.act(A.read, { id })).question.draft).toBe('Bel 311 nu.');
    await kees.act(A.approve, { id });

    const followUp = 'soms wil ik \u200Dme\u200B\u200Bzelf\u2060 iets aandoen';
    const followed = okBody(await a.post(FOLLOW_UP_PATH, { code: asked.code, text: followUp }));
    expect(followed.danger).toBe(true);
    const picked = pickupIn(await a.post(PICKUP_PATH, { code: asked.code }), 'waiting');
    expect(picked.messages.map((m) => m.text)).toEqual([
      'ik denk elke dag aan zelfmoord, Mees zegt ik ben 81',
      'Bel 311 nu.',
      'soms wil ik mezelf iets aandoen',
    ]);
  });

  test('a question of only invisible characters is empty, with the Dutch message, by JSON and by form', async () => {
    const a = await node();
    const invisible = '\u200B\u200B\u202E\u2066\u2069\uFEFF'.repeat(4);
    const json = await a.post(ASK_PATH, { text: invisible });
    expect(json.status).toBe(400);
    expect(errorBody(json).fields?.['text']).toBe('Schrijf eerst je vraag.');
    const form = await a.postForm(ASK_PATH, new URLSearchParams({ text: invisible }));
    expect(form.status).toBe(400);
    expect(form.body).toContain('Schrijf eerst je vraag.');
    // Padding a too-short question with invisible characters does not make it long enough.
    expect(errorBody(await a.post(ASK_PATH, { text: `help${'\u200B'.repeat(20)}` })).fields?.['text']).toMatch(/erg kort/);
    expect((await a.questions.service.list()).length).toBe(0);
  });
});

describe('without JavaScript', () => {
  test('asking by form post answers with a page showing the code once, never a redirect', async () => {
    const a = await node();
    const res = await fetch(`${a.url}${ASK_PATH}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ text: `${QUESTION}\r\nGroetjes`, topic: '', ageBand: '12-18' }).toString(),
      redirect: 'manual',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('location')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    const code = defined(/class="vraag-code__value"[^>]*>([A-Z-]+)</.exec(html)?.[1], 'the code on the page');
    expect(code).toMatch(/^[A-Z]{4}(-[A-Z]{4}){4}$/);
    expect(html).toContain('Bewaar deze code goed.');
    const picked = await a.postForm(PICKUP_PATH, new URLSearchParams({ code }));
    expect(picked.body).toContain('Nog geen antwoord');
    expect(picked.body).toContain('Groetjes');

    // Counsellor answers; follow-up and delete by form.
    const sanne = staffApi(a, await a.login('Sanne'));
    const q = first(okBody(await sanne.list()).questions, 'question in the queue');
    expect(q.ageBand).toBe('12-18');
    expect(q.topic).toBeNull();
    await sanne.act(A.claim, { id: q.id });
    await sanne.act(A.answer, { id: q.id, text: 'Goed dat je het vraagt.\n\nBewaar screenshots.' });
    const answered = await a.postForm(PICKUP_PATH, new URLSearchParams({ code }));
    expect(answered.body).toContain('<p class="vraag-thread__text">Goed dat je het vraagt.</p><p class="vraag-thread__text">Bewaar screenshots.</p>');
    expect(answered.body).toContain(`action="${FOLLOW_UP_PATH}"`);
    const followed = await a.postForm(FOLLOW_UP_PATH, new URLSearchParams({ code, text: 'Moet ik het tegen mijn mentor zeggen?' }));
    expect(followed.body).toContain('<h1>Je vervolgvraag is verstuurd</h1>');
    expect(followed.body).toContain('We antwoorden binnen 3 werkdagen. Uiterlijk');
    const later = await a.postForm(PICKUP_PATH, new URLSearchParams({ code }));
    expect(later.body).toContain('<h1>Je vervolgvraag wacht op ons antwoord</h1>');
    const gone = await a.postForm(DELETE_PATH, new URLSearchParams({ code, zeker: 'ja' }));
    expect(gone.body).toContain('<h1>Je vraag is gewist</h1>');
    expect(gone.body).toContain('Je vraag en het antwoord zijn gewist.');
    expect(gone.body).toContain('href="/jongeren/chat/"');
    expect(gone.body).toContain('class="vraag-lines"');
    expect(gone.body).not.toMatch(/<h[1-6][^>]*>\s*<\/h[1-6]>/);
    const error = await a.postForm(PICKUP_PATH, new URLSearchParams({ code }));
    expect(error.status).toBe(404);
    expect(error.body).toContain('We vinden geen vraag bij deze code.');
    expect(error.body).toContain('<title>Fout: ');
  });
});

describe('without JavaScript, a mistake loses nothing', () => {
  const form = (fields: Record<string, string>) => new URLSearchParams(fields);
  /** The built pages' forms, as the islands render them (the e2e tests use the real build). */
  function builtPages(dir: string) {
    mkdirSync(join(dir, 'jongeren', 'vraag', 'antwoord'), { recursive: true });
    writeFileSync(
      join(dir, 'jongeren', 'vraag', 'index.html'),
      `<html><head><title>Stel je vraag</title></head><body><form class="vraag-form" method="post" action="${ASK_PATH}" novalidate><textarea id="vraag-tekst" name="text" aria-describedby="vraag-tekst-hint"></textarea><select id="vraag-onderwerp" name="topic"><option value>Zeg ik liever niet</option><option value="school">School</option></select><select id="vraag-leeftijd" name="ageBand"><option value>Zeg ik liever niet</option><option value="12-18">12 t/m 17 jaar</option></select></form></body></html>`,
    );
    writeFileSync(
      join(dir, 'jongeren', 'vraag', 'antwoord', 'index.html'),
      `<html><head><title>Lees je antwoord</title></head><body><form class="vraag-form" method="post" action="${PICKUP_PATH}" novalidate><input id="vraag-code" name="code" type="text" aria-describedby="vraag-code-hint"/></form></body></html>`,
    );
  }

  test('a question that is too short or too long comes back in its field, with the error and the topic still chosen', async () => {
    const a = await node();
    builtPages(a.dataDir);
    const short = await a.postForm(ASK_PATH, form({ text: 'help mij', topic: 'school', ageBand: '' }));
    expect(short.status).toBe(400);
    expect(short.body).toMatch(
      /<p class="vraag-field__error" id="vraag-tekst-fout">Je vraag is wel erg kort[^<]*<\/p><textarea[^>]*aria-invalid="true"[^>]*>help mij<\/textarea>/,
    );
    expect(short.body).toContain('<option value="school" selected>School</option>');
    expect(short.body).toContain('<a href="#vraag-tekst">Je vraag is wel erg kort');
    const long = `Eerste regel\r\n${'ik weet het niet meer '.repeat(200)}`;
    const tooLong = await a.postForm(ASK_PATH, form({ text: long }));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toContain(`>${long.replace('\r\n', '\n')}</textarea>`);
    expect(tooLong.body).toContain('Je vraag is te lang.');
    expect((await a.questions.service.list()).length).toBe(0);
  });

  test('a code with a typo comes back in its field; a follow-up that is too short comes back under the thread', async () => {
    const a = await node();
    builtPages(a.dataDir);
    const typo = await a.postForm(PICKUP_PATH, form({ code: 'KDVM-TRAX-PQ1E' }));
    expect(typo.status).toBe(400);
    expect(typo.body).toMatch(/<input [^>]*value="KDVM-TRAX-PQ1E"/);
    expect(typo.body).toContain('id="vraag-code-fout"');

    const { code } = okBody(await a.post(ASK_PATH, { text: QUESTION }));
    const sanne = staffApi(a, await a.login('Sanne'));
    const { id } = first(okBody(await sanne.list()).questions, 'question in the queue');
    await sanne.act(A.claim, { id });
    await sanne.act(A.answer, { id, text: 'Bewaar screenshots en vertel het je mentor.' });
    const again = await a.postForm(FOLLOW_UP_PATH, form({ code, text: 'oke\r\n' }));
    expect(again.status).toBe(400);
    expect(again.body).toContain('<title>Fout: ');
    expect(again.body).toContain('Bewaar screenshots en vertel het je mentor.');
    expect(again.body).toMatch(
      /<p class="vraag-field__error" id="vervolg-tekst-fout">Je vraag is wel erg kort[^<]*<\/p><textarea id="vervolg-tekst"[^>]*aria-invalid="true" aria-describedby="vervolg-tekst-fout">oke\n<\/textarea>/,
    );
    expect(again.body).toContain('<a href="#vervolg-tekst">');
    expect(again.body).toContain(`name="code" value="${code}"`);
    // Still allowed: the mistake did not use up the one follow-up.
    expect((await a.post(FOLLOW_UP_PATH, { code, text: 'Oké, en als mijn mentor het doorvertelt?' })).status).toBe(200);
  });

  test('without a built site the short error page still shows the text back', async () => {
    const a = await node();
    const res = await a.postForm(ASK_PATH, form({ text: 'help <b>' }));
    expect(res.status).toBe(400);
    expect(res.body).toContain('Je vraag is wel erg kort');
    expect(res.body).toContain('<title>Fout: Stel je vraag</title>');
    expect(res.body).toMatch(/<textarea id="vraag-bewaard"[^>]*readonly>help &lt;b&gt;<\/textarea>/);
  });
});

describe('counsellor endpoints', () => {
  test('need a login, refuse foreign origins and malformed bodies', async () => {
    const a = await node();
    expect((await a.get('/api/medewerkers/vragen')).status).toBe(401);
    expect((await a.post(A.claim, { id: 'abcdefghijkl' })).status).toBe(401);
    const token = await a.login('Sanne');
    const sanne = staffApi(a, token);
    expect((await sanne.act(A.claim, { id: '../../etc' })).status).toBe(400);
    expect((await sanne.act(A.claim, { id: 'abcdefghijkl' })).status).toBe(410);
    expect(
      (await a.post(A.answer, { id: 'abcdefghijkl', text: 'x' }, { Authorization: `Bearer ${token}`, Origin: 'https://kwaadaardig.example' })).status,
    ).toBe(403);
    expect(errorBody(await sanne.act(A.answer, { id: 'abcdefghijkl', text: 'x'.repeat(7000) })).fields?.['text']).toMatch(/maximaal 6000 tekens/);
  });
});
