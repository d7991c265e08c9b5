/**
 * The "Snel weg" script (src/scripts/quick-exit.ts) on a small stand-in for the page: the button,
 * the status region, the document's key events, the tab's sessionStorage and window.location. The
 * browser test (tests/e2e/quick-exit.spec.ts) proves the same in Chromium; this one pins every
 * branch cheaply, so mutation testing can run it per mutant.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

interface FakeEvent {
  key?: string;
  shiftKey?: boolean;
  preventDefault?: () => void;
}
type Listener = (event: FakeEvent) => void;

class Target {
  listeners = new Map<string, Listener[]>();
  addEventListener(type: string, listener: Listener) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  fire(type: string, event: FakeEvent = {}) {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

const EXIT_URL = 'https://www.google.nl/search?q=weer';

function page(options: { withButton?: boolean; withStatus?: boolean; withTexts?: boolean; brokenStorage?: boolean } = {}) {
  const { withButton = true, withStatus = true, withTexts = true, brokenStorage = false } = options;
  const steps: string[] = [];
  const stored = new Map<string, string>([['cjg-chat-sessie', 'token']]);
  // The spoken texts come from data attributes on the button (DOMStringMap: absent ones are undefined).
  const dataset: Record<string, string | undefined> = withTexts
    ? { pressesLeft: 'Nog {n} keer op Shift', leaving: 'Je verlaat de site', timedOut: 'Te langzaam, begin opnieuw' }
    : {};
  const link = Object.assign(new Target(), { href: EXIT_URL, dataset });
  const status = { textContent: '' };
  const classes = new Set<string>();
  const document = Object.assign(new Target(), {
    documentElement: { classList: { add: (c: string) => classes.add(c), remove: (c: string) => classes.delete(c) } },
    querySelector: (selector: string) => {
      if (selector === '[data-quick-exit]') return withButton ? link : null;
      if (selector === '[data-quick-exit-status]') return withStatus ? status : null;
      throw new Error(`unexpected selector ${selector}`);
    },
  });
  const window = Object.assign(new Target(), {
    dispatchEvent: (event: Event) => {
      steps.push(`event ${event.type}, stored: ${stored.size}`);
      return true;
    },
    location: {
      replace: (url: string) => steps.push(`replace ${url}, stored: ${stored.size}, blank: ${classes.has('quick-exit-active')}`),
    },
  });
  const sessionStorage = {
    clear: () => {
      if (brokenStorage) throw new Error('SecurityError');
      stored.clear();
    },
  };
  vi.stubGlobal('document', document);
  vi.stubGlobal('window', window);
  vi.stubGlobal('sessionStorage', sessionStorage);
  return { steps, stored, link, status, classes, document, window };
}

async function load(options?: Parameters<typeof page>[0]) {
  const p = page(options);
  vi.resetModules();
  await import('../../src/scripts/quick-exit.ts');
  const shift = () => {
    p.document.fire('keydown', { key: 'Shift' });
    p.document.fire('keyup', { key: 'Shift' });
  };
  /** Typing a capital: the letter is let go while Shift is still down, so that Shift release is a modifier's. */
  const capital = (letter: string) => {
    p.document.fire('keydown', { key: 'Shift', shiftKey: true });
    p.document.fire('keydown', { key: letter, shiftKey: true });
    p.document.fire('keyup', { key: letter, shiftKey: true });
    p.document.fire('keyup', { key: 'Shift', shiftKey: false });
  };
  return { ...p, shift, capital };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('"Snel weg" button', () => {
  test("tells the chat first, then empties the tab's storage, blanks the page and replaces it", async () => {
    const p = await load();
    const preventDefault = vi.fn();
    p.link.fire('click', { preventDefault });
    expect(preventDefault).toHaveBeenCalledOnce();
    expect(p.steps).toEqual(['event cjg:quick-exit, stored: 1', `replace ${EXIT_URL}, stored: 0, blank: true`]);
  });

  test('storage that cannot be cleared does not stop the exit', async () => {
    const p = await load({ brokenStorage: true });
    p.link.fire('click', { preventDefault: () => undefined });
    expect(p.steps.at(-1)).toBe(`replace ${EXIT_URL}, stored: 1, blank: true`);
  });

  test('a page without the button does nothing at all', async () => {
    const p = await load({ withButton: false });
    expect(p.document.listeners.size).toBe(0);
    expect(p.window.listeners.size).toBe(0);
  });
});

describe('Shift three times', () => {
  test('leaves on the third press, counting down out loud', async () => {
    const p = await load();
    p.shift();
    expect(p.status.textContent).toBe('Nog 2 keer op Shift');
    p.shift();
    expect(p.status.textContent).toBe('Nog 1 keer op Shift');
    expect(p.steps).toEqual([]);
    p.shift();
    expect(p.status.textContent).toBe('Je verlaat de site');
    expect(p.steps).toEqual(['event cjg:quick-exit, stored: 1', `replace ${EXIT_URL}, stored: 0, blank: true`]);
  });

  test('the three presses must fall within 2 seconds of the first (spread-out presses are typing)', async () => {
    const p = await load();
    p.shift();
    vi.advanceTimersByTime(1500);
    p.shift();
    vi.advanceTimersByTime(499);
    expect(p.status.textContent).toBe('Nog 1 keer op Shift');
    vi.advanceTimersByTime(1);
    expect(p.status.textContent).toBe('Te langzaam, begin opnieuw');
    expect(p.steps).toEqual([]);
    p.shift();
    vi.advanceTimersByTime(1900);
    p.shift();
    p.shift();
    expect(p.steps).toHaveLength(2);
  });

  test('Shift used for capitals or Shift+Tab does not count, and starts the count again', async () => {
    const p = await load();
    p.shift();
    p.shift();
    // Typing "Ik": Shift down, I down, I up while Shift is still down, then Shift up.
    p.capital('I');
    expect(p.steps).toEqual([]);
    // Shift+Tab, Shift let go first.
    p.document.fire('keydown', { key: 'Shift', shiftKey: true });
    p.document.fire('keydown', { key: 'Tab', shiftKey: true });
    p.document.fire('keyup', { key: 'Shift', shiftKey: false });
    p.document.fire('keyup', { key: 'Tab', shiftKey: false });
    p.shift();
    p.shift();
    expect(p.steps).toEqual([]);
    p.shift();
    expect(p.steps).toHaveLength(2);
  });

  test('other keys alone do not count and do not reset', async () => {
    const p = await load();
    p.shift();
    p.document.fire('keydown', { key: 'a' });
    p.document.fire('keyup', { key: 'a' });
    p.shift();
    p.shift();
    expect(p.steps).toHaveLength(2);
  });

  test('without a status region it still leaves', async () => {
    const p = await load({ withStatus: false });
    p.shift();
    p.shift();
    p.shift();
    expect(p.steps).toHaveLength(2);
  });

  test('coming back through the back/forward cache shows the page and forgets earlier presses', async () => {
    const p = await load();
    p.link.fire('click', { preventDefault: () => undefined });
    expect(p.classes.has('quick-exit-active')).toBe(true);
    p.steps.length = 0;
    p.shift();
    p.window.fire('pageshow');
    expect(p.classes.has('quick-exit-active')).toBe(false);
    // The countdown of the forgotten press was stopped too: no "too slow" later.
    p.status.textContent = '';
    vi.advanceTimersByTime(6000);
    expect(p.status.textContent).toBe('');
    p.shift();
    p.shift();
    expect(p.steps).toEqual([]);
    p.shift();
    expect(p.status.textContent).toBe('Je verlaat de site');
  });

  test('right after typing a capital, three quick Shift presses still leave', async () => {
    const p = await load();
    // "Ik": the I is let go while Shift is still down, so that Shift release is a modifier's.
    p.capital('I');
    p.shift();
    p.shift();
    p.shift();
    expect(p.status.textContent).toBe('Je verlaat de site');
    expect(p.steps).toHaveLength(2);
  });

  test('a count broken off by a capital leaves no old deadline behind to cut the next count short', async () => {
    const p = await load();
    p.shift();
    vi.advanceTimersByTime(500);
    p.shift();
    vi.advanceTimersByTime(500);
    // A capital: the count starts again, and so does the 2-second window.
    p.capital('J');
    p.shift();
    vi.advanceTimersByTime(900);
    p.shift();
    // Past 2 s after the very first press, but well within 2 s of the new first press.
    vi.advanceTimersByTime(200);
    expect(p.status.textContent).toBe('Nog 1 keer op Shift');
    p.shift();
    expect(p.status.textContent).toBe('Je verlaat de site');
    expect(p.steps).toHaveLength(2);
  });

  test('a page whose button lacks the spoken texts stays silent but still leaves', async () => {
    const p = await load({ withTexts: false });
    p.shift();
    expect(p.status.textContent).toBe('');
    vi.advanceTimersByTime(2000);
    expect(p.status.textContent).toBe('');
    p.shift();
    p.shift();
    p.shift();
    expect(p.status.textContent).toBe('');
    expect(p.steps).toHaveLength(2);
  });
});
