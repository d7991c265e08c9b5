/**
 * Signing up for an activity as parents do: with JavaScript by keyboard only (mistakes first), without
 * JavaScript (a full course and the waiting list), with the server out of reach, and the staff page for
 * the activities role. axe on every new state; screenshots at 320 and 1366 px, no sideways scrolling.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { E2E_DATA_DIR } from './env.ts';
import { expectNoAxeViolations, LOGIN_WAIT_MS, trackForeignRequests } from './helpers.ts';
import { defined } from '../support/defined.ts';

const PAGE = '/activiteiten/triple-p-groep/';
const PASSWORD = 'e2e-wachtwoord-lang-genoeg';
const ACTIVITIES = 'Petra';
const COUNSELLOR = 'Bram';

// One course fills up over these tests, so they run in order.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(() => {
  mkdirSync(E2E_DATA_DIR, { recursive: true });
  const cli = (args: string[], input = '') =>
    execFileSync('npx', ['node', 'chat-server/cli/counsellor.ts', ...args], {
      env: { ...process.env, CJG_DATA_DIR: E2E_DATA_DIR },
      input,
      stdio: ['pipe', 'ignore', 'pipe'],
    });
  for (const [name, role] of [
    [ACTIVITIES, ['--role', 'activities']],
    [COUNSELLOR, []],
  ] as const) {
    try {
      cli(['remove', name]);
    } catch {
      // Did not exist yet.
    }
    cli(['add', name, ...role], `${PASSWORD}\n`);
  }
});

async function shots(page: Page, name: string): Promise<void> {
  for (const width of [320, 1366]) {
    await page.setViewportSize({ width, height: 900 });
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
    expect(sideways, `geen horizontale scroll op ${width}px (${name})`).toBe(false);
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/**
 * axe needs scripts, which a page without JavaScript does not run: the page as the server sent it is
 * served again, at the same origin (so its styles load), to a tab with JavaScript, and checked there.
 */
async function axeWithoutScripts(browser: Browser, baseURL: string, page: Page, label: string): Promise<void> {
  const html = await page.content();
  const context = await browser.newContext({ baseURL, javaScriptEnabled: true });
  const copy = await context.newPage();
  await copy.route('**/axe-kopie/', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await copy.goto('/axe-kopie/');
  await expectNoAxeViolations(copy, label);
  await context.close();
}

/** Presses Tab until `selector` has focus. */
async function tabTo(page: Page, selector: string, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (
      await page
        .locator(selector)
        .evaluate((el) => el === document.activeElement)
        .catch(() => false)
    )
      return;
  }
  throw new Error(`Tab bereikte ${selector} niet`);
}

test('with JavaScript, by keyboard only: places shown, mistakes named at their fields, then signed up', async ({ page, baseURL }) => {
  const foreign = trackForeignRequests(page, baseURL ?? '');
  await page.goto(PAGE);
  const form = page.locator('form[data-signup]');
  await expect(page.getByText('Nog 12 plekken')).toBeVisible();
  // This page view's one-time id: sent twice (a double click) it is one sign-up.
  await expect(form.locator('[data-signup-submission]')).toHaveValue(/^[\w-]{16,64}$/);
  await tabTo(page, '#aanmelden-naam');
  await page.keyboard.type('Fatima');
  await page.keyboard.press('Tab');
  await page.keyboard.type('06-1234567');
  await page.keyboard.press('Tab');
  await page.keyboard.type('fatima@gmial.com');
  // A likely typo is suggested while typing, never an error.
  await expect(page.getByRole('textbox', { name: 'E-mailadres' })).toHaveAccessibleDescription(/Bedoel je fatima@gmail\.com\?/);
  await page.keyboard.press('Enter');
  const summary = page.locator('[data-signup-summary]');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Er staat 1 fout in het formulier.');
  await expect(page.getByRole('textbox', { name: 'Telefoonnummer' })).toHaveAccessibleDescription(/Dit telefoonnummer klopt niet/);
  await expect(page.getByRole('textbox', { name: 'E-mailadres' })).toHaveAccessibleDescription(/Bedoel je fatima@gmail\.com\?/);
  // Nothing typed is lost.
  await expect(page.getByRole('textbox', { name: /Voornaam/ })).toHaveValue('Fatima');
  await expectNoAxeViolations(page, 'aanmelden met fouten');
  await shots(page, 'aanmelden-fouten');

  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter'); // the link to the phone field
  await expect(page.getByRole('textbox', { name: 'Telefoonnummer' })).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('06 12345678');
  // Fixed: its error and the summary go at once, before sending again.
  await expect(page.getByRole('textbox', { name: 'Telefoonnummer' })).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#aanmelden-telefoon-fout')).toHaveCount(0);
  await expect(summary).toHaveCount(0);
  await page.keyboard.press('Tab'); // the e-mail field
  await page.keyboard.press('Tab'); // "Ja, verbeter het"
  await expect(page.getByRole('button', { name: 'Ja, verbeter het' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'E-mailadres' })).toHaveValue('fatima@gmail.com');
  await expect(page.getByRole('button', { name: 'Ja, verbeter het' })).toHaveCount(0);
  await page.keyboard.press('Enter');
  const done = page.locator('[data-signup-done]');
  await expect(done).toBeFocused();
  await expect(done.getByRole('heading', { name: 'Je bent aangemeld' })).toBeVisible();
  await expect(done).toContainText('Je komt met 1 persoon.');
  // Whom to call: the organiser's real number as a tel: link, and e-mail (from the sociale kaart).
  await expect(done.getByRole('link', { name: '012-345 61 60' })).toHaveAttribute('href', 'tel:0123456160');
  await expect(done.getByRole('link', { name: 'cursussen@cjg.voorbeeldstad.example' })).toHaveAttribute('href', 'mailto:cursussen@cjg.voorbeeldstad.example');
  await expect(form).toHaveCount(0);
  await expectNoAxeViolations(page, 'aangemeld');
  await shots(page, 'aanmelden-klaar');
  expect(foreign).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a family signs up, the next one is told the course is full and goes on the waiting list', async ({ page, browser, baseURL }) => {
    const axe = (label: string) => axeWithoutScripts(browser, baseURL ?? '', page, label);
    await page.goto(PAGE);
    await page.getByRole('textbox', { name: /Voornaam/ }).fill('Marloes');
    await page.getByRole('textbox', { name: 'E-mailadres' }).fill('marloes@example.nl');
    // One sign-up brings at most 4 people (the default of join.max_people).
    await expect(page.getByRole('combobox', { name: /Met hoeveel personen/ }).getByRole('option')).toHaveCount(4);
    await page.getByRole('combobox', { name: /Met hoeveel personen/ }).selectOption('4');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Je bent aangemeld' })).toBeVisible();
    await expect(page.getByText('Je komt met 4 personen.')).toBeVisible();
    await expect(page).toHaveTitle(/^Aangemeld: /);
    await expect(page.getByRole('link', { name: '012-345 61 60' })).toHaveAttribute('href', 'tel:0123456160');
    // Post/Redirect/Get: the confirmation has its own short-lived link, so a reload sends nothing again
    // (the staff table below counts every row; attacker review 17-3, M1).
    await expect(page).toHaveURL(/\/api\/aanmelden\/uitkomst\?uitkomst=[\w-]+$/);
    await page.reload();
    await expect(page.getByText('Je komt met 4 personen.')).toBeVisible();
    await axe('bevestiging zonder JavaScript');
    await shots(page, 'aanmelden-bevestiging-zonder-js');
    await page.goto(PAGE);
    await page.getByRole('textbox', { name: /Voornaam/ }).fill('Joop');
    await page.getByRole('textbox', { name: 'Telefoonnummer' }).fill('0699988877');
    await page.getByRole('combobox', { name: /Met hoeveel personen/ }).selectOption('4');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Je bent aangemeld' })).toBeVisible();

    // 9 of 12 places taken: a family of 4 does not fit.
    await page.goto(PAGE);
    await page.getByRole('textbox', { name: /Voornaam/ }).fill('Kees');
    await page.getByRole('textbox', { name: 'Telefoonnummer' }).fill('+31 6 11122233');
    await page.getByRole('combobox', { name: /Met hoeveel personen/ }).selectOption('4');
    await page.getByRole('textbox', { name: /Vraag of opmerking/ }).fill('Kan mijn zoon (4) mee?');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    // Said at the top of the page, before the form (and again at its button).
    await expect(page.getByRole('alert').filter({ hasText: 'Er zijn nog 3 plekken en jullie zijn met 4. Je komt daarom op de wachtlijst.' })).toBeVisible();
    await expect(page).toHaveTitle(/^Vol: /);
    await expect(page.getByRole('textbox', { name: /Voornaam/ })).toHaveValue('Kees');
    await expect(page.getByRole('textbox', { name: /Vraag of opmerking/ })).toHaveValue('Kan mijn zoon (4) mee?');
    await axe('wachtlijst aanbieden zonder JavaScript');
    await shots(page, 'aanmelden-wachtlijst-vraag');
    await page.getByRole('button', { name: 'Aanmelden voor de wachtlijst' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Je staat op de wachtlijst' })).toBeVisible();
    await expect(page).toHaveTitle(/^Wachtlijst: /);
    await expect(page.getByText('Je staat op de wachtlijst, plek 1. De organisator belt of mailt je als er een plek vrijkomt.')).toBeVisible();
    await expect(page.getByRole('link', { name: '012-345 61 60' })).toHaveAttribute('href', 'tel:0123456160');
    await axe('wachtlijst zonder JavaScript');
    await shots(page, 'aanmelden-wachtlijst');

    // A mistake: the form again, with a Dutch sentence at the field.
    await page.goto(PAGE);
    await page.getByRole('textbox', { name: /Voornaam/ }).fill('Ria');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect(page.getByRole('alert')).toContainText('Er staat 1 fout in het formulier.');
    await expect(page).toHaveTitle(/^Fout: /);
    await expect(page.getByRole('textbox', { name: 'Telefoonnummer' })).toHaveAccessibleDescription(
      /Vul een telefoonnummer of een e-mailadres in, zodat de organisator je kan bereiken./,
    );
    await expect(page.getByRole('textbox', { name: /Voornaam/ })).toHaveValue('Ria');
    await axe('fout zonder JavaScript');
  });
});

test('online, on a phone: the link comes by e-mail, so a phone number alone is refused at the e-mail field; the confirmation opens at its heading (newcomer review 17-2, major 1, minor 1)', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/activiteiten/voorlichting-alcohol-drugs/');
  // Said before sending, too: the field is required here.
  await expect(page.getByRole('textbox', { name: /E-mailadres/ })).toHaveAttribute('aria-required', 'true');
  await page.getByRole('textbox', { name: /Voornaam/ }).fill('Fatma');
  await page.getByRole('textbox', { name: 'Telefoonnummer' }).fill('020 123 45 67');
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  const email = page.getByRole('textbox', { name: /E-mailadres/ });
  await expect(email).toHaveAccessibleDescription(/Voor een online bijeenkomst sturen we de link per e-mail\. Vul je e-mailadres in\./);
  await expect(page.getByRole('textbox', { name: 'Telefoonnummer' })).toHaveValue('020 123 45 67');
  await expectNoAxeViolations(page, 'online zonder e-mailadres');
  await email.fill('fatma@example.nl');
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  const done = page.locator('[data-signup-done]');
  await expect(done).toBeFocused();
  // The heading is the first thing a parent reads: in view, below the sticky "Snel weg" bar.
  const heading = defined(await done.getByRole('heading', { name: 'Je bent aangemeld' }).boundingBox(), 'the heading');
  const bar = defined(await page.locator('.quick-exit').boundingBox(), 'the Snel weg bar');
  expect(heading.y).toBeGreaterThanOrEqual(bar.y + bar.height);
  expect(heading.y + heading.height).toBeLessThanOrEqual(844);
});

test('with JavaScript: the page says what the server says, and admits when it cannot ask', async ({ page }) => {
  await page.goto(PAGE);
  // 9 placed, Kees (4) waits because his family does not fit: the 3 free places stay open to a smaller
  // group (attacker review 17-3, m1), and a family of 4 is told before anything is sent that it waits.
  await expect(page.getByText('Nog 3 plekken')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Aanmelden', exact: true })).toBeVisible();
  await page.getByRole('combobox', { name: /Met hoeveel personen/ }).selectOption('4');
  await expect(page.getByText('Er zijn nog 3 plekken en jullie zijn met 4.').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Aanmelden voor de wachtlijst' })).toBeVisible();

  await page.route('**/api/aanmelden/plekken**', (route) => route.abort('connectionrefused'));
  await page.goto(PAGE);
  await expect(page.getByText('We konden nu niet nagaan hoeveel plekken er nog zijn.')).toBeVisible();
  await expect(page.getByText(/Nog \d+ plek/)).toHaveCount(0);
  await expectNoAxeViolations(page, 'plekken onbekend');
});

test('staff: the activities role sees the sign-ups and downloads them; a counsellor gets no access', async ({ page }) => {
  await page.goto('/medewerkers/aanmeldingen/');
  const login = async (name: string) => {
    await expect(page.getByRole('button', { name: 'Inloggen' })).toBeEnabled();
    await page.getByLabel('Naam').fill(name);
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page.getByRole('heading', { name: 'Inloggen voor de aanmeldingen' })).toBeHidden({ timeout: LOGIN_WAIT_MS });
  };
  await login(COUNSELLOR);
  await expect(page.getByText('Geen toegang.')).toBeVisible();
  await page.getByRole('button', { name: 'Uitloggen' }).click();

  await login(ACTIVITIES);
  // Activities that take sign-ups but have none yet are listed, so staff can tell "none yet" from "not set up".
  // Every date of an evening given on several dates is listed, each saying so (newcomer review 17-2, minor 5).
  const evenings = page.getByRole('region', { name: /^Ouderavond/ }).first();
  await expect(evenings.getByRole('heading', { level: 3 }).first()).toBeVisible();
  expect(await evenings.getByText('Nog geen aanmeldingen.').count()).toBe(await evenings.getByRole('heading', { level: 3 }).count());
  const course = page.getByRole('region', { name: /Triple P-cursus/ }).first();
  await expect(course.getByText('9 van 12 plekken bezet')).toBeVisible();
  await expect(course.getByText('4 personen (1 aanmelding) op de wachtlijst')).toBeVisible();
  const table = course.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(5);
  await expect(table).toContainText('Marloes');
  await expect(table).toContainText('Kan mijn zoon (4) mee?');
  await expect(table.getByRole('link', { name: '06 11122233' })).toHaveAttribute('href', 'tel:0611122233');
  await expect(table.getByRole('row', { name: /Kees/ })).toContainText('Wachtlijst, plek 1');
  // At 320 px the page itself never scrolls sideways; the table scrolls in its own labelled, focusable box.
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)).toBe(false);
  await page.screenshot({ path: test.info().outputPath('aanmeldingen-medewerkers-320.png'), fullPage: true });
  await page.setViewportSize({ width: 1366, height: 900 });
  const download = page.waitForEvent('download');
  await course.getByRole('button', { name: /Download als CSV/ }).click();
  expect((await download).suggestedFilename()).toBe('aanmeldingen-triple-p-groep.csv');
  await expectNoAxeViolations(page, 'aanmeldingen voor medewerkers');

  // Joop calls to cancel. By keyboard: "Afmelden", the safe choice has the focus, Escape says no.
  const cancelJoop = table.getByRole('button', { name: /^Afmelden\s*:\s*Joop$/ });
  await cancelJoop.focus();
  await page.keyboard.press('Enter');
  // The question sits below the table, outside its scroll box: read whole on a phone (newcomer review 17-2, minor 4).
  const confirm = course.getByRole('group', { name: 'Joop afmelden' });
  await expect(confirm).toContainText('Joop (4 personen) afmelden? De plek komt vrij.');
  await expect(table.getByRole('group')).toHaveCount(0);
  await expect(confirm.getByRole('button', { name: 'Nee, laten staan' })).toBeFocused();
  await expectNoAxeViolations(page, 'afmelden bevestigen');
  await page.setViewportSize({ width: 320, height: 800 });
  const box = await confirm.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 320).toBe(true);
  await confirm.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('aanmeldingen-afmelden-320.png') });
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.keyboard.press('Escape');
  await expect(cancelJoop).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm.getByRole('button', { name: 'Nee, laten staan' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(confirm.getByRole('button', { name: 'Ja, afmelden' })).toBeFocused();
  await page.keyboard.press('Enter');
  const notice = page.getByRole('status').filter({ hasText: 'Joop is afgemeld.' });
  await expect(notice).toContainText('Kees van de wachtlijst heeft nu een plek.');
  await expect(notice).toBeFocused();
  // Kees (4, waiting) moved up into the 4 places Joop freed: marked so staff call him.
  await expect(course.getByText('9 van 12 plekken bezet')).toBeVisible();
  await expect(table).not.toContainText('Joop');
  await expect(table.getByRole('row', { name: /Kees/ })).toContainText('Geplaatst van wachtlijst');
  await expectNoAxeViolations(page, 'na afmelden');
  await page.screenshot({ path: test.info().outputPath('aanmeldingen-medewerkers-1366.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 800 });
  await page.screenshot({ path: test.info().outputPath('aanmeldingen-medewerkers-390.png'), fullPage: true });
});

test('activity filters fold behind one button on a phone; a reversed date range is explained', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto('/activiteiten/');
  const toggle = page.getByRole('button', { name: /^Filters( \(\d+ aan\))?$/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByLabel('Voor wie')).toBeHidden();
  await page.screenshot({ path: test.info().outputPath('activiteiten-filters-dicht-320.png'), fullPage: true });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await page.getByLabel('Vanaf datum').fill('2027-05-01');
  await page.getByLabel('Tot en met datum').fill('2027-04-01');
  await expect(
    page.getByRole('status').filter({ hasText: 'De datum bij "Tot en met" ligt voor de datum bij "Vanaf". Daarom zie je alleen activiteiten die doorlopen.' }),
  ).toBeVisible();
  await expect(toggle).toHaveText('Filters (2 aan)');
  await expectNoAxeViolations(page, 'filters op een telefoon');
  await page.screenshot({ path: test.info().outputPath('activiteiten-filters-open-320.png'), fullPage: true });
  await page.setViewportSize({ width: 1366, height: 900 });
  await expect(toggle).toBeHidden();
  await expect(page.getByLabel('Voor wie')).toBeVisible();
});

test('one evening of several, on a 320 px phone: each date whole with its own places, nothing chosen for the parent (newcomer review 17-2, minor 5)', async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/activiteiten/ouderavond-gamen-social-media/');
  const choices = page.getByRole('group', { name: /Welke bijeenkomst/ });
  const may = choices.getByRole('radio', { name: /20 mei 2027/ });
  await expect(choices.getByRole('radio')).toHaveCount(3);
  await expect(choices.getByRole('radio', { checked: true })).toHaveCount(0);
  // The places come per date, next to it; no single total above the form before a date is chosen.
  await expect(choices.locator('label').filter({ hasText: '20 mei 2027' })).toContainText('Nog 20 plekken');
  await expect(page.locator('[data-signup-places]')).not.toContainText('Nog 30 plekken');
  for (const label of await choices.locator('label').all()) {
    expect(await label.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  }
  await may.check();
  await expect(page.locator('[data-signup-places]')).toHaveText('Nog 20 plekken');
  // Sending without a choice is named at the choice, in Dutch.
  await page.reload();
  await page.getByRole('textbox', { name: /Voornaam/ }).fill('Sem');
  await page.getByRole('textbox', { name: 'Telefoonnummer' }).fill('06 12345678');
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.locator('[data-signup-summary]')).toBeFocused();
  await page.locator('[data-signup-summary] a').first().click();
  await expect(choices.getByRole('radio').first()).toBeFocused();
  await expectNoAxeViolations(page, 'ouderavond, datum kiezen');
});
