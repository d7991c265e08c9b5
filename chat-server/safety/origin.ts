import type { IncomingMessage } from 'node:http';

/**
 * Browsers send `Origin` on WebSocket handshakes and on cross-site requests. A request from another
 * site must not open a chat socket or log in, so the Origin (when present) must be this server's own
 * host or one listed in the configuration. Programs without a browser send no Origin and are let
 * through: they cannot ride on a visitor's browser, which is what this check is about.
 */
export function originAllowed(req: IncomingMessage, extraOrigins: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (extraOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * A form post or fetch from a visitor's browser must come from this site (no cross-site request
 * forgery: another site must not ask, sign up or delete in a visitor's name). Browsers say where a
 * request comes from in Sec-Fetch-Site; with `Referrer-Policy: no-referrer` their Origin on a form post
 * may be "null". Programs without a browser send neither and are let through (see `originAllowed`).
 */
export function formFromOurSite(req: IncomingMessage, extraOrigins: readonly string[]): boolean {
  const fetchSite = req.headers['sec-fetch-site'];
  if (fetchSite) return fetchSite === 'same-origin' || (fetchSite === 'same-site' && originAllowed(req, extraOrigins));
  if (!req.headers.origin || req.headers.origin === 'null') return true;
  return originAllowed(req, extraOrigins);
}
