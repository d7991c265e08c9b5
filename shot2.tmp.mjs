import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-background-networking','--disable-component-update'] });
const page = await browser.newPage({ viewport: { width: 320, height: 700 } });
for (const p of ['/activiteiten/', '/sociale-kaart/']) {
await page.goto('http://127.0.0.1:4420' + p);
await page.waitForTimeout(500);
console.log(p, await page.evaluate(() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 321).slice(0,5).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right))));
}
await page.goto('http://127.0.0.1:4420/activiteiten/');
await page.screenshot({ path: '/tmp/shots/a320top.png' });
await page.evaluate(() => window.scrollTo(0, 1100));
await page.screenshot({ path: '/tmp/shots/a320mid.png' });
await browser.close();
