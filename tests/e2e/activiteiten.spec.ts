import ICAL from 'ical.js';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations, trackForeignRequests } from './helpers.ts';
import { defined } from '../support/defined.ts';

interface Record {
  id: string;
  url: string;
  title: string;
  doelgroep: string[];
  sessions: { start: string; end: string }[];
  ongoing: unknown;
}

const cards = (page: Page) => page.locator('#activiteiten-lijst > li');

async function tabTo(page: Page, target: Locator, maxPresses = 80): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Met Tab niet bij ${target.toString()} gekomen`);
}

test.describe('cursussen en bijeenkomsten', () => {
  test('a parent reading about toddlers finds the weekly group, opens it and adds it to their calendar', async ({ page, baseURL }) => {
    const foreign = trackForeignRequests(page, new URL(baseURL ?? '').origin);
    await page.goto('/ouders/baby-en-peuter/');
    const box = page.getByRole('region', { name: 'Cursussen en bijeenkomsten' });
    await box.getByRole('link', { name: 'Peuter-ouderochtend' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Peuter-ouderochtend' })).toBeVisible();
    await expect(page.getByText('Elke dinsdag van 9.30 tot 11.00 uur')).toBeVisible();
    await expect(page.getByText('Voorbeeldstad vervangt ze door het echte aanbod')).toBeVisible();

    const calendarLink = page.getByRole('link', { name: 'Toevoegen aan je agenda' });
    const response = await page.request.get(new URL((await calendarLink.getAttribute('href')) ?? '', page.url()).href);
    expect(response.headers()['content-type']).toContain('text/calendar');
    const calendar = ICAL.Component.fromString(await response.text());
    const event = new ICAL.Event(defined(calendar.getFirstSubcomponent('vevent'), 'a VEVENT in the calendar file'));
    expect(event.summary).toBe('Voorbeeld: Peuter-ouderochtend');
    expect(event.component.getFirstPropertyValue('rrule')?.toString()).toBe('FREQ=WEEKLY;BYDAY=TU');
    expect(event.location).toContain('Consultatiebureau West');

    // schema.org Event data for search engines, one per dated session (none for a weekly group).
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? 'null') as unknown[];
    expect(Array.isArray(jsonLd)).toBe(true);
    expect(foreign).toEqual([]);
  });

  test('filters work by keyboard, live in the URL and come back on reload', async ({ page }) => {
    await page.goto('/activiteiten/');
    const total = await cards(page).count();
    expect(total).toBeGreaterThan(0);
    await tabTo(page, page.getByLabel('Voor wie'));
    await page.keyboard.type('Jongeren');
    await expect(page).toHaveURL(/\?doelgroep=jongeren$/);
    const visible = cards(page).filter({ visible: true });
    const shown = await visible.count();
    for (let i = 0; i < shown; i++) {
      const facts = JSON.parse((await visible.nth(i).getAttribute('data-facts')) ?? '{}') as { doelgroep: string[] };
      expect(facts.doelgroep).toContain('jongeren');
    }
    await expect(page.getByRole('status').filter({ hasText: shown === 1 ? '1 activiteit' : `${shown} activiteiten` })).toBeVisible();
    // The feed link says what it holds: a feed follows audience and topic only, and says when the list has more filters.
    await expect(page.getByRole('link', { name: 'Agenda-abonnement op alle activiteiten voor jongeren (iCalendar)' })).toHaveAttribute(
      'href',
      '/activiteiten/agenda/jongeren-alle.ics',
    );
    await expect(page.getByText('Het abonnement volgt alleen')).toHaveCount(0);
    await page.getByLabel('Leeftijd van het kind of de jongere').fill('14 jaar');
    await expect(page).toHaveURL(/leeftijd=14/);
    await expect(page.getByText('Leeftijd, wijk, datums, online en gratis zitten er niet in')).toBeVisible();
    await page.getByLabel('Leeftijd van het kind of de jongere').fill('');
    await expect(page).toHaveURL(/\?doelgroep=jongeren$/);

    await page.reload();
    await expect(page.getByLabel('Voor wie')).toHaveValue('jongeren');
    await expect(cards(page).filter({ visible: true })).toHaveCount(shown);

    // An end date before the start date is explained, not silently empty.
    await page.getByLabel('Vanaf datum').fill('2027-05-01');
    await page.getByLabel('Tot en met datum').fill('2027-04-01');
    await expect(page.getByText('De einddatum ligt voor de begindatum.')).toBeVisible();
    await page.getByRole('button', { name: 'Filters wissen' }).click();
    await expect(page).toHaveURL(/\/activiteiten\/$/);
    await expect(cards(page).filter({ visible: true })).toHaveCount(total);
  });

  test('no activity for a baby of 8 months: the count line gives the CJG number to call (review 17 newcomer 2, minor 10)', async ({ page }) => {
    await page.goto(`/activiteiten/?leeftijd=${encodeURIComponent('8 maanden')}`);
    const status = page.getByRole('status').filter({ hasText: 'Geen activiteiten met deze filters' });
    await expect(status).toContainText('Of bel het CJG: 012-345 67 89.');
    await expect(status.getByRole('link', { name: '012-345 67 89' })).toHaveAttribute('href', 'tel:0123456789');
  });

  test('a broken or hostile link opens the normal list', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('/activiteiten/?van=%E0%A4%A&vorm=%3Cscript%3Ealert(1)%3C%2Fscript%3E&leeftijd=%3Cb%3E');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cursussen en bijeenkomsten');
    await expect(page.getByLabel('Online of op locatie')).toHaveValue('');
    await expect(page.getByText('Vul een leeftijd in, of twee leeftijden met een streepje')).toBeVisible();
    expect(await page.locator('b').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  test('sessions that end after the build disappear in the browser', async ({ page, request }) => {
    const records = (await (await request.get('/activiteiten.json')).json()) as Record[];
    const dated = defined(
      records.find((r) => r.sessions.length > 0 && !r.ongoing),
      'een activiteit met datums in /activiteiten.json',
    );
    const last = defined(dated.sessions.at(-1), `the last session of ${dated.id}`);
    await page.clock.install({ time: new Date(Date.parse(last.end) + 60_000) });
    await page.goto(new URL(dated.url).pathname);
    await expect(page.getByText('Deze activiteit is voorbij.')).toBeVisible();
    await expect(page.locator('[data-sessions] li').filter({ visible: true })).toHaveCount(0);

    await page.goto('/activiteiten/');
    await expect(page.locator(`#activiteiten-lijst > li[data-activity="${dated.id}"]`)).toBeHidden();
  });

  test('an evening given on three dates: pick one, and put only that date in your calendar', async ({ page, request }) => {
    await page.goto('/activiteiten/');
    const card = page.locator('#activiteiten-lijst > li[data-activity="ouderavond-gamen-social-media"]');
    await expect(card).toContainText('3 datums, kies er één');
    await expect(card).not.toContainText('3 bijeenkomsten');
    // A course still counts its meetings.
    await expect(page.locator('#activiteiten-lijst > li[data-activity="triple-p-groep"]')).toContainText('4 bijeenkomsten');

    // Between builds the count follows the dates left.
    await page.clock.install({ time: new Date('2027-02-01T12:00:00+01:00') });
    await page.reload();
    await expect(card).toContainText('2 datums, kies er één');

    await page.goto('/activiteiten/ouderavond-gamen-social-media/');
    await expect(page.getByText('Deze bijeenkomst wordt op meer dan één datum gegeven.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Toevoegen aan je agenda' })).toHaveCount(0);
    // Places per date, as the sign-up counts them (the last evening has 20, the others 30); no second number.
    const dates = page.locator('[data-sessions] li');
    await expect(dates.filter({ hasText: '20 mei' })).toContainText('20 plekken');
    await expect(dates.filter({ hasText: '28 januari' })).toContainText('30 plekken');
    await expect(page.locator('.fact-table')).not.toContainText('Plekken');
    // On a 320 px phone every date, its time, its places and its calendar link are there in full.
    await page.setViewportSize({ width: 320, height: 720 });
    for (const li of await dates.all()) {
      expect(await li.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      await expect(li).toContainText(/19\.30 tot 21\.00 uur\s*\d+ plekken\s*Zet donderdag \d+ \w+ in je agenda/);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    const march = page.getByRole('link', { name: 'Zet donderdag 18 maart in je agenda' });
    const href = defined(await march.getAttribute('href'), 'the link of 18 March');
    const calendar = ICAL.Component.fromString(await (await request.get(href)).text());
    for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    // 18 March is still winter time: 19:30 in Amsterdam is 18:30 UTC.
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual(['2027-03-18T18:30:00.000Z']);
    await expectNoAxeViolations(page, 'ouderavond');
  });

  test('a course that has begun offers no sign-up form, also when it begins while the page is open', async ({ page, request }) => {
    const records = (await (await request.get('/activiteiten.json')).json()) as Record[];
    const course = defined(
      records.find((r) => r.id === 'triple-p-groep'),
      'triple-p-groep in /activiteiten.json',
    );
    const first = Date.parse(defined(course.sessions[0], 'first session').start);
    await page.clock.install({ time: new Date(first - 60_000) });
    await page.goto('/activiteiten/triple-p-groep/');
    const form = page.getByRole('button', { name: 'Aanmelden' });
    const calendar = page.getByRole('link', { name: 'Toevoegen aan je agenda' });
    await expect(form).toBeVisible();
    await expect(calendar).toBeVisible();
    await expect(page.getByText('Deze cursus is al begonnen.')).toBeHidden();
    // The first evening starts while the parent is reading.
    await page.clock.runFor(61_000);
    const notice = page.getByText('Deze cursus is al begonnen. Meedoen kan niet meer.');
    await expect(notice).toBeVisible();
    await expect(form).toBeHidden();
    // Review 17 newcomer 2, minor 7: no calendar file for meetings one cannot join, and the notice near the
    // top (before "Wanneer"), not under the description.
    await expect(calendar).toBeHidden();
    await expect(page.getByRole('heading', { level: 2, name: 'Meedoen' })).toBeHidden();
    const noticeTop = defined(await notice.boundingBox(), 'the notice on the page').y;
    const whenTop = defined(await page.getByRole('heading', { level: 2, name: 'Wanneer' }).boundingBox(), 'the Wanneer heading').y;
    expect(noticeTop).toBeLessThan(whenTop);
    await expect(page.getByRole('link', { name: '012-345 61 60' })).toBeVisible();
    // The organiser by name, without the example bracket; the page still says it is example data.
    const started = page.locator('[data-started-notice]');
    await expect(started).toContainText('Bel Opvoedcursussen: 012-345 61 60');
    await expect(started).not.toContainText('voorbeeld)');
    await expect(page.getByText('Dit zijn voorbeeldactiviteiten.')).toBeVisible();
    await expectNoAxeViolations(page, 'begonnen cursus');

    // A later visit: closed at once.
    await page.goto('/activiteiten/triple-p-groep/');
    await expect(page.getByText('Deze cursus is al begonnen. Meedoen kan niet meer.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Aanmelden' })).toBeHidden();
    await expect(page.getByRole('link', { name: 'Toevoegen aan je agenda' })).toBeHidden();
  });

  test('facts read as sentences: no stray space after Online, no "onbekend", children are not "Jongeren"', async ({ page }) => {
    await page.goto('/activiteiten/voorlichting-alcohol-drugs/');
    await expect(page.locator('section[aria-labelledby="waar"] p')).toHaveText('Online. Je krijgt de link een dag van tevoren. Je camera mag uit.');
    await expect(page.locator('.fact-table')).not.toContainText('onbekend');
    await expect(page.locator('.fact-table')).not.toContainText('Toegankelijkheid');
    await page.goto('/activiteiten/kopp-groep-kinderen/');
    await expect(page.locator('.fact-table')).not.toContainText('Jongeren');
  });

  test('search results for an activity show its next date, and skip one that passed since the build', async ({ page }) => {
    await page.goto(`/zoeken/?q=${encodeURIComponent('ouderavond gamen')}`);
    const result = page.locator('.search-app__results li').filter({ has: page.locator('a[href="/activiteiten/ouderavond-gamen-social-media/"]') });
    await expect(result).toContainText('Activiteit');
    await expect(result.locator('.search-app__date')).toHaveText('Eerstvolgende: donderdag 28 januari 2027, 19.30 tot 21.00 uur');

    await page.clock.install({ time: new Date('2027-02-01T12:00:00+01:00') });
    await page.reload();
    await expect(result.locator('.search-app__date')).toHaveText('Eerstvolgende: donderdag 18 maart 2027, 19.30 tot 21.00 uur');
  });

  test('list and activity pages pass axe and fit a 320 px phone', async ({ page, request }) => {
    const records = (await (await request.get('/activiteiten.json')).json()) as Record[];
    await page.setViewportSize({ width: 320, height: 720 });
    for (const path of ['/activiteiten/', new URL(records[0].url).pathname]) {
      await page.goto(path);
      await expectNoAxeViolations(page, path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
    }
  });

  test('the open data lists upcoming activities with their calendar file', async ({ request }) => {
    const records = (await (await request.get('/activiteiten.json')).json()) as Record[];
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) {
      expect(r.sessions.length > 0 || r.ongoing !== null).toBe(true);
      for (const s of r.sessions) expect(s.start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+0[12]:00$/);
    }
  });
});
