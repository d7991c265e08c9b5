/**
 * The young person's only identity: a random token in this tab's sessionStorage. It lets a dropped
 * connection or a reload resume the same place in the queue or the same conversation, and it dies
 * with the tab, with "Stoppen" and with "Snel weg". Never a cookie, never localStorage.
 */
export const SESSION_TOKEN_KEY = 'cjg-chat-sessie';
/** 256 bits: unguessable. The server checks only the shape (SESSION_TOKEN_PATTERN in the protocol). */
const TOKEN_BYTES = 32;

/** Random bytes as base64url (43 characters). */
export function newSessionToken(random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(TOKEN_BYTES));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  // Base64 has "=" only as padding at the very end, so the regex without its anchor ("/=+/") strips
  // the same characters: that mutant is equivalent.
  // Stryker disable next-line Regex: equivalent mutant, see the line above
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

type TokenStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The token stored in this tab, if any. Storage that throws (blocked, private mode) counts as empty. */
export function readSessionToken(storage: TokenStorage | undefined): string | null {
  try {
    return storage?.getItem(SESSION_TOKEN_KEY) ?? null;
  } catch {
    return null;
  }
}

/** The tab's token, created on first use. Without storage the token still works until a reload. */
export function ensureSessionToken(storage: TokenStorage | undefined): string {
  const existing = readSessionToken(storage);
  if (existing) return existing;
  const token = newSessionToken();
  try {
    storage?.setItem(SESSION_TOKEN_KEY, token);
  } catch {
    // Resume after a reload will not work, but the chat itself does.
  }
  return token;
}

export function wipeSessionToken(storage: TokenStorage | undefined): void {
  try {
    storage?.removeItem(SESSION_TOKEN_KEY);
  } catch {
    // Nothing stored, nothing to wipe.
  }
}
