import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, trackForeignRequests } from './helpers.ts';

/** One page of every type the site has; the sweep below covers every URL in the sitemap. */
const PAGE_TYPES = {
  home: '/',
  section: '/jongeren/',
  topic: '/jongeren/middelengebruik/',
  article: '/ouders/praten-over-alcohol/',
  search: '/zoeken/?q=alcohol',
  privacy: '/privacy/',
  accessibility: '/toegankelijkheid/',
  notFound: '/deze-pagina-bestaat-echt-niet/',
};

/**
 * Every path in the built sitemap, read when the tests are collected so the sweep can be split
 * into tests of a few pages each (one long test would outlast any sensible timeout).
 */
function builtSitemapPaths(): string[] {
  const dist = process.env['CJG_DIST_DIR'] ?? 'dist';
  const index = join(dist, 'sitemap-index.xml');
  if (!existsSync(index)) throw new Error(`${index} ontbreekt: bouw de site eerst ("npm run build", of gewoon "npm test").`);
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
  return locs(readFileSync(index, 'utf8')).flatMap((sitemap) => locs(readFileSync(join(dist, sitemap), 'utf8')));
}

const SWEEP_CHUNK = 15;

test.describe('pages', () => {
  test('home shows the three doors, search, the chat and the crisis lines', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    for (const door of ['Voor ouders en opvoeders', 'Voor jongeren', 'Voor professionals']) {
      await expect(page.getByRole('link', { name: door })).toBeVisible();
    }
    await expect(page.getByRole('search').first()).toBeVisible();
    await expect(page.getByRole('link', { name: 'Naar de chat' })).toHaveAttribute('href', '/jongeren/chat/');
    await expect(page.getByRole('link', { name: 'Bel 0800-0113' })).toHaveAttribute('href', 'tel:08000113');
  });

  for (const section of ['ouders', 'jongeren', 'professionals']) {
    test(`section ${section} lists its topics and each topic page lists articles`, async ({ page }) => {
      await page.goto(`/${section}/`);
      const topicLinks = page.locator('.topics a');
      const hrefs = await topicLinks.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) {
        const res = await page.goto(href);
        expect(res?.status(), href).toBe(200);
        await expect(page.locator('.article-list__item').first()).toBeVisible();
      }
    });
  }

  test('an article has a breadcrumb, help block and sources', async ({ page }) => {
    await page.goto(PAGE_TYPES.article);
    const crumbs = page.getByRole('navigation', { name: 'Kruimelpad' });
    await expect(crumbs.getByRole('link', { name: 'Ouders' })).toHaveAttribute('href', '/ouders/');
    await expect(page.getByRole('heading', { name: 'Hier kun je terecht' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Bronnen' })).toBeVisible();
  });

  test('an unknown address shows the Dutch 404 page', async ({ page }) => {
    const res = await page.goto(PAGE_TYPES.notFound);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deze pagina bestaat niet');
  });
});

test.describe('search', () => {
  test('finds "alcohol" and narrows to young people with a filter', async ({ page }) => {
    await page.goto('/zoeken/');
    await page.getByLabel('Waar zoek je naar?').fill('alcohol');
    const summary = page.getByRole('status').filter({ hasText: 'resultaten voor "alcohol"' });
    const total = async () => Number((await summary.textContent())?.match(/^(\d+) resultaten/)?.[1]);
    await expect(summary).toBeVisible();
    const all = await total();
    expect(all).toBeGreaterThan(1);
    await page.getByLabel('Voor wie').selectOption('jongeren');
    await expect(page).toHaveURL(/doelgroep=jongeren/);
    // Fewer results: only articles for young people, and sociale-kaart organisations with services
    // for them, once the filtered results have replaced the unfiltered ones.
    await expect.poll(total).toBeLessThan(all);
    const otherSections = async () => {
      const sections = await page.locator('.search-app__section').allTextContents();
      return [...new Set(sections)].filter((s) => s !== 'Jongeren' && s !== 'Sociale kaart');
    };
    await expect.poll(otherSections).toEqual([]);
    await expect(page.locator('.search-app__section').filter({ hasText: 'Jongeren' }).first()).toBeVisible();
    await expect(page.locator('.search-app__results a[href="/jongeren/alcohol/"]')).toBeVisible();
  });

  test('the header field sends the query to the search page', async ({ page }) => {
    await page.goto('/ouders/');
    await page.locator('#zoek-header').fill('alcohol');
    await page.locator('#zoek-header').press('Enter');
    await expect(page).toHaveURL(/\/zoeken\/\?q=alcohol/);
    await expect(page.locator('.search-app__results li').first()).toBeVisible();
  });

  test('article pages load no search code until someone uses search', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/pagefind/')) scripts.push(r.url());
    });
    await page.goto(PAGE_TYPES.article);
    await page.waitForLoadState('networkidle');
    expect(scripts).toEqual([]);
    await page.locator('#zoek-header').focus();
    await expect.poll(() => scripts.some((s) => s.endsWith('pagefind.js'))).toBe(true);
  });
});

test.describe('quick exit', () => {
  const NEUTRAL = /google\.nl/;

  test.beforeEach(async ({ context }) => {
    // The neutral site is not reachable here; answer it locally so the navigation completes.
    await context.route(NEUTRAL, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Weer</title>' }));
  });

  test('the button leaves at once and Back does not return to the portal', async ({ page }) => {
    await page.goto('/jongeren/alcohol/');
    await page.getByRole('link', { name: /Snel weg/ }).click();
    await expect(page).toHaveURL(NEUTRAL);
    await page.goBack().catch(() => undefined);
    expect(page.url()).not.toContain('/jongeren/');
  });

  test('pressing Shift three times leaves, with spoken feedback in between', async ({ page }) => {
    await page.goto('/jongeren/');
    await page.keyboard.press('Shift');
    await expect(page.locator('[data-quick-exit-status]')).toHaveText('Shift: nog 2 keer drukken om deze site te verlaten.');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await expect(page).toHaveURL(NEUTRAL);
    await page.goBack().catch(() => undefined);
    expect(page.url()).not.toContain('/jongeren/');
  });

  test('Shift used for capitals does not count', async ({ page }) => {
    await page.goto('/zoeken/');
    const field = page.getByLabel('Waar zoek je naar?');
    await field.focus();
    // keyboard.type() sends capitals without a Shift key; type them as a person does: Shift held,
    // the letter pressed and let go, then Shift let go. Three capitals, then one Shift on its own.
    for (const letter of 'ADV') {
      await page.keyboard.down('Shift');
      await page.keyboard.press(letter);
      await page.keyboard.up('Shift');
    }
    await page.keyboard.press('Shift');
    await expect(field).toHaveValue('ADV');
    await expect(page.locator('[data-quick-exit-status]')).toHaveText('Shift: nog 2 keer drukken om deze site te verlaten.');
    await expect(page).toHaveURL(/\/zoeken\//);
  });

  test('the page is blanked the moment quick exit starts', async ({ page }) => {
    await page.goto('/jongeren/');
    const hidden = await page.evaluate(() => {
      // Stop the navigation so the blanked state can be observed.
      window.addEventListener('cjg:quick-exit', () => window.stop());
      document.querySelector<HTMLAnchorElement>('[data-quick-exit]')?.click();
      return getComputedStyle(document.body).visibility;
    });
    expect(hidden).toBe('hidden');
  });
});

test.describe('keyboard only', () => {
  test('skip link, quick exit and menu come first and work', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Naar de inhoud' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: /Snel weg/ })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#inhoud$/);
    await expect(page.locator('main')).toBeFocused();
  });

  test('a parent reaches an article from the home page with the keyboard', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Voor ouders en opvoeders' }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/ouders\/$/);
    const link = page.getByRole('link', { name: 'Praten met je kind over alcohol' }).first();
    for (let i = 0; i < 60 && !(await link.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(link).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/ouders\/praten-over-alcohol\/$/);
  });

  test('search with filters works from the keyboard', async ({ page }) => {
    await page.goto('/zoeken/');
    await page.getByLabel('Waar zoek je naar?').focus();
    await page.keyboard.type('alcohol');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Zoeken', exact: true })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Voor wie')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page).toHaveURL(/doelgroep=/);
    await expect(page.locator('.search-app__results li').first()).toBeVisible();
  });
});

test.describe('accessibility and privacy on every page', () => {
  for (const [type, path] of Object.entries(PAGE_TYPES)) {
    test(`axe finds nothing on the ${type} page`, async ({ page }) => {
      await page.goto(path);
      if (type === 'search') await expect(page.locator('.search-app__results li').first()).toBeVisible();
      await expectNoAxeViolations(page, path);
    });
  }

  const paths = builtSitemapPaths();
  test('the sitemap lists every kind of page', () => {
    expect(paths.length).toBeGreaterThan(50);
    for (const section of ['/ouders/', '/jongeren/', '/professionals/', '/sociale-kaart/']) expect(paths).toContain(section);
  });

  for (let start = 0; start < paths.length; start += SWEEP_CHUNK) {
    const chunk = paths.slice(start, start + SWEEP_CHUNK);
    test(`sitemap ${start + 1}-${start + chunk.length}: no request to another origin, no cookie, axe clean`, async ({ page, context, baseURL }) => {
      test.setTimeout(120_000);
      const foreign = trackForeignRequests(page, new URL(baseURL ?? '').origin);
      for (const path of chunk) {
        const res = await page.goto(path);
        expect(res?.status(), path).toBe(200);
        await page.waitForLoadState('networkidle');
        await expectNoAxeViolations(page, path);
      }
      expect(foreign).toEqual([]);
      expect(await context.cookies()).toEqual([]);
    });
  }
});
