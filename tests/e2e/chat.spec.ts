import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test, type Browser, type BrowserContext, type Page, type WebSocketRoute } from '@playwright/test';
import { io } from 'socket.io-client';
import type { YouthSessionState } from '../../shared/protocol/events.ts';
import { MAX_MESSAGE_LENGTH, SOCKET_PATH, YOUTH_NAMESPACE } from '../../shared/protocol/limits.ts';
import { E2E_DATA_DIR } from './env.ts';
import { expectNoAxeViolations, LOGIN_WAIT_MS, trackForeignRequests } from './helpers.ts';

/**
 * The anonymous chat end to end: a young person and a counsellor, each in their own browser
 * context, through the real pages and the real server (always open in tests). The tests share one
 * queue, so they run one after another, and each has its own counsellor.
 */
test.describe.configure({ mode: 'serial' });

const PASSWORD = 'e2e-wachtwoord-lang-genoeg';
const COUNSELLORS = ['Sanne', 'Mo', 'Sem', 'Iris', 'Daan', 'Noor', 'Bram', 'Lotte', 'Jesse', 'Kim'];
const SUPERVISOR = 'Femke';

function counsellorCli(args: string[], input?: string): void {
  execFileSync('npx', ['node', 'chat-server/cli/counsellor.ts', ...args], {
    env: { ...process.env, CJG_DATA_DIR: E2E_DATA_DIR },
    input: input ?? '',
    stdio: ['pipe', 'ignore', 'pipe'],
  });
}

test.beforeAll(() => {
  mkdirSync(E2E_DATA_DIR, { recursive: true });
  for (const name of COUNSELLORS) {
    // E2E_DATA_DIR may name a folder that already has this account: start with a fresh one.
    try {
      counsellorCli(['remove', name]);
    } catch {
      // Did not exist yet.
    }
    counsellorCli(['add', name], `${PASSWORD}\n`);
  }
  try {
    counsellorCli(['remove', SUPERVISOR]);
  } catch {
    // Did not exist yet.
  }
  counsellorCli(['add', SUPERVISOR, '--role', 'supervisor'], `${PASSWORD}\n`);
});

async function counsellorLogsIn(browser: Browser, name: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/medewerkers/chat/');
  await page.getByLabel('Naam').fill(name);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByText(`Ingelogd als ${name}`)).toBeVisible({ timeout: LOGIN_WAIT_MS });
  return { context, page };
}

async function youthJoins(page: Page, opts: { topic?: string; age?: string } = {}): Promise<void> {
  await page.goto('/jongeren/chat/');
  await expect(page.getByRole('heading', { name: 'Begin een gesprek' })).toBeVisible();
  if (opts.topic) await page.getByLabel('Waar gaat het over?').selectOption({ label: opts.topic });
  if (opts.age) await page.getByLabel('Hoe oud ben je?').selectOption({ label: opts.age });
  await page.getByRole('button', { name: 'Start de chat' }).click();
  await expect(page.getByRole('heading', { name: 'Je bent in de wachtrij' })).toBeVisible();
}

async function youthEnds(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Gesprek beëindigen' }).click();
  await page.getByRole('button', { name: 'Ja, beëindigen' }).click();
  await expect(page.getByRole('heading', { name: 'Het gesprek is klaar' })).toBeVisible();
}

/** The counsellor takes the only young person waiting and lands in the conversation. */
async function takeNext(console: Page): Promise<void> {
  await expect(console.getByRole('button', { name: /^Aannemen:/ }).first()).toBeVisible();
  await console.getByRole('button', { name: 'Volgende aannemen' }).click();
  await expect(console.getByRole('tab').first()).toBeVisible();
}

const youthLog = (page: Page) => page.getByRole('log', { name: 'Berichten' });
const consoleLog = (page: Page) => page.locator('.ws-pane:not([hidden])').getByRole('log');
const TOKEN_KEY = 'cjg-chat-sessie';
const youthToken = (page: Page) => page.evaluate((key) => sessionStorage.getItem(key), TOKEN_KEY);

test('a young person and a counsellor hold a whole conversation, then the young person rates it', async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const { context: staffContext, page: staff } = await counsellorLogsIn(browser, 'Sanne');
  const youthContext = await browser.newContext();
  const youth = await youthContext.newPage();
  const foreign = trackForeignRequests(youth, new URL(baseURL ?? '').origin);

  await youth.goto('/jongeren/chat/');
  await expect(youth.getByRole('heading', { name: 'Wat we wel en niet bewaren' })).toBeVisible();
  await expectNoAxeViolations(youth, 'chat: intro');

  await youthJoins(youth, { topic: 'Alcohol, roken, drugs en gamen', age: '12 t/m 17 jaar' });
  await expect(youth.locator('.chat-queue-status')).toHaveText('Jij bent de volgende.');
  await expect(youth.getByRole('heading', { name: /Lees ondertussen/ })).toBeVisible();
  // Pagefind compiles its WebAssembly on first use; give a cold start time.
  await expect(youth.locator('.chat-articles a').first()).toBeVisible({ timeout: 15_000 });
  // 113 is open day and night; De Kindertelefoon only by day, so it is not asserted at an unknown hour.
  await expect(youth.getByRole('link', { name: 'Bel 0800-0113' })).toBeVisible();
  expect(await youthToken(youth)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  await expectNoAxeViolations(youth, 'chat: waiting');

  // The counsellor sees the young person's topic and age band in the queue, and the title says someone waits.
  const entry = staff.locator('.ws-entry').filter({ hasText: 'Alcohol, roken, drugs en gamen' });
  await expect(entry).toContainText('12 t/m 17 jaar');
  await expect(staff).toHaveTitle(/^\(1\) Nieuw in de wachtrij/);
  await entry.getByRole('button', { name: /^Aannemen:/ }).click();
  await expect(staff.getByRole('tab', { name: /Jongere \d+/ })).toHaveAttribute('aria-selected', 'true');

  await expect(youth.getByRole('heading', { name: 'Je gesprek met Sanne' })).toBeVisible();

  // Young person → counsellor, with Enter; the counsellor sees the typing first.
  const youthField = youth.getByLabel('Je bericht');
  await youthField.pressSequentially('Hoi', { delay: 20 });
  await expect(staff.locator('.ws-pane').getByText('De jongere typt…')).toBeVisible();
  await youthField.fill('Hoi, mag ik iets vragen over blowen?');
  await youthField.press('Enter');
  await expect(youthField).toHaveValue('');
  await expect(consoleLog(staff)).toContainText('Hoi, mag ik iets vragen over blowen?');

  // Counsellor typing shows on the young person's side, then the answer arrives.
  const staffField = staff.getByLabel(/^Bericht aan jongere \d+$/);
  await staffField.pressSequentially('Natuurlijk', { delay: 20 });
  await expect(youth.getByText('Sanne is aan het typen…')).toBeVisible();
  await staffField.fill('Natuurlijk! Vraag maar raak.');
  await staffField.press('Enter');
  await expect(youthLog(youth)).toContainText('Natuurlijk! Vraag maar raak.');
  await expect(youth.getByText('Sanne is aan het typen…')).toBeHidden();

  // A sociale-kaart card arrives as a link.
  await staff.getByLabel('Zoek hulp op de sociale kaart').fill('Kindertelefoon');
  await staff
    .getByRole('listbox', { name: 'Gevonden op de sociale kaart' })
    .getByRole('option', { name: /Kindertelefoon/ })
    .first()
    .click();
  await expect(staffField).toHaveValue(/Kindertelefoon/);
  await staffField.press('Enter');
  await expect(youthLog(youth).getByRole('link', { name: /kindertelefoon\.nl/ })).toBeVisible();

  await expectNoAxeViolations(youth, 'chat: in conversation');
  await expectNoAxeViolations(staff, 'console: conversation open');

  // "Bewaar dit gesprek" saves the transcript on this device only.
  const [download] = await Promise.all([youth.waitForEvent('download'), youth.getByRole('button', { name: 'Bewaar dit gesprek' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^cjg-chat-\d{4}-\d{2}-\d{2}\.txt$/);
  const saved = readFileSync(await download.path(), 'utf8');
  expect(saved).toContain('Jij: Hoi, mag ik iets vragen over blowen?');
  expect(saved).toContain('Sanne: Natuurlijk! Vraag maar raak.');
  expect(saved).toContain('Het CJG heeft geen kopie');

  // The young person ends the chat; the counsellor sees it; a one-tap rating follows.
  await youth.getByRole('button', { name: 'Gesprek beëindigen' }).click();
  await youth.getByRole('button', { name: 'Ja, beëindigen' }).click();
  await expect(youth.getByRole('heading', { name: 'Het gesprek is klaar' })).toBeVisible();
  await expect(consoleLog(staff)).toContainText('De jongere heeft het gesprek beëindigd.');
  expect(await youthToken(youth)).toBeNull();

  await expect(youth.getByRole('group', { name: 'Hoe was het gesprek?' })).toBeVisible();
  await expectNoAxeViolations(youth, 'chat: ended with satisfaction check');
  await youth.getByRole('button', { name: 'Goed', exact: true }).click();
  await expect(youth.getByText('Dank je wel!')).toBeVisible();

  expect(foreign).toEqual([]);
  expect(await youthContext.cookies()).toEqual([]);

  // Logging out forgets the login in this tab.
  await staff.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(staff.getByRole('heading', { name: 'Inloggen' })).toBeVisible();
  expect(await staff.evaluate(() => sessionStorage.length)).toBe(0);
  expect(await staffContext.cookies()).toEqual([]);
  await youthContext.close();
  await staffContext.close();
});

/** The tab's sessionStorage for `origin`, read over the DevTools protocol (whatever page the tab shows). */
async function tabStorage(page: Page, origin: string): Promise<[string, string][]> {
  const devtools = await page.context().newCDPSession(page);
  const { entries } = (await devtools.send('DOMStorage.getDOMStorageItems', { storageId: { securityOrigin: origin, isLocalStorage: false } })) as {
    entries: [string, string][];
  };
  await devtools.detach();
  return entries;
}

/**
 * "Snel weg" in a conversation, by the button and by Shift three times, proven from outside the
 * page: a script that runs first thing on the next portal page in the tab, before any of the
 * portal's own code could tidy up a stale token, reads sessionStorage, and the DevTools protocol
 * reads it again. The old token is then tried against the server, and Back must not bring the
 * chat back.
 */
for (const [how, counsellor, leave] of [
  ['the button', 'Mo', (page: Page) => page.getByRole('link', { name: /Snel weg/ }).click()],
  [
    'Shift three times',
    'Sem',
    async (page: Page) => {
      for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
    },
  ],
] as const) {
  test(`quick exit in a chat by ${how}: the token is gone before the next page, the server ends the session, Back does not return`, async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(60_000);
    const origin = new URL(baseURL ?? '').origin;
    const { context: staffContext, page: staff } = await counsellorLogsIn(browser, counsellor);
    const youthContext = await browser.newContext();
    const youth = await youthContext.newPage();
    await youthContext.route(/google\.nl/, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Weer</title>' }));
    // On every portal page: what this tab holds first thing, before any of the page's own code, and
    // the moment the page starts to leave (beforeunload runs inside location.replace(), in the same
    // task as the quick-exit handlers, so a later answer from the server cannot have wiped it yet).
    // That moment is kept in localStorage, which the portal itself never uses.
    await youthContext.addInitScript((key) => {
      if (location.hostname !== '127.0.0.1') return;
      (window as unknown as { tokenAtStart: string | null }).tokenAtStart = sessionStorage.getItem(key);
      addEventListener('beforeunload', () =>
        localStorage.setItem('probe:leaving', JSON.stringify({ path: location.pathname, token: sessionStorage.getItem(key) })),
      );
    }, TOKEN_KEY);

    await youth.goto('/jongeren/');
    await youthJoins(youth);
    await takeNext(staff);
    await expect(youth.getByRole('heading', { name: `Je gesprek met ${counsellor}` })).toBeVisible();
    await youth.getByLabel('Je bericht').fill('Er komt iemand aan');
    await youth.getByLabel('Je bericht').press('Enter');
    await expect(consoleLog(staff)).toContainText('Er komt iemand aan');
    const token = await youthToken(youth);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The probe is not blind: it sees the token while the chat is open.
    expect(await tabStorage(youth, origin)).toContainEqual([TOKEN_KEY, token]);

    await leave(youth);
    await expect(youth).toHaveURL(/google\.nl/);
    await expect(consoleLog(staff)).toContainText('De jongere is weggegaan met "Snel weg".');

    // The next portal page in this tab: the token was gone before it loaded, and is not there now.
    await youth.goto('/jongeren/');
    expect(JSON.parse((await youth.evaluate(() => localStorage.getItem('probe:leaving'))) ?? 'null')).toEqual({ path: '/jongeren/chat/', token: null });
    expect(await youth.evaluate(() => (window as unknown as { tokenAtStart: string | null }).tokenAtStart)).toBeNull();
    expect(await tabStorage(youth, origin)).toEqual([]);

    // The server has ended that session: the old token opens nothing.
    const socket = io(`${origin}${YOUTH_NAMESPACE}`, { path: SOCKET_PATH, auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    const state = await new Promise<YouthSessionState>((resolve, reject) => {
      socket.once('session:state', resolve);
      socket.once('connect_error', reject);
    });
    socket.disconnect();
    expect(state).toMatchObject({ phase: 'idle', messages: [] });

    // Back, as far as it goes: the exit page, the page before the chat, never the chat itself.
    const history: string[] = [];
    while (history.length < 5 && (await youth.goBack())) history.push(new URL(youth.url()).pathname);
    expect(history).toEqual(['/search', '/jongeren/']);

    await youthContext.close();
    await staffContext.close();
  });
}

test('a reload resumes the same conversation without duplicate messages', async ({ browser }) => {
  test.setTimeout(60_000);
  const { context: staffContext, page: staff } = await counsellorLogsIn(browser, 'Iris');
  const youthContext = await browser.newContext();
  const youth = await youthContext.newPage();

  await youthJoins(youth);
  await takeNext(staff);
  await expect(youth.getByRole('heading', { name: 'Je gesprek met Iris' })).toBeVisible();
  await youth.getByLabel('Je bericht').fill('Eerste bericht');
  await youth.getByLabel('Je bericht').press('Enter');
  await staff.getByLabel(/^Bericht aan jongere \d+$/).fill('Antwoord van Iris');
  await staff.getByLabel(/^Bericht aan jongere \d+$/).press('Enter');
  await expect(youthLog(youth)).toContainText('Antwoord van Iris');
  const token = await youthToken(youth);

  await youth.reload();
  await expect(youth.getByRole('heading', { name: 'Je gesprek met Iris' })).toBeVisible();
  await expect(youthLog(youth).getByText('Eerste bericht')).toHaveCount(1);
  await expect(youthLog(youth).getByText('Antwoord van Iris')).toHaveCount(1);
  expect(await youthToken(youth)).toBe(token);
  // The counsellor saw the young person drop out and come back, in the same tab.
  await expect(consoleLog(staff)).toContainText('De jongere is weer verbonden.');

  await youth.getByLabel('Je bericht').fill('Ik ben er weer');
  await youth.getByLabel('Je bericht').press('Enter');
  await expect(consoleLog(staff)).toContainText('Ik ben er weer');
  await expect(staff.getByRole('tab')).toHaveCount(1);
  await expect(consoleLog(staff).getByText('Eerste bericht')).toHaveCount(1);

  // End it, so no conversation returns to the shared queue after the counsellor's grace period.
  await staff.getByRole('button', { name: 'Gesprek beëindigen' }).click();
  await staff.getByRole('button', { name: 'Ja, beëindigen' }).click();
  await expect(youth.getByRole('heading', { name: 'Het gesprek is klaar' })).toBeVisible();

  await youthContext.close();
  await staffContext.close();
});

test('a young person can do everything with the keyboard alone', async ({ browser }) => {
  test.setTimeout(60_000);
  const { context: staffContext, page: staff } = await counsellorLogsIn(browser, 'Daan');
  const youthContext = await browser.newContext();
  const youth = await youthContext.newPage();
  await youth.goto('/jongeren/chat/');
  await expect(youth.getByRole('heading', { name: 'Begin een gesprek' })).toBeVisible();

  const topic = youth.getByLabel('Waar gaat het over?');
  for (let i = 0; i < 40 && !(await topic.evaluate((el) => el === document.activeElement)); i++) await youth.keyboard.press('Tab');
  await expect(topic).toBeFocused();
  await youth.keyboard.press('ArrowDown');
  await expect(topic).not.toHaveValue('');
  await youth.keyboard.press('Tab');
  await expect(youth.getByLabel('Hoe oud ben je?')).toBeFocused();
  await youth.keyboard.press('Tab');
  await expect(youth.getByRole('button', { name: 'Start de chat' })).toBeFocused();
  await youth.keyboard.press('Enter');
  await expect(youth.getByRole('heading', { name: 'Je bent in de wachtrij' })).toBeVisible();

  await takeNext(staff);
  await expect(youth.getByRole('heading', { name: 'Je gesprek met Daan' })).toBeVisible();
  const field = youth.getByLabel('Je bericht');
  for (let i = 0; i < 40 && !(await field.evaluate((el) => el === document.activeElement)); i++) await youth.keyboard.press('Tab');
  await expect(field).toBeFocused();
  await youth.keyboard.type('Regel een');
  await youth.keyboard.press('Shift+Enter');
  await youth.keyboard.type('Regel twee');
  await expect(field).toHaveValue('Regel een\nRegel twee');
  await youth.keyboard.press('Enter');
  await expect(consoleLog(staff)).toContainText('Regel een\nRegel twee');

  // Ending by keyboard: Tab to the button, Enter, then confirm.
  const end = youth.getByRole('button', { name: 'Gesprek beëindigen' });
  for (let i = 0; i < 20 && !(await end.evaluate((el) => el === document.activeElement)); i++) await youth.keyboard.press('Tab');
  await expect(end).toBeFocused();
  await youth.keyboard.press('Enter');
  // Focus lands on the safe choice; the confirming button is one Shift+Tab away.
  await expect(youth.getByRole('button', { name: 'Nee, ga door' })).toBeFocused();
  await youth.keyboard.press('Shift+Tab');
  await expect(youth.getByRole('button', { name: 'Ja, beëindigen' })).toBeFocused();
  await youth.keyboard.press('Enter');
  await expect(youth.getByRole('heading', { name: 'Het gesprek is klaar' })).toBeVisible();

  await youthContext.close();
  await staffContext.close();
});

test('a message that is too long is refused with a Dutch reason and the text stays', async ({ browser }) => {
  test.setTimeout(60_000);
  const { context: staffContext, page: staff } = await counsellorLogsIn(browser, 'Noor');
  const youthContext = await browser.newContext();
  const youth = await youthContext.newPage();
  await youthJoins(youth);
  await takeNext(staff);
  await expect(youth.getByRole('heading', { name: 'Je gesprek met Noor' })).toBeVisible();

  const field = youth.getByLabel('Je bericht');
  const long = 'a'.repeat(MAX_MESSAGE_LENGTH + 5);
  await field.fill(long);
  await expect(youth.getByText('Je bericht is 5 tekens te lang.').first()).toBeVisible();
  await field.press('Enter');
  await expect(youth.getByRole('alert').filter({ hasText: 'te lang' })).toBeVisible();
  await expect(field).toHaveValue(long);

  await field.fill('Kort bericht');
  await field.press('Enter');
  await expect(consoleLog(staff)).toContainText('Kort bericht');

  // The counsellor ends: the young person is told and gets the satisfaction check.
  await staff.getByRole('button', { name: 'Gesprek beëindigen' }).click();
  await staff.getByRole('button', { name: 'Ja, beëindigen' }).click();
  await expect(youth.getByRole('heading', { name: 'Het gesprek is klaar' })).toBeVisible();
  await expect(youthLog(youth)).toContainText('De medewerker heeft het gesprek beëindigd.');
  expect(await youthToken(youth)).toBeNull();

  await youthContext.close();
  await staffContext.close();
});

test('a conversation moves to a colleague and back to the queue; the young person only sees a short notice', async ({ browser }) => {
  test.setTimeout(90_000);
  const { context: lotteContext, page: lotte } = await counsellorLogsIn(browser, 'Lotte');
  const { context: jesseContext, page: jesse } = await counsellorLogsIn(browser, 'Jesse');
  const youthContext = await browser.newContext();
  const youth = await youthContext.newPage();
  await youthJoins(youth);

  // Alt+N takes the next young person, as listed in the shortcuts dialog.
  await expect(lotte.getByRole('button', { name: /^Aannemen:/ })).toHaveCount(1);
  await lotte.keyboard.press('Alt+KeyH');
  await expect(lotte.getByRole('dialog', { name: 'Sneltoetsen' })).toContainText('Volgende jongere aannemen');
  await lotte.keyboard.press('Escape');
  await expect(lotte.getByRole('dialog')).toHaveCount(0);
  await lotte.keyboard.press('Alt+KeyN');
  await expect(lotte.getByRole('tab', { name: /Jongere \d+/ })).toBeVisible();
  await expect(youth.getByRole('heading', { name: 'Je gesprek met Lotte' })).toBeVisible();
  await youth.getByLabel('Je bericht').fill('Kan iemand anders mij helpen?');
  await youth.getByLabel('Je bericht').press('Enter');
  await expect(consoleLog(lotte)).toContainText('Kan iemand anders mij helpen?');

  await lotte.getByRole('button', { name: 'Overdragen', exact: true }).click();
  await lotte.getByLabel('Overdragen aan').selectOption('Jesse');
  await lotte.getByRole('button', { name: 'Nu overdragen' }).click();
  await expect(youthLog(youth)).toContainText('Je praat nu met een andere medewerker: Jesse.');
  await expect(consoleLog(jesse)).toContainText('Kan iemand anders mij helpen?');
  await expect(consoleLog(lotte)).toContainText('Het gesprek is overgedragen.');

  await jesse.getByLabel(/^Bericht aan jongere \d+$/).fill('Hoi, ik ben Jesse.');
  await jesse.getByLabel(/^Bericht aan jongere \d+$/).press('Enter');
  await expect(youthLog(youth)).toContainText('Hoi, ik ben Jesse.');

  // Back to the queue: the young person is first in line again, with the conversation so far.
  await jesse.getByRole('button', { name: 'Overdragen', exact: true }).click();
  await jesse.getByLabel('Overdragen aan').selectOption({ label: 'Terug naar de wachtrij' });
  await jesse.getByRole('button', { name: 'Nu overdragen' }).click();
  await expect(youth.locator('.chat-queue-status')).toHaveText('Jij bent de volgende.');
  await expect(youthLog(youth)).toContainText('De medewerker is even weg. Je staat vooraan in de rij.');
  await expect(lotte.locator('.ws-entry')).toContainText('terug in de rij');
  await lotte
    .locator('.ws-entry')
    .getByRole('button', { name: /^Aannemen:/ })
    .click();
  await expect(youth.getByRole('heading', { name: 'Je gesprek met Lotte' })).toBeVisible();

  // The same tab comes back to life, with the conversation so far.
  await expect(lotte.getByRole('tab')).toHaveCount(1);
  await expect(consoleLog(lotte)).toContainText('Hoi, ik ben Jesse.');
  await lotte.getByLabel(/^Bericht aan jongere \d+$/).fill('Daar ben ik weer.');
  await lotte.getByLabel(/^Bericht aan jongere \d+$/).press('Enter');
  await expect(youthLog(youth)).toContainText('Daar ben ik weer.');

  // A second young person; Alt+1 / Alt+2 switch between the conversations.
  const secondContext = await browser.newContext();
  const second = await secondContext.newPage();
  await youthJoins(second);
  await lotte.keyboard.press('Alt+KeyN');
  await expect(lotte.getByRole('tab')).toHaveCount(2);
  await lotte.keyboard.press('Alt+Digit1');
  await expect(lotte.getByRole('tab').nth(0)).toHaveAttribute('aria-selected', 'true');
  await lotte.keyboard.press('Alt+Digit2');
  await expect(lotte.getByRole('tab').nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(lotte.getByLabel(/^Bericht aan jongere/).last()).toBeFocused();

  // Both young people end, so nothing returns to the shared queue after the counsellor's grace period.
  for (const page of [second, youth]) await youthEnds(page);
  await secondContext.close();
  await youthContext.close();
  await lotteContext.close();
  await jesseContext.close();
});

// Before the "zorgelijk" test: its block ends chats from this test network.
test('while waiting, every topic the chat offers has articles of its own to read, never "geen artikelen"', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/jongeren/chat/');
  await expect(page.getByRole('heading', { name: 'Begin een gesprek' })).toBeVisible();
  const topics = (await page.getByLabel('Waar gaat het over?').locator('option').allInnerTexts()).filter((o) => o !== 'Zeg ik liever niet');
  expect(topics).toContain('Problemen');
  for (const topic of topics) {
    await youthJoins(page, { topic });
    await expect(page.getByRole('heading', { name: `Lees ondertussen over ${topic.toLowerCase()}` })).toBeVisible();
    await expect(page.locator('.chat-articles a').first()).toHaveAttribute('href', /^\/jongeren\/[a-z0-9-]+\/$/);
    await expect(page.getByText(/geen artikelen/i)).toHaveCount(0);
    await page.getByRole('button', { name: 'Stoppen' }).click();
    await page.getByRole('button', { name: 'Ja, stoppen' }).click();
    await expect(page.getByRole('heading', { name: 'Je bent in de wachtrij' })).toBeHidden();
  }
});

for (const [width, height] of [
  [320, 568],
  [390, 844],
] as const) {
  test(`on a ${String(width)}×${String(height)} phone the message field is in view once the conversation starts, and "… praat nu met je." is said once`, async ({
    browser,
  }) => {
    test.setTimeout(60_000);
    const { context: staffContext, page: staff } = await counsellorLogsIn(browser, 'Kim');
    const youthContext = await browser.newContext({ viewport: { width, height }, isMobile: true, hasTouch: true });
    const youth = await youthContext.newPage();
    // A switch to take the young person's line away (the socket and its fallback), as a train tunnel does.
    let offline = false;
    const sockets = new Set<WebSocketRoute>();
    await youth.routeWebSocket(/\/socket\.io\//, (ws) => {
      if (offline) return void ws.close();
      ws.connectToServer();
      sockets.add(ws);
      ws.onClose(() => sockets.delete(ws));
    });
    await youth.route('**/socket.io/**', (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
    await youthJoins(youth, { topic: 'School' });
    await takeNext(staff);
    await expect(youth.getByRole('heading', { name: 'Je gesprek met Kim' })).toBeFocused();
    await expect(youth.getByText('Kim praat nu met je.')).toHaveCount(1);

    const field = youth.getByLabel('Je bericht');
    const send = youth.getByRole('button', { name: 'Versturen' });
    await expect(field).toBeInViewport({ ratio: 1 });
    await expect(send).toBeInViewport({ ratio: 1 });
    await expect(youthLog(youth)).toBeInViewport();
    // The field gets the width (at least 60 %), the send button only what it needs.
    const fieldBox = await field.boundingBox();
    expect(fieldBox?.width ?? 0, 'berichtveld te smal').toBeGreaterThanOrEqual(0.6 * width);

    // A longer conversation: the log scrolls inside, the field stays where the thumb is.
    const staffField = staff.getByLabel(/^Bericht aan jongere \d+$/);
    for (let i = 1; i <= 6; i++) {
      await staffField.fill(`Bericht ${String(i)}: vertel maar wat er op school gebeurt, ik lees met je mee en neem de tijd.`);
      await staffField.press('Enter');
      await expect(youthLog(youth)).toContainText(`Bericht ${String(i)}:`);
    }
    await expect(field).toBeInViewport({ ratio: 1 });
    await expect(youthLog(youth).getByText('Bericht 6:')).toBeInViewport();

    // A sociale-kaart card: its address is a link with short, readable text that wraps between words
    // (it broke mid-word over five lines), and the link itself keeps the whole address.
    const page = 'https://cjg.voorbeeldstad.example/sociale-kaart/schoolmaatschappelijk-werk/';
    await staffField.fill(`Schoolmaatschappelijk werk (Voorbeeldschool) · ${page}`);
    await staffField.press('Enter');
    const link = youthLog(youth).getByRole('link', { name: /schoolmaatschappelijk werk/ });
    await expect(link).toHaveAttribute('href', page);
    await expect(link).toHaveText('cjg.voorbeeldstad.example › schoolmaatschappelijk werk');
    // Lines of the link, from its height: at most four at 320 px with the chat's large type (it took five, mid-word).
    const lines = await link.evaluate((a) => Math.round(a.getBoundingClientRect().height / parseFloat(getComputedStyle(a).lineHeight)));
    expect(lines, 'link over te veel regels').toBeLessThanOrEqual(width < 360 ? 4 : 3);
    expect(await youth.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await youth.screenshot({ path: `test-results/youth-chat-${String(width)}x${String(height)}.png` });
    await expectNoAxeViolations(youth, `chat: conversation at ${String(width)} px`);

    // The line drops: the notice shows, and the message field stays in view under it.
    offline = true;
    for (const ws of sockets) await ws.close();
    await expect(youth.getByText('De verbinding is even weg.')).toBeVisible({ timeout: 15_000 });
    await expect(field).toBeInViewport({ ratio: 1 });
    await expect(send).toBeInViewport({ ratio: 1 });
    await youth.screenshot({ path: `test-results/youth-chat-offline-${String(width)}x${String(height)}.png` });
    offline = false;
    await expect(youth.getByText('De verbinding is even weg.')).toBeHidden({ timeout: 20_000 });

    await youthEnds(youth);
    await youthContext.close();
    await staffContext.close();
  });
}

test('"zorgelijk" shows the crisis script and alerts a supervisor, who reads along; a block ends the chat', async ({ browser }) => {
  test.setTimeout(90_000);
  const { context: supervisorContext, page: supervisor } = await counsellorLogsIn(browser, SUPERVISOR);
  const { context: staffContext, page: staff } = await counsellorLogsIn(browser, 'Bram');
  const youthContext = await browser.newContext();
  const youth = await youthContext.newPage();
  await youthJoins(youth);
  await takeNext(staff);
  await youth.getByLabel('Je bericht').fill('Ik wil er niet meer zijn');
  await youth.getByLabel('Je bericht').press('Enter');
  await expect(consoleLog(staff)).toContainText('Ik wil er niet meer zijn');

  await expect(supervisor.getByText('Er zijn nu geen zorgelijke gesprekken.')).toBeVisible();
  await staff.getByRole('button', { name: 'Markeer als zorgelijk', exact: true }).click();
  await expect(staff.getByText('Gemarkeerd als zorgelijk. Leidinggevenden zijn gewaarschuwd.')).toBeVisible();
  const script = staff.locator('#crisisscript');
  await expect(script).toContainText('0800-0113');
  await expect(script).toContainText('0800-2000');
  await expect(script).toContainText('112');
  await expectNoAxeViolations(staff, 'console: crisis script open');

  // The numbers go into the message as text the young person can act on.
  await staff.getByRole('button', { name: 'Zet de nummers in je bericht' }).click();
  await staff.getByLabel(/^Bericht aan jongere \d+$/).press('Enter');
  await expect(youthLog(youth)).toContainText('0800-0113');

  await supervisor.getByRole('button', { name: 'Meelezen', exact: true }).click();
  await expect(supervisor.getByText('Je leest mee (alleen lezen).')).toBeVisible();
  await expect(consoleLog(supervisor)).toContainText('Ik wil er niet meer zijn');
  await expect(supervisor.getByLabel(/^Bericht aan jongere/)).toHaveCount(0);
  await youth.getByLabel('Je bericht').fill('Ben je er nog?');
  await youth.getByLabel('Je bericht').press('Enter');
  await expect(consoleLog(supervisor)).toContainText('Ben je er nog?');
  await expectNoAxeViolations(supervisor, 'console: supervisor reading along');

  // Blocking asks first, then ends the chat; the young person is pointed to the national lines.
  await staff.getByRole('button', { name: 'Blokkeren' }).click();
  await expect(staff.getByText(/^Jongere \d+ blokkeren\? Het gesprek stopt/)).toBeVisible();
  await staff.getByRole('button', { name: 'Ja, blokkeren' }).click();
  await expect(youth.getByText('Je kunt deze chat nu niet gebruiken.')).toBeVisible();
  await expect(youth.getByRole('link', { name: 'Bel 0800-0113' })).toBeVisible();
  expect(await youthToken(youth)).toBeNull();

  await youthContext.close();
  await staffContext.close();
  await supervisorContext.close();
});

test('closed and too busy: the page says when it opens or that it is busy, and where to go now', async ({ page }) => {
  // The test server is always open and its queue cap is high, so these two answers of
  // /api/chat/status are played back here; the page must render them as it would live.
  await page.route('**/api/chat/status', (route) =>
    route.fulfill({ json: { state: 'closed', opensAt: '2026-11-23T13:00:00.000Z', text: 'De chat is gesloten. Hij opent morgen om 14:00.' } }),
  );
  // Late at night (23:30 in Amsterdam) De Kindertelefoon (11:00-21:00) is closed too: the page must
  // not send a young person there, only to the lines that answer now, and say when it opens.
  await page.clock.setFixedTime(new Date('2026-11-22T22:30:00.000Z'));
  await page.goto('/jongeren/chat/');
  await expect(page.getByRole('heading', { name: 'De chat is nu gesloten' })).toBeVisible();
  await expect(page.getByText('Hij opent morgen om 14:00.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Openingstijden van de chat' }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Bel 0800-0113' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Bel 0800-2000' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Bel 0800-0432' })).toHaveCount(0);
  await expect(page.getByText('Nu dicht, later weer open:')).toBeVisible();
  await expect(page.locator('.chat-lines__list--later')).toContainText('Opent morgen om 11:00');
  await expect(page.getByRole('button', { name: 'Start de chat' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'chat: closed at night');

  // In the afternoon it is open, and offered with its number.
  await page.clock.setFixedTime(new Date('2026-11-22T14:00:00.000Z'));
  await page.reload();
  await expect(page.getByRole('heading', { name: 'De chat is nu gesloten' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Bel 0800-0432' })).toBeVisible();
  await expect(page.getByText('Nu dicht, later weer open:')).toHaveCount(0);
  await expectNoAxeViolations(page, 'chat: closed');

  await page.route('**/api/chat/status', (route) => route.fulfill({ json: { state: 'busy', text: 'Het is nu heel druk in de chat.' } }));
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Het is nu heel druk' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Bel 0800-0113' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Probeer opnieuw' })).toBeVisible();
  await expectNoAxeViolations(page, 'chat: busy');

  // No answer at all: say so and still show the lines.
  await page.route('**/api/chat/status', (route) => route.fulfill({ status: 503, body: '' }));
  await page.reload();
  await expect(page.getByText('De chat is nu niet bereikbaar.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Bel 112' })).toBeVisible();
});

test('the console refuses a wrong password with a clear Dutch message and keeps the name', async ({ page }) => {
  await page.goto('/medewerkers/chat/');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await expectNoAxeViolations(page, 'console: login');
  await page.getByLabel('Naam').fill('Bram');
  await page.getByLabel('Wachtwoord').fill('helemaal-niet-goed');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('alert')).toContainText('Naam of wachtwoord klopt niet.', { timeout: LOGIN_WAIT_MS });
  await expect(page.getByLabel('Naam')).toHaveValue('Bram');
});

test('the chat button on the home page shows the live state', async ({ page }) => {
  await page.goto('/');
  const status = page.locator('[data-chat-status]');
  await expect(status).toBeVisible();
  await expect(status).toHaveAttribute('data-state', 'open');
  await expect(status).not.toBeEmpty();

  // When the chat server does not answer, the page promises nothing.
  await page.route('**/api/chat/status', (route) => route.fulfill({ status: 503, body: '' }));
  await page.goto('/jongeren/');
  await expect(page.getByRole('link', { name: 'Naar de chat' })).toBeVisible();
  await expect(page.locator('[data-chat-status]')).toBeHidden();
});
