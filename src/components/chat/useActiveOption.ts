import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * The keyboard of a combobox whose input keeps focus (WAI-ARIA APG, aria-activedescendant): arrows
 * move the selected option (wrapping), Enter chooses it, Escape asks to clear. The first option is
 * selected from the start, so "type, Enter" takes the best match. Alt + arrows stay the console's.
 */
export function useActiveOption<T>(items: readonly T[], optionId: (index: number) => string, choose: (item: T) => void, onEscape?: () => void) {
  const [index, setIndex] = useState(0);
  /** Chosen, and focus not yet moved on: a second Enter right after the first must not put it in twice. */
  const chosen = useRef(false);
  const current = Math.min(index, Math.max(0, items.length - 1));
  /**
   * The selected option is scrolled into view (its column may be taller than the window, e.g. under
   * the crisis script), but only while its own input has focus: never a jump while someone reads elsewhere.
   */
  const reveal = () => {
    const id = optionId(current);
    if (document.activeElement?.getAttribute('aria-activedescendant') !== id) return;
    const option = document.getElementById(id);
    if (option) revealInColumn(option);
  };
  useEffect(reveal, [current, items.length]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (chosen.current && e.key === 'Enter') {
      e.preventDefault();
      return;
    }
    chosen.current = false;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (items.length) setIndex((current + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const item = items[current];
      if (item !== undefined) {
        chosen.current = true;
        choose(item);
      }
    } else if (e.key === 'Escape' && onEscape) {
      e.preventDefault();
      onEscape();
    }
  };
  /**
   * Pressing an option chooses it (options carry `data-index`). On mousedown, with the default
   * prevented, so focus stays in the input as the pattern wants.
   */
  const onListPress = (e: MouseEvent) => {
    e.preventDefault();
    const option = e.target instanceof Element ? e.target.closest<HTMLElement>('[role="option"]') : null;
    const item = option ? items[Number(option.dataset['index'])] : undefined;
    if (item !== undefined) choose(item);
  };
  const onFocus = () => {
    chosen.current = false;
    reveal();
  };
  return { current, reset: () => setIndex(0), onKeyDown, onListPress, onFocus };
}

/** Room kept between a revealed option and the edge of what scrolls. */
const MARGIN_PX = 16;

/**
 * Scrolls `el` into view inside its own scrolling boxes (the list, the console's right column), not the
 * window: scrolling the page would move the staff header away. Where the page itself is what scrolls
 * (a narrow window), it falls back to the browser's own scrollIntoView.
 */
function revealInColumn(el: HTMLElement): void {
  for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
    if (!/(auto|scroll)/.test(getComputedStyle(box).overflowY) || box.scrollHeight <= box.clientHeight) continue;
    const item = el.getBoundingClientRect();
    const frame = box.getBoundingClientRect();
    if (item.top - MARGIN_PX < frame.top) box.scrollTop -= frame.top - item.top + MARGIN_PX;
    else if (item.bottom + MARGIN_PX > frame.bottom) box.scrollTop += item.bottom - frame.bottom + MARGIN_PX;
  }
  const item = el.getBoundingClientRect();
  if (item.top < 0 || item.bottom > window.innerHeight) el.scrollIntoView({ block: 'nearest' });
}
