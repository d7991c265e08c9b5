import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers.ts';

/**
 * Parents search with the words they use at the kitchen table, not the words in our titles.
 * Each everyday word must bring a page that answers it into the top three results. Where two
 * pages answer the word equally well, either one counts.
 */
const EVERYDAY_WORDS: { q: string; expected: string[] }[] = [
  { q: 'blowen', expected: ['/ouders/roken-vapen-en-blowen/', '/ouders/zorgen-over-middelengebruik/'] },
  { q: 'gepest', expected: ['/ouders/pesten/'] },
  { q: 'scheiden', expected: ['/ouders/scheiding/'] },
  { q: 'uit elkaar', expected: ['/ouders/scheiding/'] },
  { q: 'vapen', expected: ['/ouders/roken-vapen-en-blowen/'] },
  { q: 'somber', expected: ['/ouders/somber-kind/'] },
  { q: 'wiet', expected: ['/ouders/roken-vapen-en-blowen/', '/ouders/zorgen-over-middelengebruik/'] },
  { q: 'meldcode', expected: ['/professionals/meldcode-en-veilig-thuis/'] },
];

const TOP = 3;

for (const { q, expected } of EVERYDAY_WORDS) {
  test(`zoeken op "${q}" geeft ${expected.join(' of ')} in de top ${TOP}`, async ({ page }) => {
    await page.goto(`/zoeken/?q=${encodeURIComponent(q)}`);
    const results = page.locator('.search-app__results li h2 a');
    await expect(results.first()).toBeVisible();
    const top = (await results.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))).slice(0, TOP);
    expect(
      top.some((href) => expected.includes(href)),
      `top ${TOP} voor "${q}" was ${JSON.stringify(top)}`,
    ).toBe(true);
  });
}

/**
 * Parents looking for a course or a group type what it is and for whom, not its title (review 17
 * newcomer 2, minor 9): the activity must come near the top, above the articles around it.
 */
const ACTIVITY_SEARCHES: { q: string; expected: string; top: number }[] = [
  { q: 'peuter ochtend', expected: '/activiteiten/peuter-ouder-ochtend/', top: 2 },
  { q: 'voorlichting drugs ouders', expected: '/activiteiten/voorlichting-alcohol-drugs/', top: 3 },
  { q: 'cursus voor ouders van peuter', expected: '/activiteiten/triple-p-groep/', top: 3 },
];

for (const { q, expected, top: n } of ACTIVITY_SEARCHES) {
  test(`zoeken op "${q}" geeft de activiteit ${expected} in de top ${n}`, async ({ page }) => {
    await page.goto(`/zoeken/?q=${encodeURIComponent(q)}`);
    const results = page.locator('.search-app__results li h2 a');
    await expect(results.first()).toBeVisible();
    const top = (await results.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))).slice(0, n);
    expect(top, `top ${n} voor "${q}"`).toContain(expected);
  });
}

/** Fails the test on any script error or dialog (an alert() would mean injected markup ran). */
function watchForErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return problems;
}

const summary = (page: Page) => page.locator('.search-app__summary');
const topLinks = async (page: Page, n = 3) =>
  (await page.locator('.search-app__results li h2 a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))).slice(0, n);

test.describe('forgiving search', () => {
  test("a parent's whole sentence finds the page, not nothing", async ({ page }) => {
    await page.goto(`/zoeken/?q=${encodeURIComponent('mijn dochter wil niet meer naar school')}`);
    await expect(page.locator('.search-app__results li').first()).toBeVisible();
    expect(await topLinks(page)).toContain('/ouders/kind-wil-niet-naar-school/');
  });

  test('one unknown word among known ones still gives the closest pages, and says so', async ({ page }) => {
    await page.goto(`/zoeken/?q=${encodeURIComponent('pesten xqzvyw')}`);
    await expect(page.locator('.search-app__results li').first()).toBeVisible();
    await expect(page.getByText('Geen pagina gaat over alles wat je typte')).toBeVisible();
    expect((await topLinks(page)).some((href) => href.endsWith('/pesten/'))).toBe(true);
    await expect(page.getByRole('region', { name: 'Niet gevonden wat je zoekt?' })).toBeVisible();
  });

  test('a typo is corrected and the page says what it searched for', async ({ page }) => {
    await page.goto('/zoeken/?q=gepset');
    await expect(page.getByText('We zochten ook op: gepest.')).toBeVisible();
    expect((await topLinks(page)).some((href) => href.endsWith('/pesten/'))).toBe(true);
  });

  test('danger in the query puts the crisis lines above the results', async ({ page }) => {
    await page.goto(`/zoeken/?q=${encodeURIComponent('ik wil dood')}`);
    const crisis = page.locator('.search-app__crisis').getByRole('complementary', { name: 'Direct hulp nodig?' });
    await expect(crisis).toBeVisible();
    await expect(crisis.getByRole('link', { name: 'Bel 0800-0113' })).toHaveAttribute('href', 'tel:08000113');
    const first = page.locator('.search-app__results li').first();
    await expect(first).toBeVisible();
    const [crisisBox, resultBox] = [await crisis.boundingBox(), await first.boundingBox()];
    expect(crisisBox && resultBox && crisisBox.y < resultBox.y).toBe(true);
    expect(await topLinks(page)).toContain('/jongeren/zelfmoordgedachten/');
  });

  test('no crisis box for an everyday question', async ({ page }) => {
    await page.goto('/zoeken/?q=slapen');
    await expect(page.locator('.search-app__results li').first()).toBeVisible();
    await expect(page.locator('.search-app__crisis')).toHaveCount(0);
  });

  test('zero results never dead-end: topics, live chat state and the CJG number', async ({ page }) => {
    await page.goto('/zoeken/?q=xqzvyw');
    await expect(summary(page)).toContainText('Niets gevonden voor "xqzvyw"');
    const help = page.getByRole('region', { name: 'Niet gevonden wat je zoekt?' });
    await expect(help).toBeVisible();
    await expect(help.getByRole('link', { name: '012-345 67 89' })).toHaveAttribute('href', 'tel:0123456789');
    await expect(help.getByText('Maandag tot en met vrijdag')).toBeVisible();
    await expect(help.getByRole('link', { name: 'Naar de chat' })).toBeVisible();
    // The e2e server runs the chat always open; the state comes live from the chat server.
    await expect(help.locator('[data-chat-status]')).toBeVisible();
    await expect(help.getByRole('link', { name: 'Opvoeden' }).first()).toBeVisible();
  });

  test('the CJG number on the zero-results page says whether the CJG is open now, kept current in the browser', async ({ page }) => {
    // Sunday 3 January 2027, 22:00 in Amsterdam: a worried parent at night sees that the line is closed.
    await page.clock.setFixedTime(new Date('2027-01-03T21:00:00Z'));
    await page.goto('/zoeken/?q=xqzvyw');
    const call = page.getByRole('region', { name: 'Niet gevonden wat je zoekt?' }).locator('.search-help__call');
    await expect(call).toContainText('012-345 67 89 Opent morgen om 9:00');
    // Monday 10:00: open.
    await page.clock.setFixedTime(new Date('2027-01-04T09:00:00Z'));
    await page.reload();
    await expect(call).toContainText('012-345 67 89 Nu open tot 17:00');
  });

  test('full results hide the help panel', async ({ page }) => {
    await page.goto('/zoeken/?q=pesten');
    await expect(page.locator('.search-app__results li').first()).toBeVisible();
    await expect(page.getByRole('region', { name: 'Niet gevonden wat je zoekt?' })).toBeHidden();
  });
});

test.describe('bad input', () => {
  const BAD: { name: string; query: string; expect: RegExp }[] = [
    { name: 'empty', query: '?q=', expect: /^$/ },
    { name: 'only stop words', query: `?q=${encodeURIComponent('hoe kan ik wat doen')}`, expect: /We weten nog niet waar je naar zoekt/ },
    { name: '500 characters', query: `?q=${encodeURIComponent(`pesten ${'heel erg lang '.repeat(36)}`.slice(0, 500))}`, expect: /resultaten? voor/ },
    { name: 'emoji only', query: `?q=${encodeURIComponent('😢😭🙏')}`, expect: /We zien geen woorden/ },
    { name: 'script tag', query: `?q=${encodeURIComponent('<script>alert(1)</script>')}`, expect: /Niets gevonden|resultaten? voor/ },
    { name: 'image with onerror', query: `?q=${encodeURIComponent('"><img src=x onerror=alert(1)> pesten')}`, expect: /resultaten? voor/ },
    { name: 'broken percent encoding', query: '?q=%E0%A4%A&doelgroep=%', expect: /Niets gevonden|We zien geen woorden|resultaten? voor/ },
    { name: 'lone percent sign', query: '?q=%', expect: /We zien geen woorden/ },
  ];
  for (const bad of BAD) {
    test(`${bad.name}: a Dutch message or results, no error, nothing reflected as markup`, async ({ page }) => {
      const problems = watchForErrors(page);
      const res = await page.goto(`/zoeken/${bad.query}`);
      expect(res?.status()).toBe(200);
      await expect(summary(page)).not.toHaveText('Zoeken…');
      await expect(summary(page)).toHaveText(bad.expect);
      expect(await page.locator('.search-app img, .search-app script').count()).toBe(0);
      await expect(page.getByRole('heading', { level: 1, name: 'Zoeken' })).toBeVisible();
      expect(problems).toEqual([]);
    });
  }

  test('a 500-character query says it was cut', async ({ page }) => {
    await page.goto(`/zoeken/?q=${encodeURIComponent(`pesten ${'a'.repeat(493)}`)}`);
    await expect(page.getByText('Je zoekopdracht was erg lang')).toBeVisible();
  });
});

test.describe('suggestions while typing (WAI-ARIA combobox)', () => {
  test('keyboard: arrows move, Enter opens the page, Escape closes then clears', async ({ page }) => {
    await page.goto('/zoeken/');
    const box = page.getByRole('combobox', { name: 'Waar zoek je naar?' });
    await expect(box).toHaveAttribute('aria-expanded', 'false');
    await expect(box).toHaveAttribute('aria-autocomplete', 'list');
    await box.focus();
    await page.keyboard.type('gepest');
    const list = page.getByRole('listbox', { name: 'Suggesties' });
    await expect(list).toBeVisible();
    await expect(box).toHaveAttribute('aria-expanded', 'true');
    expect(await box.getAttribute('aria-controls')).toBe(await list.getAttribute('id'));
    const options = list.getByRole('option');
    expect(await options.count()).toBeGreaterThan(1);
    await expect(page.getByRole('status').filter({ hasText: /suggesties?\. Gebruik pijltje omlaag/ })).toHaveCount(1);

    await page.keyboard.press('ArrowDown');
    await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
    await expect(box).toHaveAttribute('aria-activedescendant', (await options.nth(0).getAttribute('id')) ?? '');
    await expect(box).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(options.nth(0)).toHaveAttribute('aria-selected', 'false');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    // Up from the first option wraps to the last.
    await expect(options.last()).toHaveAttribute('aria-selected', 'true');

    await page.keyboard.press('Escape');
    await expect(list).toBeHidden();
    await expect(box).toHaveAttribute('aria-expanded', 'false');
    await expect(box).not.toHaveAttribute('aria-activedescendant', /./);
    await expect(box).toHaveValue('gepest');
    await page.keyboard.press('Escape');
    await expect(box).toHaveValue('');

    await page.keyboard.type('Ik word gep');
    await expect(list).toBeVisible();
    await page.keyboard.press('ArrowDown');
    const chosen = (await options.nth(0).textContent()) ?? '';
    expect(chosen).toContain('Ik word gepest');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/jongeren\/pesten\/$/);
  });

  test('a question suggestion searches for it; axe is clean with the list open', async ({ page }) => {
    await page.goto('/zoeken/');
    const box = page.getByRole('combobox', { name: 'Waar zoek je naar?' });
    await box.fill('mijn dochter wil niet');
    const option = page.getByRole('option', { name: /Mijn dochter wil niet meer naar school/ });
    await expect(option).toBeVisible();
    await expectNoAxeViolations(page, '/zoeken/ met suggesties open');
    await option.click();
    await expect(box).toHaveValue('Mijn dochter wil niet meer naar school');
    await expect(page).toHaveURL(/q=Mijn\+dochter/);
    await expect.poll(() => topLinks(page)).toContain('/ouders/kind-wil-niet-naar-school/');
  });

  test('the header field suggests too, loaded only on focus', async ({ page }) => {
    const loaded: string[] = [];
    page.on('request', (r) => loaded.push(new URL(r.url()).pathname));
    await page.goto('/ouders/puber/');
    await page.waitForLoadState('networkidle');
    expect(loaded.filter((p) => p.includes('zoekdata') || p.includes('search-suggest'))).toEqual([]);
    const box = page.getByRole('combobox', { name: 'Zoeken op de site' });
    await box.focus();
    await page.keyboard.type('blow');
    const list = page.getByRole('listbox', { name: 'Suggesties' });
    await expect(list).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await expect(box).toHaveAttribute('aria-activedescendant', /zoek-header-suggesties-0/);
    await page.keyboard.press('Enter');
    await expect(page).not.toHaveURL(/\/ouders\/puber\/$/);
  });

  test('Enter without choosing a suggestion still searches', async ({ page }) => {
    await page.goto('/ouders/');
    const box = page.getByRole('combobox', { name: 'Zoeken op de site' });
    await box.fill('coke');
    await box.press('Enter');
    await expect(page).toHaveURL(/\/zoeken\/\?q=coke/);
    await expect.poll(() => topLinks(page)).toContain('/jongeren/drugs/');
  });
});

test.describe('without JavaScript', () => {
  test('the search page offers topics, the CJG number and a form that submits ?q=', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL ?? '' });
    const page = await context.newPage();
    await page.goto('/zoeken/?q=ik+wil+dood');
    await expect(page.getByRole('region', { name: 'Niet gevonden wat je zoekt?' })).toBeVisible();
    await expect(page.getByRole('link', { name: '012-345 67 89' }).first()).toBeVisible();
    // Playwright's no-JS mode does not render <noscript>, so its markup is checked: the crisis lines
    // come first there, because without JavaScript the page cannot read the query.
    const html = await page.content();
    const noscript = html.slice(html.indexOf('<noscript>'), html.indexOf('</noscript>'));
    expect(noscript).toContain('Zonder JavaScript kan deze pagina niet zoeken');
    expect(noscript).toContain('tel:08000113');
    const form = page.locator('form.search-app__form');
    await expect(form).toHaveAttribute('action', '/zoeken/');
    await expect(form).toHaveAttribute('method', 'get');
    await page.locator('#zoekterm').fill('pesten');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await expect(page).toHaveURL(/\/zoeken\/\?q=pesten/);
    await context.close();
  });
});

test.describe('small screens', () => {
  for (const [name, path] of [
    ['gevaar', `/zoeken/?q=${encodeURIComponent('ik wil dood')}`],
    ['niets-gevonden', '/zoeken/?q=xqzvyw'],
  ] as const) {
    test(`320 px: ${name} fits without sideways scrolling`, async ({ page }, info) => {
      await page.setViewportSize({ width: 320, height: 800 });
      await page.goto(path);
      await expect(summary(page)).not.toHaveText('Zoeken…');
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await page.screenshot({ path: info.outputPath(`zoeken-${name}-320.png`), fullPage: true });
    });
  }

  test('320 px: the suggestion list fits', async ({ page }, info) => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto('/zoeken/');
    await page.getByRole('combobox', { name: 'Waar zoek je naar?' }).fill('pest');
    await expect(page.getByRole('listbox', { name: 'Suggesties' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.screenshot({ path: info.outputPath('zoeken-suggesties-320.png') });
  });
});

test.describe('print', () => {
  test('an article prints with its help numbers and addresses, full link targets, its own address and the date', async ({ page }) => {
    await page.goto('/jongeren/dip/');
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    const info = page.locator('.print-info');
    await expect(info).toBeVisible();
    await expect(info).toContainText('Deze pagina: https://cjg.voorbeeldstad.example/jongeren/dip/');
    await expect(info).toContainText('012-345 67 89');
    await expect(info).toContainText(/Afgedrukt op \d{1,2} \w+ \d{4}/);
    await expect(page.getByRole('region', { name: 'Hier kun je terecht' }).getByRole('link', { name: /^Bel / }).first()).toBeVisible();
    await expect(page.getByText(/Bijgewerkt op/)).toBeVisible();
    // Links print their full address, site links too; buttons and tel: links do not need one.
    const help = page.getByRole('region', { name: 'Hier kun je terecht' });
    const printed = (link: Locator) => link.evaluate((a) => getComputedStyle(a, '::after').content);
    expect(await printed(help.getByRole('link', { name: 'Praktijkondersteuner jeugd bij de huisarts' }))).toBe(
      '" (https://cjg.voorbeeldstad.example/sociale-kaart/poh-ggz-jeugd/)"',
    );
    expect(await printed(help.locator('a[href^="tel:"]').first())).toBe('none');
    // The organisations' addresses, which the page shows only on paper.
    const address = help.getByText('Adres: Voorbeeldsingel 9, 1234 AE Voorbeeldstad');
    await expect(address).toBeVisible();
    await page.emulateMedia({ media: 'screen' });
    await expect(info).toBeHidden();
    await expect(address).toBeHidden();
  });
});
