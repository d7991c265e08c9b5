import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers.ts';

/** Presses Tab until `target` has focus (keyboard only), failing clearly if it never does. */
async function tabTo(page: Page, target: Locator, maxPresses = 120): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Met Tab niet bij ${target.toString()} gekomen`);
}

const list = (page: Page) => page.locator('#kaart-lijst > li');
const visibleNames = (page: Page) => list(page).filter({ visible: true }).locator('h2 a').allTextContents();
/** The island has read the link's filters and applied them: the count is written after the list is filtered. */
const filtersApplied = (page: Page) => expect(page.locator('.kaart-filters__count')).toHaveText(/diensten? gevonden/);

test.describe('sociale kaart', () => {
  test.beforeEach(async ({ context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL ?? '' });
  });

  test('a professional filters by keyboard, shares the list, opens an organisation and copies its number', async ({ page, context }) => {
    await page.goto('/sociale-kaart/');
    const total = await list(page).count();
    expect(total).toBeGreaterThanOrEqual(30);
    await expect(page.getByRole('status').filter({ hasText: `${total} diensten gevonden` })).toBeVisible();

    // Jongeren, 15 jaar, alcohol en drugs, zonder verwijzing: keyboard only.
    await tabTo(page, page.getByLabel('Voor wie'));
    await page.keyboard.type('Jongeren');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Leeftijd in jaren')).toBeFocused();
    await page.keyboard.type('15');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Onderwerp')).toBeFocused();
    await page.keyboard.type('Alcohol');
    await tabTo(page, page.getByLabel('Zonder verwijzing'));
    await page.keyboard.press('Space');

    await expect(page).toHaveURL(/\?doelgroep=jongeren&leeftijd=15&onderwerp=middelengebruik&zonderVerwijzing=1$/);
    const names = await visibleNames(page);
    expect(names).toEqual(expect.arrayContaining(['Vroeghulp bij alcohol, drugs en gamen', 'KVO-groep', 'Alcohol en Drugs Infolijn', 'Jongerenspreekuur']));
    // Needs a referral, is for parents only, or is about something else: filtered out.
    for (const gone of ['Behandeling bij verslaving', 'Cursus opvoeden in de puberteit', 'Onderzoek en behandeling bij psychische problemen']) {
      expect(names).not.toContain(gone);
    }
    expect(names.length).toBeLessThan(total);
    await expect(page.getByRole('status').filter({ hasText: `${names.length} diensten gevonden` })).toBeVisible();

    // Share the filtered list.
    await tabTo(page, page.getByRole('button', { name: 'Deel deze lijst' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'De link naar deze lijst is gekopieerd.' })).toBeVisible();
    const shared = await page.evaluate(() => navigator.clipboard.readText());
    expect(shared).toMatch(/\/sociale-kaart\/\?doelgroep=jongeren&leeftijd=15&onderwerp=middelengebruik&zonderVerwijzing=1$/);

    // Someone else opens the shared link: same filters, same list.
    const other = await context.newPage();
    await other.goto(shared);
    await expect(other.getByLabel('Voor wie')).toHaveValue('jongeren');
    await expect(other.getByLabel('Leeftijd in jaren')).toHaveValue('15');
    await expect(other.getByLabel('Onderwerp')).toHaveValue('middelengebruik');
    await expect(other.getByLabel('Zonder verwijzing')).toBeChecked();
    await expect(other.getByRole('status').filter({ hasText: `${names.length} diensten gevonden` })).toBeVisible();
    expect(await visibleNames(other)).toEqual(names);
    await other.close();

    // Open the organisation and copy the phone number of the service.
    await tabTo(page, page.getByRole('link', { name: 'Vroeghulp bij alcohol, drugs en gamen' }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/sociale-kaart\/verslavingszorg\/#vroeghulp-jongeren$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verslavingszorg (regio, voorbeeld)');
    await expect(page.getByText('Dit zijn voorbeeldgegevens')).toBeVisible();
    const copy = page.getByRole('button', { name: 'Kopieer telefoon 012-345 62 11' });
    await tabTo(page, copy);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Gekopieerd: 012-345 62 11' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('012-345 62 11');
  });

  test('a wrong age gets a Dutch error and does not empty the list', async ({ page }) => {
    await page.goto('/sociale-kaart/?leeftijd=vijftien');
    await expect(page.getByText('Vul een leeftijd in jaren in')).toBeVisible();
    await expect(page.getByLabel('Leeftijd in jaren')).toHaveAttribute('aria-invalid', 'true');
    const total = await list(page).count();
    await expect(page.getByRole('status').filter({ hasText: `${total} diensten gevonden` })).toBeVisible();
  });

  test('an age band from a shared link works too', async ({ page }) => {
    await page.goto('/sociale-kaart/?leeftijd=0-3');
    await filtersApplied(page);
    const names = await visibleNames(page);
    expect(names).toContain('Afspraken op het consultatiebureau');
    expect(names).not.toContain('Jongerenspreekuur');
  });

  test('without JavaScript the whole list is there', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL ?? '' });
    const page = await context.newPage();
    await page.goto('/sociale-kaart/?doelgroep=jongeren');
    expect(await list(page).count()).toBeGreaterThanOrEqual(30);
    // Inert filters are not shown; a <noscript> note says why (Playwright's no-JS mode does not render
    // <noscript> content, so the markup is checked).
    await expect(page.getByRole('button', { name: 'Deel deze lijst' })).toBeHidden();
    expect(await page.content()).toContain('Filteren werkt met JavaScript.');
    await context.close();
  });

  test('organisation pages show hours, last check and national numbers; search finds them', async ({ page }) => {
    await page.goto('/sociale-kaart/veilig-thuis/');
    await expect(page.getByRole('link', { name: '0800-2000' }).first()).toHaveAttribute('href', 'tel:08002000');
    await expect(page.getByText('Nu open, dag en nacht')).toBeVisible();
    await expect(page.getByText('Dit zijn voorbeeldgegevens')).toHaveCount(0);
    await page.goto('/sociale-kaart/home-start/');
    await expect(page.getByText('Niet bekend wanneer deze gegevens zijn gecontroleerd.')).toBeVisible();
    await expect(page.getByText('Openingstijden niet bekend')).toBeVisible();

    await page.goto('/zoeken/?q=vroeghulp');
    await expect(page.getByRole('link', { name: /Verslavingszorg/ })).toBeVisible();
  });

  test('articles list matching services under "Hier kun je terecht"', async ({ page }) => {
    await page.goto('/jongeren/alcohol/');
    const help = page.getByRole('region', { name: 'Hier kun je terecht' });
    await expect(help.getByRole('heading', { name: 'Ook voor dit onderwerp' })).toBeVisible();
    expect(await help.getByRole('link').count()).toBeGreaterThan(1);
  });

  test('the help block gives each place a number to tap and whether it is open now', async ({ page }) => {
    await page.goto('/jongeren/dip/');
    const help = page.getByRole('region', { name: 'Hier kun je terecht' });
    const first = help.getByRole('listitem').first();
    await expect(first.getByRole('link', { name: /^Bel 0/ })).toHaveAttribute('href', /^tel:0\d+$/);
    await expect(first.locator('.opening')).toHaveText(/Nu open|Opent|Gesloten|gesloten|Op afspraak|niet bekend/);
    await expect(help.getByRole('link', { name: 'Bel 0800-0113' })).toHaveAttribute('href', 'tel:08000113');
  });

  test('list cards show the number to tap and the live opening state', async ({ page }) => {
    await page.goto('/sociale-kaart/');
    const card = list(page).filter({ hasText: 'Vroeghulp bij alcohol, drugs en gamen' });
    await expect(card.getByRole('link', { name: 'Bel 012-345 62 11' })).toHaveAttribute('href', 'tel:0123456211');
    await expect(card.locator('.opening')).toHaveText(/Nu open|Opent|Vandaag gesloten|Gesloten/);
  });

  test('a printed list gives each service its address and full link, without the buttons', async ({ page }) => {
    await page.goto('/sociale-kaart/?doelgroep=jongeren');
    const card = list(page).filter({ hasText: 'Vroeghulp bij alcohol, drugs en gamen' });
    const address = card.getByText('Adres: Voorbeeldgracht 15, 1234 AB Voorbeeldstad');
    await expect(address).toBeHidden();
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    await expect(address).toBeVisible();
    await expect(page.locator('.print-info')).toContainText('Deze pagina: https://cjg.voorbeeldstad.example/sociale-kaart/?doelgroep=jongeren');
    const target = await card.locator('h2 a').evaluate((a) => getComputedStyle(a, '::after').content);
    expect(target).toBe('" (https://cjg.voorbeeldstad.example/sociale-kaart/verslavingszorg/#vroeghulp-jongeren)"');
    await expect(page.getByRole('button', { name: 'Deel deze lijst' })).toBeHidden();
    // The chosen filters stay on paper: they say what the list is.
    await expect(page.getByLabel('Voor wie')).toHaveValue('jongeren');
  });

  test("search finds services by people's words, best match first, and never empties while a word matches", async ({ page }) => {
    await page.goto('/sociale-kaart/');
    const q = page.getByLabel('Zoek in de lijst');
    await q.fill('mijn zoon blowt');
    await expect.poll(async () => (await visibleNames(page)).slice(0, 3).some((n) => n.includes('Vroeghulp bij alcohol, drugs en gamen'))).toBe(true);
    await q.fill('opvoedondersteuning');
    await expect.poll(async () => (await visibleNames(page)).slice(0, 3).join(' | ')).toMatch(/pedagoog|opvoeden en opgroeien|Triple P/);
    await q.fill('schulden xqzvyw');
    await expect.poll(async () => (await visibleNames(page))[0]).toBe('Hulp bij geldzorgen en schulden');
    await expect(page.getByText('Geen dienst past bij alles wat je typte')).toBeVisible();
    await q.fill('verkracht');
    await expect.poll(async () => (await visibleNames(page))[0]).toBe('Hulp na seksueel geweld');
    await q.fill('');
    await expect.poll(async () => (await visibleNames(page)).length).toBeGreaterThanOrEqual(30);
  });

  test('markup and broken encoding in the search text are plain text', async ({ page }) => {
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('dialog', (d) => {
      problems.push(d.message());
      void d.dismiss();
    });
    const res = await page.goto(`/sociale-kaart/?q=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    expect(res?.status()).toBe(200);
    await expect(page.getByLabel('Zoek in de lijst')).toHaveValue('<img src=x onerror=alert(1)>');
    expect(await page.locator('.kaart-filters img').count()).toBe(0);
    await page.goto('/sociale-kaart/?q=%E0%A4%A');
    await expect(page.locator('.kaart-filters__count')).toHaveText(/dienst/);
    expect(problems).toEqual([]);
  });

  test('on a phone the filters fold behind one button and the first results show without scrolling', async ({ page }, info) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/sociale-kaart/?q=blowen');
    await filtersApplied(page);
    const toggle = page.locator('.kaart-filters__toggle');
    await expect(page.getByRole('button', { name: 'Filters', exact: true })).toBeVisible();
    await expect(toggle).toHaveAttribute('aria-controls', 'kaart-meer-filters');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByLabel('Voor wie')).toBeHidden();
    const firstTitle = list(page).filter({ visible: true }).first().locator('h2');
    const box = await firstTitle.boundingBox();
    expect(box && box.y + box.height <= 844, `eerste resultaat op y=${box?.y}`).toBe(true);
    await page.screenshot({ path: info.outputPath('kaart-390.png') });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByLabel('Voor wie')).toBeVisible();
    await page.getByLabel('Voor wie').selectOption('ouders');
    await expect(page.getByRole('button', { name: 'Filters (1 aan)' })).toBeVisible();
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.screenshot({ path: info.outputPath('kaart-320.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(toggle).toBeHidden();
    await expect(page.getByLabel('Voor wie')).toBeVisible();
  });

  test('the open data files are served', async ({ request }) => {
    const json = await request.get('/sociale-kaart.json');
    expect(json.headers()['content-type']).toBe('application/json; charset=utf-8');
    const orgs = (await json.json()) as { name: string; example_data: boolean }[];
    expect(orgs.length).toBeGreaterThanOrEqual(30);
    const csv = await request.get('/sociale-kaart.csv');
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect((await csv.text()).split('\r\n')[0]).toContain('organization_name');
  });

  for (const path of [
    '/sociale-kaart/',
    '/sociale-kaart/?doelgroep=jongeren&leeftijd=15',
    '/sociale-kaart/verslavingszorg/',
    '/sociale-kaart/kindertelefoon/',
  ]) {
    test(`axe finds nothing on ${path}`, async ({ page }) => {
      await page.goto(path);
      await expectNoAxeViolations(page);
    });
  }
});
