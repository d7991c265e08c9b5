import AxeBuilder from '@axe-core/playwright';
import { expect, type BrowserContext, type Page } from '@playwright/test';

/** WCAG 2.2 AA plus axe's best practices: the bar in the product brief. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export async function expectNoAxeViolations(page: Page, label = page.url()): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe op ${label}`).toEqual([]);
}

/**
 * How long a login may take in a test. The password check is deliberately slow (scrypt, 32 MiB), and
 * the server runs at most two at once and refuses a third with Retry-After, which the console honours
 * (src/lib/staff-session.ts). So a login waits for at most a few bounded checks, however many tests
 * log in at once; on a machine busy with other work one check can take seconds, hence the margin.
 */
export const LOGIN_WAIT_MS = 25_000;

/**
 * Records every request a page makes to anything but our own server. The test origin is the
 * only allowed one; data: and blob: URLs never leave the browser.
 */
export function trackForeignRequests(page: Page, ownOrigin: string): string[] {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== ownOrigin) foreign.push(url);
  });
  return foreign;
}

interface ShownNotification {
  title: string;
  body: string;
}

/**
 * Makes every tab of `context` a hidden one whose desktop notifications are recorded instead of shown,
 * with permission still to be asked unless `granted`. Read them back with `shownNotifications`.
 */
export async function recordNotifications(context: BrowserContext, granted = false): Promise<void> {
  await context.addInitScript((startGranted: boolean) => {
    const shown: { title: string; body: string }[] = [];
    (window as unknown as { shownNotifications: typeof shown }).shownNotifications = shown;
    class FakeNotification {
      static permission = startGranted ? 'granted' : 'default';
      static requestPermission = async () => (FakeNotification.permission = 'granted');
      onclick: (() => void) | null = null;
      constructor(title: string, options: { body?: string }) {
        shown.push({ title, body: options.body ?? '' });
      }
      close() {}
    }
    Object.defineProperty(window, 'Notification', { value: FakeNotification });
    Object.defineProperty(document, 'hidden', { get: () => true });
  }, granted);
}

export function shownNotifications(page: Page): Promise<ShownNotification[]> {
  return page.evaluate(() => (window as unknown as { shownNotifications: ShownNotification[] }).shownNotifications);
}
