/**
 * "Snel weg": leave the site at once, by the button or by pressing Shift three times
 * (the GOV.UK "Exit this page" pattern). Kept free of imports so it runs even if every other
 * script on the page fails.
 *
 * Other code (the chat) can listen for the `cjg:quick-exit` event to clean up first; it fires
 * synchronously, before the page is replaced.
 */
/** All three presses within this time of the first: slow, spread-out Shift presses are ordinary typing. */
const SHIFT_WINDOW_MS = 2000;
const PRESSES_NEEDED = 3;

const link = document.querySelector<HTMLAnchorElement>('[data-quick-exit]');
const statusRegion = document.querySelector<HTMLElement>('[data-quick-exit-status]');

function leave(): void {
  if (!link) return;
  document.documentElement.classList.add('quick-exit-active');
  window.dispatchEvent(new CustomEvent('cjg:quick-exit'));
  try {
    sessionStorage.clear();
  } catch {
    // Storage may be blocked; leaving matters more.
  }
  // replace(): the portal page is swapped out of the history, so Back does not return to it.
  window.location.replace(link.href);
}

if (link) {
  link.addEventListener('click', (event) => {
    event.preventDefault();
    leave();
  });

  let presses = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let otherKeyHeld = false;

  const announce = (text: string) => {
    if (statusRegion) statusRegion.textContent = text;
  };
  const reset = () => {
    presses = 0;
    clearTimeout(timer);
  };

  document.addEventListener('keydown', (event) => {
    // Shift used as a modifier (Shift+Tab, capitals) does not count.
    if (event.key !== 'Shift') otherKeyHeld = true;
  });
  document.addEventListener('keyup', (event) => {
    if (event.key !== 'Shift') {
      // A capital is usually let go before Shift is: if Shift is still down, its release is a modifier's.
      otherKeyHeld = event.shiftKey;
      return;
    }
    if (otherKeyHeld) {
      otherKeyHeld = false;
      reset();
      return;
    }
    presses += 1;
    if (presses >= PRESSES_NEEDED) {
      announce(link.dataset.leaving ?? '');
      leave();
      return;
    }
    announce((link.dataset.pressesLeft ?? '').replace('{n}', String(PRESSES_NEEDED - presses)));
    // The window runs from the first press and is not extended by later ones.
    if (presses === 1) {
      timer = setTimeout(() => {
        reset();
        announce(link.dataset.timedOut ?? '');
      }, SHIFT_WINDOW_MS);
    }
  });

  // Coming back through the back/forward cache must not show a blank page.
  window.addEventListener('pageshow', () => {
    document.documentElement.classList.remove('quick-exit-active');
    reset();
  });
}

// A module (not a global script), so its unit test can import it.
export {};
