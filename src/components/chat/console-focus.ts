/**
 * Where keyboard focus goes in the workspace. Focus moves after the screen has rendered (a new
 * task), stays inside the conversation an action was about, and never lands on a "take" button by
 * itself: a stray Enter there would take a young person.
 */

/**
 * After the pending render: Preact renders state changes in a microtask, so a microtask queued after
 * them finds the new screen. If the element is not there yet (a render that was still to be
 * scheduled), one more try after the current task. `run` says whether it found its target.
 */
function afterRender(run: () => boolean): void {
  queueMicrotask(() => {
    if (!run()) setTimeout(run, 0);
  });
}

function focusElement(element: HTMLElement | null): boolean {
  if (!element) return false;
  element.focus();
  return true;
}

export const composerId = (conversationId: string) => `bericht-${conversationId}`;
export const paneTitleId = (conversationId: string) => `titel-${conversationId}`;
/** The heading of "Mijn gesprekken": where focus rests when no conversation is left. */
export const SAFE_LANDING_ID = 'mijn-titel';

/** The message field of a conversation. */
export function focusComposer(conversationId: string): void {
  afterRender(() => focusElement(document.getElementById(composerId(conversationId))));
}

/**
 * A conversation: its message field when it has one that works (and `preferComposer`), else its
 * heading (read along, ended), which says which conversation it is.
 */
export function focusConversation(conversationId: string, preferComposer = true): void {
  afterRender(() => {
    const field = document.getElementById(composerId(conversationId));
    const target = preferComposer && field instanceof HTMLTextAreaElement && !field.disabled ? field : document.getElementById(paneTitleId(conversationId));
    return focusElement(target);
  });
}

export function focusSafeLanding(): void {
  afterRender(() => focusElement(document.getElementById(SAFE_LANDING_ID)));
}

/**
 * After an action whose button went away or became disabled (a confirmation closed, "zorgelijk"
 * done): back into the conversation, unless focus already sits on something that still works.
 */
export function keepFocusIn(conversationId: string): void {
  afterRender(() => {
    const current = document.activeElement;
    const lost = !current || current === document.body || (current instanceof HTMLButtonElement && current.disabled) || !current.isConnected;
    if (lost) focusConversation(conversationId);
    return true;
  });
}
