/**
 * Reflow (WCAG 1.4.10) and text size (1.4.4) over every page in the sitemap plus the pages it leaves
 * out (chat console, statistics, search results, 404): nothing may scroll sideways at 320 px wide,
 * nor on a phone whose browser font size is doubled. The same sweep checks that every form has a
 * submit button. One page is reused for all URLs to keep this fast.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';

const EXTRA_PATHS = ['/jongeren/chat/', '/medewerkers/chat/', '/medewerkers/statistiek/', '/zoeken/?q=alcohol', '/deze-pagina-bestaat-niet/'];

function sweepPaths(): string[] {
  const dist = process.env['CJG_DIST_DIR'] ?? 'dist';
  const index = join(dist, 'sitemap-index.xml');
  if (!existsSync(index)) throw new Error(`${index} ontbreekt: bouw de site eerst ("npm run build", of gewoon "npm test").`);
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
  const fromSitemap = locs(readFileSync(index, 'utf8')).flatMap((sitemap) => locs(readFileSync(join(dist, sitemap), 'utf8')));
  return [...new Set([...fromSitemap, ...EXTRA_PATHS])];
}

/** What sticks out to the right of the viewport, described so a failure says where to look. */
async function overflow(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    if (root.scrollWidth <= width) return null;
    const culprits: string[] = [];
    const sticksOut = (el: Element) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.right > width + 1;
    };
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      // Report the innermost elements that stick out: the content that is too wide.
      if (!sticksOut(el) || [...el.children].some(sticksOut)) continue;
      const box = el.getBoundingClientRect();
      const name =
        el.tagName.toLowerCase() +
        (el.id ? `#${el.id}` : '') +
        (el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : '');
      culprits.push(`${name} (${Math.round(box.right)}px)`);
      if (culprits.length >= 3) break;
    }
    // Text wider than its box (a long word or address) does not widen the box itself.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node && culprits.length < 3; node = walker.nextNode()) {
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      const clipped = (node.parentElement?.getBoundingClientRect().width ?? 0) <= 1; // visually hidden
      if (!clipped && box.width > 0 && box.right > width + 1) culprits.push(`"${node.textContent?.trim().slice(0, 40)}" (${Math.round(box.right)}px)`);
    }
    return `${root.scrollWidth}px > ${width}px: ${culprits.join(', ')}`;
  });
}

async function sweep(page: Page, check: (path: string) => Promise<string | null>): Promise<string[]> {
  const problems: string[] = [];
  for (const path of sweepPaths()) {
    await page.goto(path, { waitUntil: 'load' });
    // Islands render after load; give them one frame.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
    const problem = await check(path);
    if (problem) problems.push(`${path}: ${problem}`);
  }
  return problems;
}

test.describe('reflow and text size', () => {
  test.describe.configure({ timeout: 240_000 });

  test('no sideways scrolling at 320 px wide, and every form has a submit button', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    const forms: string[] = [];
    const problems = await sweep(page, async (path) => {
      const unsubmittable = await page
        .locator('form')
        .evaluateAll((list): string[] =>
          list
            .filter((form) => !form.querySelector('button:not([type]), button[type="submit"], input[type="submit"], input[type="image"]'))
            .map((form) => form.getAttribute('class') ?? form.getAttribute('aria-label') ?? 'form'),
        );
      if (unsubmittable.length) forms.push(`${path}: ${unsubmittable.join(', ')}`);
      return overflow(page);
    });
    expect(problems, 'pages that scroll sideways at 320 px').toEqual([]);
    expect([...new Set(forms)], 'forms without a submit button').toEqual([]);
  });

  test('no sideways scrolling on a phone with the browser font size doubled', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    // The browser setting "font size: very large": 32 px instead of 16 px as the base size.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
    expect(await page.goto('/').then(() => page.evaluate(() => getComputedStyle(document.documentElement).fontSize))).toBe('32px');
    const problems = await sweep(page, () => overflow(page));
    expect(problems, 'pages that scroll sideways with doubled text').toEqual([]);
  });
});

test('without JavaScript, the search field on every content page still leads to the search page', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL ?? '' });
  const page = await context.newPage();
  await page.goto('/ouders/');
  await page.getByRole('search', { name: 'Site doorzoeken' }).getByRole('combobox').fill('slapen');
  await page.getByRole('search', { name: 'Site doorzoeken' }).getByRole('button').click();
  await expect(page).toHaveURL(/\/zoeken\/\?q=slapen$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await context.close();
});
