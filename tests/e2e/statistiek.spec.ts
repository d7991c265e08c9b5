import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { E2E_DATA_DIR } from './env.ts';
import { expectNoAxeViolations, LOGIN_WAIT_MS } from './helpers.ts';

/**
 * The supervisors' dashboard and the page feedback that feeds it: a supervisor sees charts with
 * tables; a counsellor without the role does not; "Was deze pagina nuttig?" works with and
 * without JavaScript and shows up, protected, on the dashboard. Its accounts are not the chat
 * tests' ones: those run at the same time, and re-creating an account ends its logins.
 */
// A login plus several axe runs: on a busy machine that takes longer than the default 30 s.
test.describe.configure({ mode: 'serial', timeout: 90_000 });

const PASSWORD = 'e2e-wachtwoord-lang-genoeg';
const ARTICLE = '/ouders/pesten/';

function counsellorCli(args: string[], input?: string): void {
  execFileSync('npx', ['node', 'chat-server/cli/counsellor.ts', ...args], {
    env: { ...process.env, CJG_DATA_DIR: E2E_DATA_DIR },
    input: input ?? '',
    stdio: ['pipe', 'ignore', 'pipe'],
  });
}

test.beforeAll(() => {
  mkdirSync(E2E_DATA_DIR, { recursive: true });
  for (const [name, role] of [
    ['Wilma', ['--role', 'supervisor']],
    ['Kees', []],
  ] as const) {
    try {
      counsellorCli(['remove', name]);
    } catch {
      // Did not exist yet.
    }
    counsellorCli(['add', name, ...role], `${PASSWORD}\n`);
  }
});

async function logIn(page: Page, name: string): Promise<void> {
  await page.goto('/medewerkers/statistiek/');
  await expect(page.getByRole('heading', { name: 'Inloggen voor leidinggevenden' })).toBeVisible();
  await page.getByLabel('Naam').fill(name);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  // Logged in (figures or "Geen toegang") once the login form is gone.
  await expect(page.getByRole('heading', { name: 'Inloggen voor leidinggevenden' })).toBeHidden({ timeout: LOGIN_WAIT_MS });
}

test('page feedback: with JavaScript the answer is sent in the background, without a cookie', async ({ page, context }) => {
  await page.goto(ARTICLE);
  const feedback = page.getByRole('region', { name: 'Was deze pagina nuttig?' });
  await feedback.getByRole('button', { name: 'Ja' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Bedankt voor je antwoord!' })).toBeVisible();
  await expect(feedback.getByRole('button', { name: 'Ja' })).toBeHidden();
  expect(page.url()).toMatch(/\/ouders\/pesten\/$/);
  expect(await context.cookies()).toEqual([]);
  await expectNoAxeViolations(page);
});

test('page feedback works without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(ARTICLE);
  await page.getByRole('button', { name: 'Nee' }).click();
  await expect(page).toHaveURL(/\/ouders\/pesten\/\?feedback=bedankt#feedback-bedankt$/);
  await expect(page.getByText('Bedankt voor je antwoord!')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nee' })).toBeHidden();
  expect(await context.cookies()).toEqual([]);
  await context.close();
});

test('a supervisor sees the figures as charts with a table beside each', async ({ page }) => {
  await page.goto('/medewerkers/statistiek/');
  await expectNoAxeViolations(page, 'statistiek: inloggen');
  await logIn(page, 'Wilma');
  await expect(page.getByRole('heading', { name: 'In het kort' })).toBeVisible();
  await expect(page.getByText('Jongeren die wilden chatten')).toBeVisible();
  // It opens on a period that includes today, never on an empty "vorige maand".
  await expect(page.getByLabel('Laatste 7 dagen')).toBeChecked();
  const today = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());
  await expect(page.locator('.stat-summary-period')).toContainText('(7 dagen)');
  await expect(page.locator('.stat-summary-period')).toContainText(`tot en met ${today} (7 dagen)`);
  // The heat map says what its shades mean.
  await expect(page.locator('.chart-legend')).toContainText('afgeschermd (minder dan 5)');
  await expect(page.getByText('Ingelogd als Wilma')).toBeVisible();
  // Every chart is an image with a name and a description, and has a table next to it.
  for (const name of [
    'Aanvragen en gesprekken per dag: Aanvragen',
    'Aanvragen per uur van de week',
    'Hoe lang wachtten jongeren op een gesprek?',
    'Tevredenheid per week',
    'Onderwerpen',
  ]) {
    await expect(page.getByRole('img', { name })).toBeVisible();
  }
  expect(await page.getByRole('img').count()).toBeGreaterThanOrEqual(10);
  await expect(page.getByRole('table', { name: 'Onderwerpen' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Aanvragen en gesprekken per dag' })).toBeVisible();
  // This week (the default): the two feedback answers from above, shown protected ("<5").
  const feedbackTable = page.getByRole('table', { name: 'Was deze pagina nuttig?' });
  const row = feedbackTable.getByRole('row').filter({ hasText: ARTICLE });
  await expect(row).toHaveText(/<5\s*<5/);
  await expectNoAxeViolations(page, 'statistiek: laatste 7 dagen');
  await page.getByLabel('Vorige maand').check();
  await page.getByRole('button', { name: 'Toon cijfers' }).click();
  await expect(page.locator('.stat-summary-period')).not.toContainText('(7 dagen)');
  await expectNoAxeViolations(page, 'statistiek: vorige maand');

  // CSV for the gemeente.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download als CSV (voor Excel)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^cjg-chat-cijfers-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);

  for (const section of ['uur-van-de-week', 'uitkomst', 'onderwerpen']) {
    await page.locator(`section[aria-labelledby="${section}-kop"]`).screenshot({ path: `test-results/statistiek-${section}.png` });
  }
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/statistiek-${width}.png`, fullPage: true });
  }
});

test('the figures fit a phone and a laptop: no sideways scrolling table, no cut-off chart label, no legend band for hidden counts', async ({ page }) => {
  await logIn(page, 'Wilma');
  await expect(page.getByRole('heading', { name: 'In het kort' })).toBeVisible();
  const weekTable = page.getByRole('region', { name: 'Tabel: Aanvragen per uur van de week' });
  for (const width of [320, 1024, 1366]) {
    await page.setViewportSize({ width, height: 900 });
    // The hour-by-weekday table shows all seven days without scrolling sideways; screen readers hear the full names.
    await weekTable.scrollIntoViewIfNeeded();
    await expect(weekTable.getByRole('columnheader', { name: 'zondag' })).toBeInViewport({ ratio: 1 });
    const overflow = await weekTable.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow, `hour-by-weekday table at ${String(width)} px`).toBeLessThanOrEqual(0);
    await expect(weekTable.locator('abbr[title="woensdag"]')).toHaveText('wo');
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `page at ${String(width)} px`).toBeLessThanOrEqual(width);
    for (const section of ['uur-van-de-week', 'uitkomst', 'onderwerpen']) {
      await page.locator(`section[aria-labelledby="${section}-kop"]`).screenshot({ path: `test-results/statistiek-${section}-${String(width)}.png` });
    }
  }
  // Every bar label is whole: wrapped between words, never ending in "…".
  const labels = await page
    .locator('.chart__label')
    .evaluateAll((els) => els.map((el) => [...el.querySelectorAll('tspan')].map((s) => s.textContent).join(' ')));
  expect(labels.length).toBeGreaterThan(10);
  expect(labels.filter((l) => l.includes('…'))).toEqual([]);
  expect(labels).toContain('Nog aan het wachten of verbinding verbroken');
  // With small-cell protection no count from 1 to 4 is ever shown, so no shade stands for one.
  const legend = await page.locator('.chart-legend li').allInnerTexts();
  for (const item of legend.filter((l) => !l.includes('afgeschermd'))) {
    for (const n of item.match(/\d+/g) ?? []) expect(Number(n), item).toBeGreaterThanOrEqual(5);
  }
});

test('a custom period in the wrong order gets a clear Dutch message', async ({ page }) => {
  await logIn(page, 'Wilma');
  await expect(page.getByRole('heading', { name: 'In het kort' })).toBeVisible();
  await page.getByLabel('Zelf kiezen').check();
  await page.getByLabel('Van', { exact: true }).fill('2026-03-31');
  await page.getByLabel('Tot en met', { exact: true }).fill('2026-03-01');
  await page.getByRole('button', { name: 'Toon cijfers' }).click();
  await expect(page.getByText('De begindatum moet voor de einddatum liggen.')).toBeVisible();
});

test('a counsellor without the supervisor role sees no figures', async ({ page }) => {
  await logIn(page, 'Kees');
  await expect(page.getByRole('alert').filter({ hasText: 'Geen toegang' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'In het kort' })).toHaveCount(0);
  await expect(page.getByRole('img')).toHaveCount(0);
  await expectNoAxeViolations(page, 'statistiek: geen toegang');
  // The API says the same to a direct request with the counsellor's login.
  const token = await page.evaluate(() => (JSON.parse(sessionStorage.getItem('cjg-medewerker-sessie') ?? '{}') as { token: string }).token);
  const res = await page.request.get('/api/medewerkers/statistiek?van=2026-03-01&tot=2026-03-31', { headers: { Authorization: `Bearer ${token}` } });
  expect(res.status()).toBe(403);
});
