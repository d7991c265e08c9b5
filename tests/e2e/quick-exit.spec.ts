import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

/**
 * "Snel weg" stays at the top of every public page while scrolling. At 320 px it floated over the
 * headings it passed; now it is a solid bar with its own band, and anything scrolled to (a heading,
 * a link target, the skip link) stops below it.
 */
const PAGES = ['/', '/jongeren/', '/jongeren/chat/', '/jongeren/blowen/', '/ouders/', '/sociale-kaart/'];

/** Headings that end up under the bar when scrolled to, with what covers them. */
function coveredHeadings(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const bar = document.querySelector('.quick-exit');
    if (!bar) return ['geen Snel weg-balk'];
    const problems: string[] = [];
    const headings = [...document.querySelectorAll<HTMLElement>('main h1, main h2, main h3')].filter((h) => h.offsetParent !== null);
    for (const heading of headings) {
      heading.scrollIntoView({ block: 'start' });
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const barBottom = bar.getBoundingClientRect().bottom;
      const box = heading.getBoundingClientRect();
      // Every line of the heading, left and right, is the heading itself, not the button over it.
      const points = [
        [box.left + 4, box.top + 4],
        [box.right - 4, box.top + 4],
      ] as const;
      for (const [x, y] of points) {
        const hit = document.elementFromPoint(x, y);
        if (hit && !heading.contains(hit) && bar.contains(hit)) problems.push(`"${heading.textContent.trim()}" onder Snel weg`);
      }
      if (box.top < barBottom - 0.5) problems.push(`"${heading.textContent.trim()}" begint onder de balk (${Math.round(box.top)} < ${Math.round(barBottom)})`);
    }
    return [...new Set(problems)];
  });
}

for (const path of PAGES) {
  test(`at 320 px no heading of ${path} is hidden under "Snel weg"`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(path);
    await expect(page.getByRole('link', { name: /Snel weg/ })).toBeVisible();
    expect(await coveredHeadings(page)).toEqual([]);
    // The bar is solid: nothing shows through it.
    const background = await page.locator('.quick-exit').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });
}

test('the skip link lands below the bar; screenshots at 320 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/jongeren/blowen/');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const barBottom = await page.locator('.quick-exit').evaluate((el) => el.getBoundingClientRect().bottom);
  const main = await page.locator('main').evaluate((el) => el.getBoundingClientRect().top);
  expect(main).toBeGreaterThanOrEqual(barBottom - 0.5);
  mkdirSync('test-results', { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 500));
  await page.screenshot({ path: 'test-results/snel-weg-320-gescrold.png' });
  await page.goto('/jongeren/');
  await page.evaluate(() => document.querySelector('main h2')?.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: 'test-results/snel-weg-320-kop.png' });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'test-results/snel-weg-320-boven.png' });
  await page.setViewportSize({ width: 1366, height: 800 });
  await page.screenshot({ path: 'test-results/snel-weg-1366-boven.png' });
});
