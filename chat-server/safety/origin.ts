import type { IncomingMessage } from 'node:http';
import { site } from '../../shared/config/site.ts';

/** The configured site's origin (`siteUrl`): its pages may post here even when this server has another host name. */
const SITE_ORIGIN = new URL(site.siteUrl).origin;

/**
 * Browsers send `Origin` on WebSocket handshakes and on cross-site requests. A request from another
 * site must not open a chat socket or log in, so the Origin (when present) must be this server's own
 * host, the configured site URL (`siteUrl` in shared/config/site.ts) or one listed in the configuration. Programs without a browser send no Origin and are let
 * through: they cannot ride on a visitor's browser, which is what this check is about.
 */
export function originAllowed(req: IncomingMessage, extraOrigins: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (origin === SITE_ORIGIN || extraOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * A form post or fetch from a visitor's browser must come from this site (no cross-site request
 * forgery: another site must not ask, sign up or delete in a visitor's name). Browsers say where a
 * request comes from in Sec-Fetch-Site, and that decides. Without it, an Origin of "null" is refused:
 * a sandboxed frame on another site sends exactly that (our own pages, with `Referrer-Policy:
 * no-referrer`, do too, but every browser that does also sends Sec-Fetch-Site, except Safari before
 * 16.4, which then gets the Dutch refusal with its form kept). Programs without a browser send neither
 * header and are let through (see `originAllowed`).
 */
export function formFromOurSite(req: IncomingMessage, extraOrigins: readonly string[]): boolean {
  const fetchSite = req.headers['sec-fetch-site'];
  if (fetchSite) return fetchSite === 'same-origin' || (fetchSite === 'same-site' && originAllowed(req, extraOrigins));
  if (req.headers.origin === 'null') return false;
  return originAllowed(req, extraOrigins);
}
