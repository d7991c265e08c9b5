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
