import type { IncomingMessage } from 'node:http';

/**
 * The token of `Authorization: Bearer <token>`. The scheme is case-insensitive ("bearer", "BEARER"),
 * as RFC 9110 §11.1 says of every authentication scheme; one or more spaces may follow it.
 */
export function bearerToken(req: IncomingMessage): string | undefined {
  return /^bearer +([A-Za-z0-9_-]{32,128})$/i.exec(req.headers.authorization ?? '')?.[1];
}
