/**
 * How parents really type a phone number or an e-mail address, and what the organiser needs: one
 * normal form. Pure, so the form's script and the server give the same answer.
 */

/**
 * The mail providers Dutch parents use most, with the typos seen in their names, and the endings they
 * really use. A domain that is not one of these is never "corrected": a rare real domain must pass.
 */
const PROVIDERS: Record<string, { typos: readonly string[]; tlds: readonly string[] }> = {
  gmail: { typos: ['gmial', 'gamil', 'gmai', 'gmal', 'gmaill', 'gnail'], tlds: ['com'] },
  hotmail: { typos: ['hotmial', 'hotmai', 'hotmal', 'hotmil', 'hotamil', 'hotmaill'], tlds: ['nl', 'com', 'be'] },
  outlook: { typos: ['outlok', 'outllok', 'outloook'], tlds: ['nl', 'com', 'be'] },
  live: { typos: [], tlds: ['nl', 'com', 'be'] },
  icloud: { typos: ['iclod', 'icoud'], tlds: ['com'] },
  ziggo: { typos: ['zigo'], tlds: ['nl'] },
  kpnmail: { typos: ['kpnmial', 'kpnmai'], tlds: ['nl'] },
  yahoo: { typos: ['yaho', 'yahooo'], tlds: ['com', 'nl'] },
};
/** Endings mistyped next to a known provider only ("gmail.co" is a typo; "example.co" is a real domain). */
const TLD_TYPOS: Record<string, string> = { con: 'com', cmo: 'com', cm: 'com', om: 'com', co: 'com', nk: 'nl', nll: 'nl', ml: 'nl' };

/** "gmail.com" for "gmial.con", "hotmail.nl" for "hotmail.con.nl"; null when it looks right or is no known provider. */
export function suggestDomain(domain: string): string | null {
  const labels = domain.split('.');
  if (labels.length === 3 && (labels[1] === 'con' || labels[1] === 'com')) labels.splice(1, 1);
  const [typedName = '', typedTld = '', ...rest] = labels;
  if (rest.length > 0) return null;
  const provider = Object.entries(PROVIDERS).find(([name, p]) => name === typedName || p.typos.includes(typedName));
  if (!provider) return null;
  const [name, { tlds }] = provider;
  const tld = tlds.length === 1 ? (tlds[0] ?? typedTld) : (TLD_TYPOS[typedTld] ?? typedTld);
  const fixed = `${name}.${tld}`;
  return fixed === domain ? null : fixed;
}

/**
 * A phone number in one form: Dutch numbers as ten digits starting with 0 ("0612345678"), others
 * as + and digits. Spaces, dashes, dots, slashes and brackets are ignored, and so is the (0) in
 * "+31 (0)6 …". Null when it cannot be a phone number.
 */
export function normalisePhone(input: string): string | null {
  let digits = input.trim().replace(/[\s\-./()\u00a0]/g, '');
  if (digits.startsWith('00')) digits = `+${digits.slice(2)}`;
  if (digits.startsWith('+31')) digits = `0${digits.slice(3).replace(/^0/, '')}`;
  if (/^0[1-9]\d{8}$/.test(digits)) return digits;
  if (/^\+[1-9]\d{7,14}$/.test(digits)) return digits;
  return null;
}

/**
 * "06 12345678" / "012 3456789" for people to read; "+49 3012345678" for others. The space also keeps a
 * spreadsheet from reading the number as a number (and dropping its 0 or +).
 */
export function formatPhone(phone: string): string {
  if (phone.startsWith('+')) return `${phone.slice(0, 3)} ${phone.slice(3)}`;
  if (!/^0\d{9}$/.test(phone)) return phone;
  return phone.startsWith('06') ? `06 ${phone.slice(2)}` : `${phone.slice(0, 3)} ${phone.slice(3)}`;
}

/**
 * `suggestion`: the domain looks like a typo of a common one ("hotmal.nl"). The address is still
 * accepted (a rare real domain must never be refused); the form and the confirmation ask "Bedoel je …?".
 */
export type EmailCheck = { ok: true; email: string; suggestion?: string } | { ok: false; problem: 'format' | 'phone' };

/** The address with its domain in lower case (and a suggestion for a typo), or what is wrong with it. */
export function checkEmail(input: string): EmailCheck {
  const value = input.trim();
  if (!value.includes('@') && normalisePhone(value)) return { ok: false, problem: 'phone' };
  // No control, format (zero-width, bidi) or unassigned characters anywhere: what staff see is what is there.
  const match = /^([^\s@<>()[\]\\,;:"\p{C}]+)@([^\s@<>()[\]\\,;:"\p{C}]+\.(?:[a-zA-Z]{2,}|xn--[a-zA-Z0-9-]+))$/u.exec(value);
  if (!match || match[2].includes('..') || match[1].startsWith('.') || match[1].endsWith('.')) return { ok: false, problem: 'format' };
  const domain = match[2].toLowerCase();
  const typo = suggestDomain(domain);
  const email = `${match[1]}@${domain}`;
  return typo ? { ok: true, email, suggestion: `${match[1]}@${typo}` } : { ok: true, email };
}

/** "fatima@gmail.com" for "fatima@gmial.com"; null when the address looks right or is no address. */
export function emailSuggestion(input: string): string | null {
  const checked = checkEmail(input);
  return checked.ok ? (checked.suggestion ?? null) : null;
}

/**
 * Letters (any script), spaces and the punctuation parents write in a name field: dots, apostrophes,
 * hyphens, "&" ("Jan & Ria"), parentheses, commas and a slash ("Ayşe (moeder van Emre)", "Jan/Ria").
 * Never `<`, `>`, quotes or other markup; invisible characters are taken out before (visible-text.ts). Accents and other
 * combining marks only on a letter, at most 3 on one (Vietnamese needs 2), so a name is never made of
 * marks alone and a stack of them cannot run over the rows of the staff table.
 */
const NAME = /^\p{L}\p{M}{0,3}(?:\p{L}\p{M}{0,3}|[ .'’&(),/-])*$/u;

export function nameLooksRight(name: string): boolean {
  return NAME.test(name);
}
