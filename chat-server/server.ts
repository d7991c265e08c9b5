import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createStaticFiles } from './http/static-files.ts';
import { setSecurityHeaders } from './http/security-headers.ts';
import type { Logger } from './log.ts';

export interface PortalServerOptions {
  /** Folder with the built site. */
  distDir: string;
  logger: Logger;
  /** Dynamic endpoints (the chat's `/api/…`): answers and returns true, or returns false. */
  api?: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
  /** 'degraded' when a shared store (Redis) does not answer: `/healthz` says so with 503. */
  health?: () => 'ok' | 'degraded';
}

/**
 * One HTTP server for the whole portal: the static site, `/healthz`, and (attached by the chat)
 * Socket.IO at `/socket.io/`. Socket.IO registers its own request listener first and only takes
 * its own path, so everything else reaches this handler.
 */
export function createPortalServer({ distDir, logger, api, health }: PortalServerOptions): Server {
  const files = createStaticFiles(distDir);
  // Every failure is caught and answered inside, so the request listener may leave the promise alone.
  const respond = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.url?.startsWith('/socket.io/')) return; // answered by Socket.IO
    setSecurityHeaders(res);
    try {
      if (req.url === '/healthz') {
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.setHeader('Cache-Control', 'no-store');
        const status = health?.() ?? 'ok';
        if (status !== 'ok') res.statusCode = 503;
        res.end(JSON.stringify(status === 'ok' ? { status } : { status, store: 'unavailable' }));
        return;
      }
      if (api && req.url?.startsWith('/api/') && (await api(req, res))) return;
      if (!(await files.handle(req, res))) {
        res.statusCode = 405;
        res.setHeader('Allow', 'GET, HEAD');
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end('Deze methode wordt niet ondersteund.');
      }
    } catch (error) {
      logger.error('http.error', { error: error instanceof Error ? error.name : 'unknown' });
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    }
  };
  return createServer((req, res) => void respond(req, res));
}
