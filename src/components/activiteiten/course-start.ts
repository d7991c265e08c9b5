/**
 * Between builds: once a course's first meeting has started, the page stops offering to join. The ways
 * to join (`[data-join-open]`, the sign-up form among them) are hidden and "Deze cursus is al begonnen"
 * (`[data-started-notice]`) is shown, on load and at the moment of the start if the page stays open.
 * Without JavaScript the server refuses a sign-up for a course that has begun.
 */
export function closeStartedCourse(doc: Document, now: () => number = Date.now): void {
  const data = doc.getElementById('cursus-start')?.textContent;
  if (!data) return;
  const { start, end } = JSON.parse(data) as { start: number; end: number };
  const close = () => {
    if (now() >= end) return; // over: the list of sessions says so
    for (const el of doc.querySelectorAll<HTMLElement>('[data-join-open]')) el.hidden = true;
    doc.querySelector<HTMLElement>('[data-started-notice]')?.removeAttribute('hidden');
  };
  const wait = start - now();
  if (wait <= 0) close();
  // setTimeout takes at most 2^31 - 1 ms (about 24 days); a page open longer than that is reloaded anyway.
  else if (wait < 2 ** 31 - 1) setTimeout(close, wait);
}
