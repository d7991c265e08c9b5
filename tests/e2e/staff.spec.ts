import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { expect, test, type Browser, type BrowserContext, type Page, type WebSocketRoute } from '@playwright/test';
import { E2E_STAFF_DATA_DIR, E2E_STAFF_PORT } from './env.ts';
import { expectNoAxeViolations, recordNotifications, shownNotifications } from './helpers.ts';
import { defined } from '../support/defined.ts';

/**
 * The counsellors' and supervisors' workspace, and the promises the chat makes to a young person
 * about every word they type. Runs against its own chat server (E2E_STAFF_PORT), so its queue is
 * never shared with chat.spec.ts. The tests share that queue, so they run one after another.
 */
test.describe.configure({ mode: 'serial' });
test.use({ baseURL: `http://127.0.0.1:${E2E_STAFF_PORT}` });

const PASSWORD = 'e2e-wachtwoord-lang-genoeg';
const ACCOUNTS: [string, string[]][] = [
  ['Anouk', []],
  ['Ruben', []],
  ['Tim', []],
  ['Eva', []],
  ['Petra', ['--role', 'supervisor']],
  ['Sara', []],
  ['Joost', []],
  ['Ilse', ['--role', 'supervisor']],
  ['Lotte', ['--role', 'activities']],
  ['Bram', []],
  ['Noor', []],
  ['Mila', ['--role', 'supervisor']],
];

test.beforeAll(() => {
  mkdirSync(E2E_STAFF_DATA_DIR, { recursive: true });
  for (const [name, role] of ACCOUNTS) {
    const run = (args: string[], input = '') =>
      execFileSync('npx', ['node', 'chat-server/cli/counsellor.ts', ...args], {
        env: { ...process.env, CJG_DATA_DIR: E2E_STAFF_DATA_DIR },
        input,
        stdio: ['pipe', 'ignore', 'pipe'],
      });
    try {
      run(['remove', name]);
    } catch {
      // Did not exist yet.
    }
    run(['add', name, ...role], `${PASSWORD}\n`);
  }
});

async function logIn(browser: Browser, name: string, viewport = { width: 1366, height: 900 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto('/medewerkers/chat/');
  await page.getByLabel('Naam').fill(name);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  // The password check is deliberately slow (memory-hard KDF); allow for a busy machine.
  await expect(page.getByText(`Ingelogd als ${name}`)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Verbonden' })).toBeVisible();
  // Focus leaves the gone login form for the queue's heading, not for the page itself.
  await expect(page.locator('#wachtrij-titel')).toBeFocused();
  return { context, page };
}

async function youthJoins(browser: Browser, topic?: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/jongeren/chat/');
  if (topic) await page.getByLabel('Waar gaat het over?').selectOption({ label: topic });
  await page.getByRole('button', { name: 'Start de chat' }).click();
  await expect(page.getByRole('heading', { name: 'Je bent in de wachtrij' })).toBeVisible();
  return { context, page };
}

const youthLog = (page: Page) => page.getByRole('log', { name: 'Berichten' });
const openPane = (page: Page) => page.locator('.ws-pane:not([hidden])');
/** The counsellor's log lines of the young person, in order. */
const youthLines = (page: Page) => openPane(page).locator('.chat-log__line--theirs .chat-log__bubble').allInnerTexts();

/** Every element must be inside the window: the conversation's actions may never need scrolling. */
async function expectInView(page: Page, names: string[]): Promise<void> {
  const height = page.viewportSize()?.height ?? 0;
  for (const name of names) {
    const box = defined(await openPane(page).getByRole('button', { name, exact: true }).boundingBox(), `a box for ${name}`);
    expect(box.y + box.height, `${name} onder de rand`).toBeLessThanOrEqual(height);
  }
  const field = defined(await openPane(page).getByRole('textbox').boundingBox(), 'a box for the message field');
  expect(field.y + field.height, 'berichtveld onder de rand').toBeLessThanOrEqual(height);
}

/** Every card in "Mijn gesprekken" can be scrolled into view inside its column: the page itself never scrolls. */
async function expectTabsReachable(page: Page): Promise<void> {
  const height = page.viewportSize()?.height ?? 0;
  for (const tab of await page.getByRole('tab').all()) {
    await tab.scrollIntoViewIfNeeded();
    const box = defined(await tab.boundingBox(), 'a box for a conversation card');
    expect(box.y + box.height, `${await tab.innerText()} onder de rand`).toBeLessThanOrEqual(height);
    expect(await page.evaluate(() => document.scrollingElement?.scrollTop ?? 0), 'de pagina zelf scrolt').toBe(0);
  }
  // Header, queue and the open conversation's actions stay where they are.
  const header = defined(await page.locator('.staff-header').boundingBox(), 'the header');
  expect(header.y).toBe(0);
}

test('a counsellor handles three young people with the keyboard only, transfers one and ends one', async ({ browser }) => {
  test.setTimeout(120_000);
  const { context: anoukContext, page: anouk } = await logIn(browser, 'Anouk');
  const { context: rubenContext, page: ruben } = await logIn(browser, 'Ruben');
  await expectNoAxeViolations(anouk, 'werkplek: leeg');
  const young = [await youthJoins(browser, 'School'), await youthJoins(browser, 'Veiligheid'), await youthJoins(browser, 'Gezondheid')];
  await expect(anouk.locator('.ws-entry')).toHaveCount(3);
  await expect(anouk).toHaveTitle(/^\(3\) Nieuw in de wachtrij/);

  // Keystrokes from "a new young person waits" to the first answer, counted as pressed.
  let keystrokes = 0;
  const press = async (key: string) => {
    keystrokes += 1;
    await anouk.keyboard.press(key);
  };
  await press('Alt+KeyN');
  const field1 = anouk.getByLabel('Bericht aan jongere 1');
  await expect(field1).toBeFocused();
  await press('Alt+KeyS');
  await expect(anouk.getByRole('combobox', { name: 'Zoek een standaardzin' })).toBeFocused();
  await press('Enter');
  await expect(field1).toBeFocused();
  await expect(field1).toHaveValue(/^Hoi! Fijn dat je er bent/);
  await press('Enter');
  await expect(youthLog(young[0].page)).toContainText('Hoi! Fijn dat je er bent');
  expect(keystrokes).toBe(4);
  test.info().annotations.push({ type: 'keystrokes to first answer', description: String(keystrokes) });

  // Two more, answered by typing.
  for (const n of [2, 3]) {
    await anouk.keyboard.press('Alt+KeyN');
    const field = anouk.getByLabel(`Bericht aan jongere ${n}`);
    await expect(field).toBeFocused();
    await anouk.keyboard.type(`Hoi, ik ben Anouk. Waar wil je het over hebben, jongere ${n}?`);
    await anouk.keyboard.press('Enter');
    await expect(youthLog(young[n - 1].page)).toContainText(`jongere ${n}?`);
  }
  await young[0].page.getByLabel('Je bericht').fill('Ik heb ruzie met mijn mentor');
  await young[0].page.getByLabel('Je bericht').press('Enter');

  // The list tells what needs an answer: unread count, last line, time since the young person wrote.
  const tab1 = anouk.getByRole('tab', { name: /Jongere 1/ });
  await expect(tab1).toContainText('1 nieuw');
  await expect(tab1).toContainText('Ik heb ruzie met mijn mentor');
  await expect(tab1).toContainText('wacht op jouw antwoord');
  await expect(anouk).toHaveTitle(/^\(1\) Wacht op antwoord/);
  await anouk.keyboard.press('Alt+Digit1');
  await expect(tab1).toHaveAttribute('aria-selected', 'true');
  await expect(anouk.getByLabel('Bericht aan jongere 1')).toBeFocused();
  await expect(tab1).not.toContainText('1 nieuw');

  // Standaardzinnen are searchable: type part of one, arrows to choose, Enter puts it in the message.
  await anouk.keyboard.press('Alt+KeyS');
  await anouk.keyboard.type('tijd');
  const phrases = anouk.getByRole('listbox', { name: 'Standaardzinnen' });
  await expect(phrases.getByRole('option')).toHaveCount(2);
  await anouk.keyboard.press('ArrowDown');
  await expect(phrases.getByRole('option', { selected: true })).toContainText('Afsluiten');
  await anouk.keyboard.press('ArrowUp');
  await expect(phrases.getByRole('option', { selected: true })).toContainText('Ben je er nog?');
  await anouk.keyboard.press('Enter');
  await expect(anouk.getByLabel('Bericht aan jongere 1')).toHaveValue(/^Ben je er nog\? Neem gerust de tijd/);
  await anouk.keyboard.press('ControlOrMeta+KeyA');
  await anouk.keyboard.press('Backspace');

  // The help dialog lists every shortcut; Escape closes it and focus returns to the message field.
  await anouk.keyboard.press('Alt+KeyH');
  const help = anouk.getByRole('dialog', { name: 'Sneltoetsen' });
  await expect(help).toBeVisible();
  for (const action of [
    'Volgende jongere aannemen',
    'Gesprek beëindigen',
    'Gesprek overdragen',
    'Markeren als zorgelijk',
    'Blokkeren',
    'Standaardzin zoeken en invoegen',
  ]) {
    await expect(help).toContainText(action);
  }
  await expectNoAxeViolations(anouk, 'werkplek: sneltoetsen');
  await anouk.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(anouk.getByLabel('Bericht aan jongere 1')).toBeFocused();

  // Three conversations on a 1366×900 laptop: everything of the open one is on screen.
  await expectInView(anouk, ['Overdragen', 'Markeer als zorgelijk', 'Gesprek beëindigen', 'Blokkeren']);
  await expectNoAxeViolations(anouk, 'werkplek: drie gesprekken');
  mkdirSync('test-results', { recursive: true });
  await anouk.screenshot({ path: 'test-results/werkplek-1366x900.png' });
  await anouk.setViewportSize({ width: 1024, height: 768 });
  await expectInView(anouk, ['Overdragen', 'Gesprek beëindigen']);
  // Compact cards: all three conversations in view at once, without scrolling the list.
  for (const tab of await anouk.getByRole('tab').all()) await expect(tab).toBeInViewport({ ratio: 1 });
  await anouk.screenshot({ path: 'test-results/werkplek-1024x768.png' });
  // A tablet: the page flows (two columns), nothing sideways.
  await anouk.setViewportSize({ width: 768, height: 1024 });
  expect(await anouk.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
  await anouk.screenshot({ path: 'test-results/werkplek-768x1024.png', fullPage: true });
  await anouk.setViewportSize({ width: 1366, height: 900 });

  // Transfer conversation 2 to Ruben: Alt+2, Alt+O, the colleague is preselected, Tab, Enter.
  await anouk.keyboard.press('Alt+Digit2');
  await anouk.keyboard.press('Alt+KeyO');
  const to = anouk.getByLabel('Overdragen aan');
  await expect(to).toBeFocused();
  await expect(to).toHaveValue('Ruben');
  await expectNoAxeViolations(anouk, 'werkplek: overdragen');
  await anouk.screenshot({ path: 'test-results/werkplek-overdragen-1366x900.png' });
  // Tab to the note for the colleague; Enter there is a new line (a note sent mid-thought helps nobody),
  // Ctrl+Enter hands over.
  await anouk.keyboard.press('Tab');
  const handoverNote = anouk.getByLabel('Notitie voor wie het overneemt (mag leeg)');
  await expect(handoverNote).toBeFocused();
  await anouk.keyboard.type('Gaat over thuis.');
  await anouk.keyboard.press('Enter');
  await anouk.keyboard.type('Wil eerst alleen praten');
  await expect(handoverNote).toHaveValue('Gaat over thuis.\nWil eerst alleen praten');
  await expect(anouk.getByRole('tab', { name: /Jongere 2/ })).not.toContainText('overgedragen');
  await anouk.keyboard.press('Control+Enter');
  await expect(youthLog(young[1].page)).toContainText('Je praat nu met een andere medewerker: Ruben.');
  // One name per conversation: Ruben sees the same "Jongere 2" Anouk handed on.
  await expect(ruben.getByRole('tab', { name: /Jongere 2/ })).toBeVisible();
  await expect(openPane(ruben).getByRole('log')).toContainText('jongere 2?');
  await expect(anouk.getByRole('tab', { name: /Jongere 2/ })).toContainText('overgedragen');
  // Focus stays with the handed-on conversation (its heading), never in another young person's field unasked.
  await expect(anouk.getByRole('heading', { name: 'Jongere 2' })).toBeFocused();

  // Each conversation keeps its Alt number: the handed-on one gave up 2, Jongere 3 is still Alt+3.
  await expect(anouk.getByRole('tab', { name: /Jongere 1/ })).toHaveAttribute('aria-keyshortcuts', 'Alt+1');
  await expect(anouk.getByRole('tab', { name: /Jongere 3/ })).toHaveAttribute('aria-keyshortcuts', 'Alt+3');
  await expect(anouk.getByRole('tab', { name: /Jongere 3/ })).toContainText('Alt 3');
  await expect(anouk.getByRole('tab', { name: /Jongere 2/ })).not.toHaveAttribute('aria-keyshortcuts');
  await expect(anouk.getByRole('tab', { name: /Jongere 2/ })).not.toContainText(/Alt \d/);
  await anouk.keyboard.press('Alt+Digit2');
  await expect(anouk.getByRole('heading', { name: 'Jongere 2' })).toBeFocused();
  await anouk.keyboard.press('Alt+Digit3');
  await expect(anouk.getByLabel('Bericht aan jongere 3')).toBeFocused();

  // The confirmation names the young person; Escape closes it and focus goes back to the field.
  await anouk.keyboard.press('Alt+KeyE');
  await expect(anouk.getByRole('button', { name: 'Annuleren' })).toBeFocused();
  await expect(openPane(anouk).getByRole('group', { name: 'Gesprek met Jongere 3 beëindigen?' })).toBeVisible();
  await anouk.keyboard.press('Escape');
  await expect(anouk.getByRole('button', { name: 'Annuleren' })).toHaveCount(0);
  await expect(anouk.getByLabel('Bericht aan jongere 3')).toBeFocused();
  // Alt+E asks again with focus on the safe choice; Shift+Tab, Enter confirms.
  await anouk.keyboard.press('Alt+KeyE');
  await expect(anouk.getByRole('button', { name: 'Annuleren' })).toBeFocused();
  await anouk.keyboard.press('Shift+Tab');
  await expect(anouk.getByRole('button', { name: 'Ja, beëindigen' })).toBeFocused();
  await anouk.keyboard.press('Enter');
  await expect(young[2].page.getByRole('heading', { name: 'Het gesprek is klaar' })).toBeVisible();
  await expect(anouk.getByRole('tab', { name: /Jongere 3/ })).toContainText('beëindigd');
  // Focus on the ended conversation's heading (README), not in Jongere 1's message field.
  await expect(anouk.getByRole('heading', { name: 'Jongere 3' })).toBeFocused();

  // A fourth young person gets the lowest free number (2); the finished cards move after the open ones.
  young.push(await youthJoins(browser, 'School'));
  await anouk.keyboard.press('Alt+KeyN');
  await expect(anouk.getByLabel('Bericht aan jongere 4')).toBeFocused();
  await expect(anouk.getByRole('tab', { name: /Jongere 4/ })).toHaveAttribute('aria-keyshortcuts', 'Alt+2');
  await expect(anouk.getByRole('tab')).toHaveText([/Jongere 1/, /Jongere 4/, /Jongere 2/, /Jongere 3/]);
  await anouk.keyboard.press('Alt+Digit1');
  await expect(anouk.getByLabel('Bericht aan jongere 1')).toBeFocused();
  await anouk.keyboard.press('Alt+Digit2');
  await expect(anouk.getByLabel('Bericht aan jongere 4')).toBeFocused();

  // Four cards: each can be reached inside "Mijn gesprekken" (its own scroll area), the page itself does not scroll.
  await expectTabsReachable(anouk);
  await anouk.screenshot({ path: 'test-results/werkplek-vier-1366x900.png' });
  await anouk.setViewportSize({ width: 1024, height: 768 });
  // The header takes two rows at most (it took three), so the log keeps its room.
  const headerBox = defined(await anouk.locator('.staff-header').boundingBox(), 'the header');
  expect(headerBox.height, 'kop hoger dan twee regels').toBeLessThanOrEqual(96);
  await expectTabsReachable(anouk);
  await expectInView(anouk, ['Overdragen', 'Gesprek beëindigen']);
  await anouk.screenshot({ path: 'test-results/werkplek-vier-1024x768.png' });
  await anouk.setViewportSize({ width: 1366, height: 900 });

  // Closing an ended card (Alt+L) opens a conversation still going at its heading, not in its field.
  await anouk.getByRole('tab', { name: /Jongere 3/ }).click();
  await anouk.keyboard.press('Alt+KeyL');
  await expect(anouk.getByRole('tab', { name: /Jongere 3/ })).toHaveCount(0);
  await expect(anouk.getByRole('heading', { name: 'Jongere 1' })).toBeFocused();
  await anouk.keyboard.press('Alt+KeyM');
  await expect(anouk.getByLabel('Bericht aan jongere 1')).toBeFocused();

  // Clean up: the others end, so nothing returns to the queue.
  for (const y of [young[0], young[1], defined(young[3], 'the fourth young person')]) {
    await y.page.getByRole('button', { name: 'Gesprek beëindigen' }).click();
    await y.page.getByRole('button', { name: 'Ja, beëindigen' }).click();
  }
  await expect(anouk.getByRole('tab', { name: /Jongere 1/ })).toContainText('beëindigd');
  for (const c of [...young.map((y) => y.context), anoukContext, rubenContext]) await c.close();
});

test('an activities account on the chat and the questions gets "Geen toegang" with a link, stays logged in, and sees only its page in the header', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto('/medewerkers/chat/');
  await page.getByLabel('Naam').fill('Lotte');
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'Geen toegang' });
  await expect(refusal).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText('Je sessie is verlopen')).toHaveCount(0);
  await expect(page.getByText('Ingelogd als Lotte')).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Medewerkerspagina’s' });
  await expect(nav.getByRole('link')).toHaveText(['Aanmeldingen']);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/staff-noaccess-1366.png', fullPage: true });
  await page.setViewportSize({ width: 320, height: 640 });
  await page.screenshot({ path: 'test-results/staff-noaccess-320.png', fullPage: true });
  // The questions: the same answer, and still logged in (no loop back to the login form).
  await page.goto('/medewerkers/vragen/');
  await expect(page.getByRole('alert').filter({ hasText: 'Geen toegang' })).toBeVisible();
  await expect(page.getByLabel('Wachtwoord')).toHaveCount(0);
  await page.getByRole('main').getByRole('link', { name: 'Aanmeldingen' }).click();
  await expect(page).toHaveURL(/\/medewerkers\/aanmeldingen\/$/);
  await expect(page.getByText('Ingelogd als Lotte')).toBeVisible();
  await expect(page.getByLabel('Wachtwoord')).toHaveCount(0);
  await context.close();
});

test('staff pages have no quick exit: three Shift presses change nothing; public pages keep it', async ({ browser }) => {
  const { context, page } = await logIn(browser, 'Tim');
  await expect(page.locator('[data-quick-exit]')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Medewerkerspagina’s' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toHaveCount(0);
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
  await page.getByRole('button', { name: /^Volgende aannemen/ }).focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
  await page.waitForTimeout(500);
  await expect(page).toHaveURL(/\/medewerkers\/chat\/$/);
  await expect(page.getByText('Ingelogd als Tim')).toBeVisible();

  // Zoomed in or on a phone the workspace flows into one column, never sideways.
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.setViewportSize({ width: 1366, height: 900 });

  // A counsellor's header lists only the pages the role can use: Chat and Vragen, not Cijfers or Aanmeldingen.
  const nav = page.getByRole('navigation', { name: 'Medewerkerspagina’s' });
  await expect(nav.getByRole('link')).toHaveText(['Chat', 'Vragen']);
  await nav.getByRole('link', { name: 'Vragen' }).click();
  await expect(page).toHaveURL(/\/medewerkers\/vragen\/$/);
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
  await page.waitForTimeout(500);
  await expect(page).toHaveURL(/\/medewerkers\/vragen\/$/);
  await expect(page.locator('[data-quick-exit]')).toHaveCount(0);

  await page.goto('/jongeren/');
  await expect(page.getByRole('link', { name: /Snel weg/ })).toBeVisible();
  await context.close();
});

test('a flagged chat alerts a supervisor until acknowledged; she reads along, the young person is told, and she steps in', async ({ browser }) => {
  test.setTimeout(90_000);
  const supervisorContext = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  // A hidden tab with notifications allowed: record what the desktop would show.
  await recordNotifications(supervisorContext);
  const petra = await supervisorContext.newPage();
  await petra.goto('/medewerkers/chat/');
  await petra.getByLabel('Naam').fill('Petra');
  await petra.getByLabel('Wachtwoord').fill(PASSWORD);
  await petra.getByRole('button', { name: 'Inloggen' }).click();
  await expect(petra.getByText('Ingelogd als Petra')).toBeVisible({ timeout: 15_000 });
  await expect(petra.getByText('Er zijn nu geen zorgelijke gesprekken.')).toBeVisible();
  // Desktop notifications only after the supervisor opts in.
  await petra.getByRole('button', { name: 'Bureaubladmeldingen aanzetten' }).click();
  await expect(petra.getByText('Bureaubladmeldingen aan')).toBeVisible();

  const { context: evaContext, page: eva } = await logIn(browser, 'Eva');
  const youth = await youthJoins(browser);
  await eva.keyboard.press('Alt+KeyN');
  await eva.locator('textarea:focus').fill('Hoi, ik ben Eva.');
  await eva.keyboard.press('Enter');
  await youth.page.getByLabel('Je bericht').fill('Ik wil er niet meer zijn');
  await youth.page.getByLabel('Je bericht').press('Enter');
  await expect(openPane(eva).getByRole('log')).toContainText('Ik wil er niet meer zijn');

  // Alt+Z marks it "zorgelijk": the counsellor gets the crisis script beside the conversation.
  await eva.keyboard.press('Alt+KeyZ');
  await expect(eva.locator('#crisisscript')).toContainText('0800-0113');

  // The supervisor cannot miss it: banner, title, desktop notification without any message text.
  const alarm = petra.getByRole('alert').filter({ hasText: 'Zorgelijk gesprek' });
  // It names the young person as Eva's console does, so two flags from one counsellor can be told apart.
  await expect(alarm).toContainText(/Jongere \d+ \([^)]+\): Eva heeft dit gesprek om \d\d:\d\d als zorgelijk gemarkeerd/);
  await expect(petra).toHaveTitle(/^\(!\) Zorgelijk gesprek/);
  const notes = await shownNotifications(petra);
  expect(notes.map((n) => n.body)).toContain('Een gesprek is gemarkeerd als zorgelijk.');
  expect(JSON.stringify(notes)).not.toContain('niet meer zijn');
  await expect(petra.getByRole('region', { name: 'Zorgelijke gesprekken' })).toContainText('behandeld door Eva');
  await expectNoAxeViolations(petra, 'werkplek: alarm leidinggevende');

  // Alt+G ("Gezien") ends the alarm: banner and title.
  await petra.keyboard.press('Alt+KeyG');
  await expect(alarm).toHaveCount(0);
  await expect(petra).not.toHaveTitle(/Zorgelijk/);

  // Reading along (from the list of flagged conversations): the young person is told, in neutral words.
  await petra
    .getByRole('region', { name: 'Zorgelijke gesprekken' })
    .getByRole('button', { name: /^Meelezen/ })
    .click();
  await expect(openPane(petra)).toContainText('Je leest mee (alleen lezen).');
  await expect(openPane(petra).getByRole('log')).toContainText('Ik wil er niet meer zijn');
  await expect(youthLog(youth.page)).toContainText('Een collega leest mee om je zo goed mogelijk te helpen.');
  // Already reading along: the list offers to open it, not "Meelezen" again.
  const flagged = petra.getByRole('region', { name: 'Zorgelijke gesprekken' });
  await expect(flagged.getByRole('button', { name: /^Meelezen/ })).toHaveCount(0);
  await expect(flagged.getByRole('button', { name: /^Openen: Jongere \d+$/ })).toBeVisible();
  await expect(flagged).toContainText('Je leest al mee');

  // A long conversation, and the supervisor has scrolled up to reread it.
  for (let i = 1; i <= 6; i++) {
    await youth.page.getByLabel('Je bericht').fill(`bericht ${i} egt te veel allemaal\nthuis ruzie\nschool ook\nik weet het nie meer`);
    await youth.page.getByLabel('Je bericht').press('Enter');
  }
  await expect(openPane(petra).getByRole('log')).toContainText('bericht 6 egt', { timeout: 15_000 });
  await openPane(petra)
    .getByRole('log')
    .evaluate((el) => el.scrollTo({ top: -el.scrollHeight }));
  await expect(openPane(petra).getByRole('log').getByText('bericht 6 egt')).not.toBeInViewport();

  // Stepping in: marked as a second counsellor on both sides; her own line scrolls into view.
  await petra.getByRole('button', { name: 'Meeschrijven als tweede medewerker' }).click();
  const second = petra.getByLabel(/^Bericht als tweede medewerker aan jongere \d+$/);
  await second.fill('Hoi, ik ben Petra, een collega van Eva. Ik lees even mee.');
  await second.press('Enter');
  await expect(openPane(petra).getByRole('log').getByText('Ik lees even mee.')).toBeInViewport();
  await expect(openPane(petra).getByRole('button', { name: /Nieuwe berichten/ })).toHaveCount(0);
  await expect(youthLog(youth.page).locator('.chat-log__line--colleague')).toContainText('Petra (collega)');
  await expect(openPane(eva).locator('.chat-log__line--colleague')).toContainText('Petra (collega)');
  await expectNoAxeViolations(petra, 'werkplek: meelezen en meeschrijven');
  await petra.screenshot({ path: 'test-results/werkplek-leidinggevende-1366x900.png' });
  await youth.page.setViewportSize({ width: 390, height: 844 });
  await youth.page.evaluate(() => document.querySelector('.chat-conversation')?.scrollIntoView());
  await youth.page.screenshot({ path: 'test-results/jongerenchat-gesprek-390.png' });

  // Eva hands it back to the queue: another counsellor sees it is "zorgelijk" before taking it,
  // and the supervisor's list says it waits in the queue (no status where a name belongs).
  const { context: bramContext, page: bram } = await logIn(browser, 'Bram');
  await eva.keyboard.press('Alt+KeyO');
  await eva.getByLabel('Overdragen aan').selectOption({ label: 'Terug naar de wachtrij' });
  await eva.getByRole('button', { name: 'Nu overdragen' }).click();
  const entry = bram.locator('.ws-entry').filter({ hasText: 'terug in de rij' });
  // Both signals, and the same "Jongere N" as the supervisor's banner (newcomer review 14-3, m1).
  await expect(entry.locator('.ws-tag--danger')).toHaveText(['Zorgelijk', 'mogelijk acuut gevaar']);
  await expect(entry).toContainText(/Jongere \d+: /);
  await expect(flagged).toContainText(/Jongere \d+ \([^)]+\), gemarkeerd om \d\d:\d\d, staat weer in de wachtrij/);
  await expectNoAxeViolations(bram, 'werkplek: zorgelijk gesprek terug in de wachtrij');
  await bram.screenshot({ path: 'test-results/werkplek-zorgelijk-in-wachtrij-1366x900.png' });
  // Bram takes it: the supervisor's list names him.
  await bram.keyboard.press('Alt+KeyN');
  await expect(flagged).toContainText('behandeld door Bram');

  await youth.page.getByRole('button', { name: 'Gesprek beëindigen' }).click();
  await youth.page.getByRole('button', { name: 'Ja, beëindigen' }).click();
  await expect(openPane(bram)).toContainText('De jongere heeft het gesprek beëindigd.');
  for (const c of [youth.context, evaContext, supervisorContext, bramContext]) await c.close();
});

test('a young person typing fast, on a slow connection that drops, gets every character across exactly once, in order', async ({ browser }) => {
  test.setTimeout(120_000);
  const { context: staffContext, page: tim } = await logIn(browser, 'Tim');
  const youthContext = await browser.newContext();
  const youth = await youthContext.newPage();

  // A slow, unreliable line: every frame to the server waits 300 ms (as Chrome's own throttling
  // does for HTTP), and "offline" cuts the connection and refuses new ones until it is back.
  let offline = false;
  const open = new Set<WebSocketRoute>();
  await youth.routeWebSocket(/\/socket\.io\//, (ws) => {
    if (offline) return void ws.close();
    const server = ws.connectToServer();
    open.add(ws);
    ws.onMessage((m) => void setTimeout(() => server.send(m), 300));
    server.onMessage((m) => ws.send(m));
    ws.onClose(() => open.delete(ws));
  });
  await youth.route('**/socket.io/**', (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
  const cdp = await youthContext.newCDPSession(youth);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 300, downloadThroughput: 64_000, uploadThroughput: 32_000 });

  await youth.goto('/jongeren/chat/');
  await youth.getByRole('button', { name: 'Start de chat' }).click();
  await expect(youth.getByRole('heading', { name: 'Je bent in de wachtrij' })).toBeVisible({ timeout: 15_000 });
  await tim.keyboard.press('Alt+KeyN');
  await expect(youth.getByRole('heading', { name: 'Je gesprek met Tim' })).toBeVisible({ timeout: 15_000 });

  // Fast typing across several sends: Enter in the middle of typing, no pause.
  const burst = ['hoi', 'ik wil iets vragen', 'over thuis', 'mijn ouders maken veel ruzie', 'en ik weet niet wat ik moet doen 😕'];
  const field = youth.getByLabel('Je bericht');
  await field.focus();
  await youth.keyboard.type(`${burst.join('\n')}\nen dit typ ik nog`, { delay: 5 });
  // What was typed after the last Enter is still there, whole.
  await expect(field).toHaveValue('en dit typ ik nog');
  await expect.poll(() => youthLines(tim), { timeout: 20_000 }).toEqual(burst);

  // The young person's screen has the server's receipt for all of them (on a slow line that comes after the counsellor sees them).
  await expect(youthLog(youth).locator('.chat-log__line--pending')).toHaveCount(0);
  // The line drops: messages wait in the outbox as "wordt verstuurd", then go once, in order.
  offline = true;
  for (const ws of open) await ws.close();
  await expect(youth.getByText('De verbinding is even weg.')).toBeVisible({ timeout: 10_000 });
  await youth.keyboard.type(' (offline)\ntweede zonder verbinding\n', { delay: 5 });
  const pending = youthLog(youth).locator('.chat-log__line--pending');
  await expect(pending).toHaveCount(2);
  await expect(pending.first()).toContainText('wordt verstuurd');
  await expect(field).toHaveValue('');
  await youth.waitForTimeout(1500);
  expect(await youthLines(tim)).toEqual(burst);

  offline = false;
  const all = [...burst, 'en dit typ ik nog (offline)', 'tweede zonder verbinding'];
  await expect.poll(() => youthLines(tim), { timeout: 30_000 }).toEqual(all);
  await expect(pending).toHaveCount(0);
  // The young person's own log has each line once, too.
  for (const line of all) await expect(youthLog(youth).locator('.chat-log__line--mine').getByText(line, { exact: true })).toHaveCount(1);

  await tim.keyboard.press('Alt+KeyE');
  await tim.getByRole('button', { name: 'Ja, beëindigen' }).click();
  await expect(youth.getByRole('heading', { name: 'Het gesprek is klaar' })).toBeVisible({ timeout: 15_000 });
  await youthContext.close();
  await staffContext.close();
});

test('queue order: a young person whose connection dropped is marked and taken only when nobody connected waits', async ({ browser }) => {
  test.setTimeout(90_000);
  const { context: staffContext, page: tim } = await logIn(browser, 'Tim');
  const first = await youthJoins(browser, 'School');
  const second = await youthJoins(browser, 'Veiligheid');
  await expect(tim.locator('.ws-entry')).toHaveCount(2);
  await expect(tim.locator('.ws-entry').first()).toContainText('School');

  // The first one's connection drops (the tab closes; the place is kept for the resume window).
  await first.page.close();
  const entries = tim.locator('.ws-entry');
  await expect(entries.last()).toContainText('verbinding weg');
  await expect(entries.first()).toContainText('Veiligheid');
  await expect(entries.first()).toContainText('verbonden');
  await expectNoAxeViolations(tim, 'werkplek: wachtrij met weggevallen jongere');

  // "Volgende aannemen" takes the connected young person, though the other came first.
  await tim.keyboard.press('Alt+KeyN');
  await expect(second.page.getByRole('heading', { name: 'Je gesprek met Tim' })).toBeVisible();
  // Only the dropped one is left: chosen explicitly, it is taken, and shown as away.
  await tim.getByRole('button', { name: /^Aannemen: School/ }).click();
  await expect(tim.getByRole('tab').nth(1)).toContainText('verbinding weg');

  // Each keeps its number until it ends; ended cards move after the one still going.
  for (const n of [1, 2]) {
    await tim.keyboard.press(`Alt+Digit${String(n)}`);
    await tim.keyboard.press('Alt+KeyE');
    await tim.getByRole('button', { name: 'Ja, beëindigen' }).click();
    await expect(tim.getByRole('tab').last()).toContainText('beëindigd');
  }
  await expect(tim.getByRole('tab').first()).toContainText('beëindigd');
  await first.context.close();
  await second.context.close();
  await staffContext.close();
});

test('at 320 px the topic and age choices fit, and the age list offers only ages the chat serves', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto('/jongeren/chat/');
  await expect(page.getByRole('heading', { name: 'Begin een gesprek' })).toBeVisible();
  const age = page.getByLabel('Hoe oud ben je?');
  expect(await age.locator('option').allInnerTexts()).toEqual(['Zeg ik liever niet', '12 t/m 17 jaar', '18 t/m 23 jaar']);
  for (const select of [page.getByLabel('Waar gaat het over?'), age]) {
    const box = defined(await select.boundingBox(), 'a box for the select');
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(320);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await expect(page.getByText('Soms leest een ervaren collega mee')).toBeVisible();
  await page.screenshot({ path: 'test-results/jongerenchat-320.png', fullPage: true });
});

/** The element that has focus: its tag, id, accessible name and whether it is a "take" button. */
async function focused(page: Page): Promise<{ tag: string; id: string; text: string; take: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement;
    const text = (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim();
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      id: el?.id ?? '',
      text,
      take: el?.id === 'volgende-aannemen' || /^Aannemen/.test(text),
    };
  });
}

test('keyboard only: focus stays with the conversation after send, kaart, flag, transfer and end, and never lands on a take button', async ({ browser }) => {
  test.setTimeout(150_000);
  const { context: saraContext, page: sara } = await logIn(browser, 'Sara');
  const { context: joostContext, page: joost } = await logIn(browser, 'Joost');
  const { context: ilseContext, page: ilse } = await logIn(browser, 'Ilse');
  const first = await youthJoins(browser, 'School');
  const second = await youthJoins(browser, 'Veiligheid');
  await expect(sara.locator('.ws-entry')).toHaveCount(2);

  // Take, answer: focus stays in the message field.
  await sara.keyboard.press('Alt+KeyN');
  const fieldA = sara.locator('textarea:focus');
  await expect(fieldA).toHaveAccessibleName(/^Bericht aan jongere \d+$/);
  const nameA = ((await fieldA.getAttribute('id')) ?? '').replace(/^bericht-/, '');
  const composerA = sara.locator(`#bericht-${nameA}`);
  const labelA = (await sara.locator(`#titel-${nameA}`).innerText()).split('\n')[0] ?? '';
  await sara.keyboard.type('Hoi, ik ben Sara. Waar wil je het over hebben?');
  await sara.keyboard.press('Enter');
  await expect(youthLog(first.page)).toContainText('Waar wil je het over hebben?');
  await expect(composerA).toBeFocused();

  // The sociale kaart finds help by what it is about, not only by name: arrows choose, Enter inserts.
  await sara.keyboard.press('Alt+KeyK');
  await sara.keyboard.type('blowt');
  const cards = sara.getByRole('listbox', { name: 'Gevonden op de sociale kaart' });
  await expect(cards.getByRole('option').first()).toBeVisible();
  const options = await cards.getByRole('option').count();
  expect(options).toBeGreaterThan(1);
  await expect(cards.getByRole('option', { selected: true })).toHaveCount(1);
  await sara.keyboard.press('ArrowDown');
  await expect(cards.getByRole('option').nth(1)).toHaveAttribute('aria-selected', 'true');
  await sara.keyboard.press('ArrowUp');
  const chosen = (await cards.getByRole('option', { selected: true }).locator('strong').innerText()).trim();
  await sara.keyboard.press('Enter');
  await expect(composerA).toBeFocused();
  await expect(composerA).toHaveValue(new RegExp(`^${chosen.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  await expectNoAxeViolations(sara, 'werkplek: sociale kaart gekozen');
  await sara.keyboard.press('ControlOrMeta+KeyA');
  await sara.keyboard.press('Backspace');

  // The young person writes something that suggests acute danger: the signal and the crisis script appear.
  await first.page.getByLabel('Je bericht').fill('soms wil ik er gewoon niet meer zijn');
  await first.page.getByLabel('Je bericht').press('Enter');
  const danger = openPane(sara).getByRole('alert').filter({ hasText: 'Mogelijk acuut gevaar' });
  await expect(danger).toBeVisible();
  await expect(sara.locator('#crisisscript')).toContainText('0800-0113');
  await expect(sara.getByRole('tab', { name: new RegExp(labelA) })).toContainText('mogelijk acuut gevaar');
  await expect(composerA).toBeFocused();
  await expectNoAxeViolations(sara, 'werkplek: mogelijk acuut gevaar');
  await sara.screenshot({ path: 'test-results/werkplek-gevaar-1366x900.png' });
  // One step to "zorgelijk": Alt+Z, and focus is still in the message field.
  await sara.keyboard.press('Alt+KeyZ');
  await expect(danger).toContainText('Gemarkeerd als zorgelijk');
  await expect(composerA).toBeFocused();

  // The supervisor is alerted; "Meelezen" puts her in the conversation, with the same name for the young person.
  const alarm = ilse.getByRole('alert').filter({ hasText: 'Zorgelijk gesprek' });
  await expect(alarm).toBeVisible();
  await alarm.getByRole('button', { name: 'Meelezen', exact: true }).focus();
  await ilse.keyboard.press('Enter');
  const readTitle = ilse.locator('.ws-pane:not([hidden]) h2');
  await expect(readTitle).toBeFocused();
  await expect(readTitle).toContainText(labelA);
  // Tab to "Meeschrijven", Enter: focus goes to the field she now writes in, not to the page.
  await ilse.keyboard.press('Tab');
  await expect(ilse.locator(':focus')).toHaveText('Meeschrijven als tweede medewerker');
  await ilse.keyboard.press('Enter');
  await expect(ilse.locator('textarea:focus')).toHaveAccessibleName(new RegExp(`^Bericht als tweede medewerker aan ${labelA.toLowerCase()}$`));
  await expect(alarm).toHaveCount(0);

  // A second young person; transfer with a note (too long first: refused in Dutch, nothing lost).
  await sara.keyboard.press('Alt+KeyN');
  const fieldB = sara.locator('textarea:focus');
  await expect(fieldB).not.toHaveAttribute('id', `bericht-${nameA}`);
  const labelB = (await fieldB.evaluate((el) => (el as HTMLTextAreaElement).labels.item(0).textContent)).replace(/^Bericht aan j/, 'J');
  await sara.keyboard.type('Hoi, ik ben Sara.');
  await sara.keyboard.press('Enter');
  await sara.keyboard.press('Alt+KeyO');
  await expect(sara.getByLabel('Overdragen aan')).toBeFocused();
  await sara.getByLabel('Overdragen aan').selectOption('Joost');
  await sara.keyboard.press('Tab');
  const note = sara.getByLabel('Notitie voor wie het overneemt (mag leeg)');
  await expect(note).toBeFocused();
  const tooLong = `Gaat over thuis. ${'Veel ruzie. '.repeat(30)}`;
  await note.fill(tooLong);
  await sara.keyboard.press('Control+Enter');
  await expect(sara.getByRole('alert').filter({ hasText: 'Je notitie voor je collega is te lang' })).toBeVisible();
  await expect(note).toBeFocused();
  await expect(note).toHaveValue(tooLong);
  await expectNoAxeViolations(sara, 'werkplek: overdragen met te lange notitie');
  await note.fill('Gaat over ruzie thuis. Wil niet dat ouders het weten.');
  await sara.keyboard.press('Control+Enter');
  await expect(youthLog(second.page)).toContainText('Je praat nu met een andere medewerker: Joost.');
  // Joost sees the note and the same name; Sara stays on the handed-on conversation (its heading),
  // and Alt+1 takes her back to her other one.
  await expect(openPane(joost)).toContainText('Notitie bij de overdracht van Sara');
  await expect(openPane(joost)).toContainText('Wil niet dat ouders het weten.');
  await expect(joost.getByRole('tab', { name: new RegExp(labelB) })).toBeVisible();
  await expect(sara.getByRole('heading', { name: labelB })).toBeFocused();
  await sara.keyboard.press('Alt+Digit1');
  await expect(composerA).toBeFocused();

  // A third young person waits now. Ending the last open conversation must not put focus on "take".
  const third = await youthJoins(browser);
  await expect(sara.locator('.ws-entry')).toHaveCount(1);
  // Blocking asks first too; Escape closes it and focus goes back to the message field.
  await sara.keyboard.press('Alt+KeyB');
  await expect(sara.getByRole('button', { name: 'Annuleren' })).toBeFocused();
  await expect(openPane(sara).getByRole('group', { name: new RegExp(`^${labelA} blokkeren\\?`) })).toBeVisible();
  await sara.keyboard.press('Escape');
  await expect(sara.getByRole('button', { name: 'Ja, blokkeren' })).toHaveCount(0);
  await expect(composerA).toBeFocused();
  // The end confirmation names the young person and warns: this one is "zorgelijk".
  await sara.keyboard.press('Alt+KeyE');
  await expect(sara.getByRole('button', { name: 'Annuleren' })).toBeFocused();
  const confirm = openPane(sara).getByRole('group', { name: `Gesprek met ${labelA} beëindigen?` });
  await expect(confirm).toHaveAccessibleDescription(/^Let op: dit gesprek is als zorgelijk gemarkeerd\./);
  await expectNoAxeViolations(sara, 'werkplek: beëindigen met waarschuwing');
  await sara.keyboard.press('Shift+Tab');
  await sara.keyboard.press('Enter');
  await expect(sara.getByRole('tab', { name: new RegExp(labelA) })).toContainText('beëindigd');
  await expect(sara.locator(`#titel-${nameA}`)).toBeFocused();
  expect((await focused(sara)).take).toBe(false);
  // A stray Enter changes nothing: the young person is still waiting.
  await sara.keyboard.press('Enter');
  await expect(sara.locator('.ws-entry')).toHaveCount(1);
  await expect(third.page.getByRole('heading', { name: 'Je bent in de wachtrij' })).toBeVisible();

  // Alt+L closes an ended conversation (Alt+E does nothing there); the help dialog lists it.
  await sara.keyboard.press('Alt+KeyH');
  await expect(sara.getByRole('dialog', { name: 'Sneltoetsen' })).toContainText('Beëindigd gesprek sluiten');
  await sara.keyboard.press('Escape');
  await sara.keyboard.press('Alt+KeyL');
  await expect(sara.getByRole('tab', { name: new RegExp(labelA) })).toHaveCount(0);
  // The handed-on conversation is left, finished: focus on it, again not on "take".
  expect((await focused(sara)).take).toBe(false);
  await sara.keyboard.press('Alt+KeyL');
  await expect(sara.getByRole('tab')).toHaveCount(0);
  expect(await focused(sara)).toMatchObject({ id: 'mijn-titel', take: false });
  await sara.keyboard.press('Enter');
  await expect(sara.locator('.ws-entry')).toHaveCount(1);

  // Clean up: the waiting one is taken and everyone ends, so nothing stays in the shared queue.
  await sara.keyboard.press('Alt+KeyN');
  await expect(third.page.getByRole('heading', { name: 'Je gesprek met Sara' })).toBeVisible();
  await expect(first.page.getByRole('heading', { name: 'Het gesprek is klaar' })).toBeVisible();
  for (const y of [second, third]) {
    await y.page.getByRole('button', { name: 'Gesprek beëindigen' }).click();
    await y.page.getByRole('button', { name: 'Ja, beëindigen' }).click();
  }
  for (const c of [first.context, second.context, third.context, saraContext, joostContext, ilseContext]) await c.close();
});

test('the workspace fits at 1024 px, 1366×900 and on a tablet: no take button or shortcut badge is cut off', async ({ browser }) => {
  test.setTimeout(90_000);
  const { context, page: tim } = await logIn(browser, 'Tim');
  const talking = await youthJoins(browser, 'School');
  await tim.keyboard.press('Alt+KeyN');
  await expect(tim.locator('textarea:focus')).toHaveAccessibleName(/^Bericht aan jongere \d+$/);
  await tim.keyboard.type('Hoi, ik ben Tim. Waar wil je het over hebben?');
  await tim.keyboard.press('Enter');
  const waiting = [await youthJoins(browser, 'Gezondheid'), await youthJoins(browser, 'Alcohol, roken, drugs en gamen'), await youthJoins(browser)];
  await expect(tim.locator('.ws-entry')).toHaveCount(3);

  for (const [width, height, name] of [
    [1024, 768, 'werkplek-wachtrij-1024x768'],
    [1366, 900, 'werkplek-wachtrij-1366x900'],
    [820, 1180, 'werkplek-wachtrij-820x1180'],
    [768, 1024, 'werkplek-wachtrij-768x1024'],
  ] as const) {
    await tim.setViewportSize({ width, height });
    // Every button of the left column lies wholly inside it, and each shortcut badge inside its button.
    const clipped = await tim.evaluate(() => {
      const column = document.querySelector('.ws-left');
      if (!column) return ['no left column'];
      const box = column.getBoundingClientRect();
      const right = box.left + column.clientWidth;
      const problems: string[] = [];
      for (const button of column.querySelectorAll('button')) {
        const b = button.getBoundingClientRect();
        if (b.left < box.left - 0.5 || b.right > right + 0.5) problems.push(`knop "${button.textContent.trim()}" valt buiten de kolom`);
        for (const kbd of button.querySelectorAll('kbd')) {
          const k = kbd.getBoundingClientRect();
          if (k.left < b.left || k.right > b.right + 0.5 || k.bottom > b.bottom + 0.5)
            problems.push(`sneltoets in "${button.textContent.trim()}" valt buiten de knop`);
        }
      }
      if (column.scrollWidth > column.clientWidth + 1) problems.push('de kolom schuift opzij');
      return problems;
    });
    expect(clipped, `${width}×${height}`).toEqual([]);
    expect(await tim.evaluate(() => document.documentElement.scrollWidth), `${width}×${height}`).toBeLessThanOrEqual(width);
    await tim.screenshot({ path: `test-results/${name}.png`, fullPage: width < 1024 });
  }
  await tim.setViewportSize({ width: 1366, height: 900 });
  await expectNoAxeViolations(tim, 'werkplek: drie wachtenden en een gesprek');

  // Four conversations at 1366×900 (three going, the most one can have, and one ended that stays until
  // closed): "Mijn gesprekken" scrolls inside its column, the queue stays in view.
  await tim.keyboard.press('Alt+KeyN');
  await expect(tim.getByRole('tab')).toHaveCount(2);
  await tim.keyboard.press('Alt+KeyN');
  await expect(tim.getByRole('tab')).toHaveCount(3);
  await talking.page.getByRole('button', { name: 'Gesprek beëindigen' }).click();
  await talking.page.getByRole('button', { name: 'Ja, beëindigen' }).click();
  // The ended card moves after the ones still going.
  await expect(tim.getByRole('tab').last()).toContainText('beëindigd');
  await tim.keyboard.press('Alt+KeyN');
  await expect(tim.getByRole('tab')).toHaveCount(4);
  await expect(tim.getByRole('tab').last()).toContainText('beëindigd');
  const tabs = tim.locator('.ws-tabs');
  expect(await tabs.evaluate((el) => getComputedStyle(el).overflowY)).toBe('auto');
  await tim.getByRole('tab').last().scrollIntoViewIfNeeded();
  await expect(tim.getByRole('tab').last()).toBeInViewport({ ratio: 0.9 });
  await expect(tim.getByRole('heading', { name: 'Mijn gesprekken' })).toBeInViewport();
  await expect(tim.getByRole('heading', { name: /^Wachtrij/ })).toBeInViewport();
  expect(await tim.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(900);
  await tim.screenshot({ path: 'test-results/werkplek-vier-gesprekken-1366x900.png' });

  // Clean up.
  for (const y of waiting) {
    await y.page.getByRole('button', { name: 'Gesprek beëindigen' }).click();
    await y.page.getByRole('button', { name: 'Ja, beëindigen' }).click();
  }
  for (const c of [...waiting.map((y) => y.context), talking.context, context]) await c.close();
});

/** The last line of the open conversation is on screen (inside the log's own scroll area and the window). */
async function expectNewestInView(page: Page, text: string): Promise<void> {
  const last = openPane(page).locator('.chat-log__line').last();
  await expect(last).toContainText(text);
  await expect(last).toBeInViewport({ ratio: 1 });
}

test('a supervisor working on Cijfers still gets the zorgelijk alarm; the crisis script leaves the kaart and the phrases in reach', async ({ browser }) => {
  test.setTimeout(120_000);
  const { context: milaContext, page: mila } = await logIn(browser, 'Mila');
  await recordNotifications(milaContext, true);
  // Same tab, another staff page: the figures.
  await mila.getByRole('link', { name: 'Cijfers' }).click();
  await expect(mila).toHaveURL(/\/medewerkers\/statistiek\/$/);
  await expect(mila.getByText('Ingelogd als Mila')).toBeVisible();

  const { context: bramContext, page: bram } = await logIn(browser, 'Bram');
  const youth = await youthJoins(browser, 'School');
  await bram.keyboard.press('Alt+KeyN');
  await bram.locator('textarea:focus').fill('Hoi, ik ben Bram.');
  await bram.keyboard.press('Enter');
  await youth.page.getByLabel('Je bericht').fill('ik wil er niet meer zijn eerlijk');
  await youth.page.getByLabel('Je bericht').press('Enter');
  await expect(openPane(bram).getByRole('log')).toContainText('niet meer zijn');
  await bram.keyboard.press('Alt+KeyZ');
  await expect(bram.locator('#crisisscript')).toBeVisible();

  // Banner, title and notification on the figures page, without any message text.
  const alarm = mila.getByRole('alert').filter({ hasText: 'Zorgelijk gesprek' });
  await expect(alarm).toContainText(/Jongere \d+ \([^)]+\): Bram heeft dit gesprek om \d\d:\d\d als zorgelijk gemarkeerd/);
  await expect(mila).toHaveTitle(/^\(!\) Zorgelijk gesprek/);
  await expect.poll(async () => (await shownNotifications(mila)).map((n) => n.body)).toContain('Een gesprek is gemarkeerd als zorgelijk.');
  expect(JSON.stringify(await shownNotifications(mila))).not.toContain('niet meer zijn');
  await expectNoAxeViolations(mila, 'statistiek: alarm leidinggevende');
  await mila.screenshot({ path: 'test-results/statistiek-alarm-1366x900.png' });
  // "Meelezen" there leads to the console, which opens that conversation read-only.
  await alarm.getByRole('link', { name: 'Meelezen' }).click();
  await expect(mila).toHaveURL(/\/medewerkers\/chat\/$/);
  await expect(openPane(mila)).toContainText('Je leest mee (alleen lezen).');
  await expect(openPane(mila).getByRole('log')).toContainText('niet meer zijn');
  await expect(mila.getByRole('alert').filter({ hasText: 'Zorgelijk gesprek' })).toHaveCount(0);

  // At 1366×900 with the crisis script beside the conversation, the kaart's results come into view,
  // and so does every option the arrows move to (0.9: a fraction of a pixel may fall under the window's edge).
  await bram.keyboard.press('Alt+KeyK');
  await bram.keyboard.type('pesten');
  const cards = bram.getByRole('listbox', { name: 'Gevonden op de sociale kaart' });
  await expect(cards.getByRole('option').first()).toBeInViewport({ ratio: 0.9 });
  const count = await cards.getByRole('option').count();
  for (let i = 1; i < count; i++) {
    await bram.keyboard.press('ArrowDown');
    await expect(cards.getByRole('option').nth(i)).toHaveAttribute('aria-selected', 'true');
    await expect(cards.getByRole('option').nth(i)).toBeInViewport({ ratio: 0.9 });
  }
  await bram.keyboard.press('Escape');
  await bram.keyboard.press('Alt+KeyS');
  const phrases = bram.getByRole('listbox', { name: 'Standaardzinnen' });
  await expect(phrases.getByRole('option', { selected: true })).toBeInViewport({ ratio: 0.9 });
  const phraseCount = await phrases.getByRole('option').count();
  for (let i = 1; i < phraseCount; i++) await bram.keyboard.press('ArrowDown');
  await expect(phrases.getByRole('option').last()).toHaveAttribute('aria-selected', 'true');
  await expect(phrases.getByRole('option').last()).toBeInViewport({ ratio: 0.9 });
  // Only the column scrolled, not the window: the staff header stays where it is.
  expect(await bram.evaluate(() => window.scrollY)).toBe(0);
  await bram.screenshot({ path: 'test-results/werkplek-crisis-zinnen-1366x900.png' });

  await youth.page.getByRole('button', { name: 'Gesprek beëindigen' }).click();
  await youth.page.getByRole('button', { name: 'Ja, beëindigen' }).click();
  await expect(openPane(bram)).toContainText('De jongere heeft het gesprek beëindigd.');
  for (const c of [youth.context, bramContext, milaContext]) await c.close();
});

test('after ending or handing on, the next conversation shows its newest line; a pointer when scrolled up; the colleague who receives it is told', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const { context: bramContext, page: bram } = await logIn(browser, 'Bram');
  const noorContext = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  await recordNotifications(noorContext, true);
  const noor = await noorContext.newPage();
  await noor.goto('/medewerkers/chat/');
  await noor.getByLabel('Naam').fill('Noor');
  await noor.getByLabel('Wachtwoord').fill(PASSWORD);
  await noor.getByRole('button', { name: 'Inloggen' }).click();
  await expect(noor.getByText('Ingelogd als Noor')).toBeVisible({ timeout: 15_000 });

  const a = await youthJoins(browser, 'School');
  const b = await youthJoins(browser, 'Veiligheid');
  await bram.keyboard.press('Alt+KeyN');
  await expect(bram.locator('textarea:focus')).toHaveAccessibleName(/^Bericht aan jongere \d+$/);
  // Alt+S, Enter, Enter with no pause at all: the greeting goes in once, never twice.
  await bram.keyboard.press('Alt+KeyS');
  await bram.keyboard.press('Enter');
  await bram.keyboard.press('Enter');
  const greeting = 'Fijn dat je er bent';
  const composerA = bram.locator('.ws-pane textarea').first();
  // The second Enter either sent it (focus was back in the field) or was held; either way, once.
  await expect(composerA).toBeFocused();
  if ((await composerA.inputValue()) !== '') await bram.keyboard.press('Enter');
  await expect(youthLog(a.page)).toContainText(greeting);
  await expect(composerA).toHaveValue('');
  expect((await youthLog(a.page).innerText()).split(greeting).length - 1).toBe(1);
  await bram.keyboard.press('Alt+KeyN');
  await expect(bram.locator('.ws-pane textarea').nth(1)).toBeFocused();
  await bram.locator('textarea:focus').fill('Hoi, ik ben Bram. Vertel maar.');
  await bram.keyboard.press('Enter');
  await expect(youthLog(b.page)).toContainText('Vertel maar.');
  // Back to the first; meanwhile the second young person writes a lot.
  await bram.keyboard.press('Alt+Digit1');
  const field = b.page.getByLabel('Je bericht');
  const story = 'en toen zei mijn moeder dat ik niet meer naar buiten mocht en daarna werd het alleen maar erger thuis. ';
  for (let i = 1; i <= 6; i++) {
    await field.fill(`regel ${i} van een lang verhaal: ${story.repeat(3)}`);
    await field.press('Enter');
    await expect(bram.getByRole('tab', { name: /Jongere/ }).nth(1)).toContainText(`regel ${i} van`);
  }

  // "Annuleren" goes back to where Alt+E was pressed: the message field, so the next Enter does not ask again.
  const fieldA = bram.locator('.ws-pane textarea').first();
  await expect(fieldA).toBeFocused();
  await bram.keyboard.press('Alt+KeyE');
  await expect(bram.getByRole('button', { name: 'Annuleren' })).toBeFocused();
  await bram.keyboard.press('Enter');
  await expect(fieldA).toBeFocused();
  // The shortcut help opened with focus nowhere: closed, focus goes to the open conversation, not to the page.
  await bram.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await bram.keyboard.press('Alt+KeyH');
  await expect(bram.getByRole('dialog', { name: 'Sneltoetsen' })).toBeVisible();
  await bram.keyboard.press('Escape');
  await expect(bram.getByRole('dialog', { name: 'Sneltoetsen' })).toBeHidden();
  await expect(fieldA).toBeFocused();

  // Ending the first leaves focus on its heading (not in the other young person's field);
  // Alt+2 opens the second at its newest line.
  await bram.keyboard.press('Alt+KeyE');
  await bram.getByRole('button', { name: 'Ja, beëindigen' }).click();
  await expect(bram.locator('.ws-pane:not([hidden]) h2')).toBeFocused();
  await expect(bram.locator('textarea:focus')).toHaveCount(0);
  await bram.keyboard.press('Alt+Digit2');
  await expectNewestInView(bram, 'regel 6 van');

  // Scrolled up to reread: a new line does not pull the log away, a pointer says it is there.
  const log = openPane(bram).getByRole('log');
  await log.evaluate((el) => (el.scrollTop = -el.scrollHeight));
  await field.fill('ben je er nog');
  await field.press('Enter');
  const pointer = openPane(bram).getByRole('button', { name: /Nieuwe berichten/ });
  await expect(pointer).toBeVisible();
  await expect(openPane(bram).locator('.chat-log__line').last()).not.toBeInViewport();
  await pointer.click();
  await expectNewestInView(bram, 'ben je er nog');
  await expect(pointer).toBeHidden();

  // Handing it to Noor: her tab title, and a notification (her tab is hidden), without message text.
  const before = (await shownNotifications(noor)).length;
  await bram.keyboard.press('Alt+KeyO');
  await bram.getByLabel('Overdragen aan').selectOption('Noor');
  await bram.getByRole('button', { name: 'Nu overdragen' }).click();
  await expect(youthLog(b.page)).toContainText('Je praat nu met een andere medewerker: Noor.');
  await expect(noor).toHaveTitle(/^\(1\) Overgedragen aan jou/);
  await expect.poll(async () => (await shownNotifications(noor)).slice(before).map((n) => n.body)).toContain('Er is een gesprek aan jou overgedragen.');
  expect(JSON.stringify(await shownNotifications(noor))).not.toContain('regel');
  // Opened, it shows the newest line; the title calms down.
  await noor.keyboard.press('Alt+Digit1');
  await expectNewestInView(noor, 'ben je er nog');
  await expect(noor).not.toHaveTitle(/Overgedragen/);

  await b.page.getByRole('button', { name: 'Gesprek beëindigen' }).click();
  await b.page.getByRole('button', { name: 'Ja, beëindigen' }).click();
  await expect(openPane(noor)).toContainText('De jongere heeft het gesprek beëindigd.');
  for (const c of [a.context, b.context, bramContext, noorContext]) await c.close();
});
