import { createServer, type Server } from 'node:http';
import { createStaticFiles } from './http/static-files.ts';
import { setSecurityHeaders } from './http/security-headers.ts';
import type { Logger } from './log.ts';

export interface PortalServerOptions {
  /** Folder with the built site. */
  distDir: string;
  logger: Logger;
}

/**
 * One HTTP server for the whole portal: the static site, `/healthz`, and (attached by the chat)
 * Socket.IO at `/socket.io/`. Socket.IO registers its own request listener first and only takes
 * its own path, so everything else reaches this handler.
 */
export function createPortalServer({ distDir, logger }: PortalServerOptions): Server {
  const files = createStaticFiles(distDir);
  const server = createServer(async (req, res) => {
    if (req.url?.startsWith('/socket.io/')) return; // answered by Socket.IO
    setSecurityHeaders(res);
    try {
      if (req.url === '/healthz') {
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.setHeader('Cache-Control', 'no-store');
        res.end(JSON.stringify({ status: 'ok' }));
        return;
      }
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
  });
  return server;
}
