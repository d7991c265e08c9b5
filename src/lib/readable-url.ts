/** Longest path part shown whole in a link's text; longer ones are cut with "…". */
const MAX_PART = 32;

const part = (raw: string): string => {
  let text = raw;
  try {
    text = decodeURIComponent(raw);
  } catch {
    // A malformed escape: show it as written.
  }
  // "schoolmaatschappelijk-werk" reads (and wraps) as words. Only letters, digits and spaces: a decoded
  // right-to-left override (%E2%80%AE) would mirror the rest of the message, and dots, slashes or emoji
  // could dress the label up as another site ("🔒 www.113.nl"), so they are left out (attacker review 14-3, m2).
  const words = text
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return words.length > MAX_PART ? `${words.slice(0, MAX_PART - 1)}…` : words;
};

/**
 * A web address as short, readable link text: the site and the page's own name,
 * "cjg.voorbeeldstad.example › schoolmaatschappelijk werk". Words and spaces, so on a phone the text
 * wraps between words instead of breaking an address mid-word over five lines; the link itself (and
 * its title) keeps the full address. Folders in between, query and fragment are left out of the text.
 */
export function readableUrl(href: string): string {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return href;
  }
  const host = url.hostname.replace(/^www\./, '');
  const last = url.pathname.split('/').filter(Boolean).at(-1);
  const name = last === undefined ? '' : part(last);
  return name ? `${host} › ${name}` : host;
}
