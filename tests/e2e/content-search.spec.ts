import { expect, test } from '@playwright/test';

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
