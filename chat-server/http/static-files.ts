import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.csv', '.ics', '.xml', '.txt', '.svg']);

/**
 * How long browsers may keep a file. Astro's `/_astro/` files and Pagefind's index chunks have
 * content hashes in their names, so they never change; pages and the Pagefind entry files do.
 */
export function cacheControlFor(urlPath: string): string {
  if (urlPath.startsWith('/_astro/')) return 'public, max-age=31536000, immutable';
  if (urlPath.startsWith('/pagefind/') && /\/(fragment|index|filter)\/|\.pf_/.test(urlPath)) {
    return 'public, max-age=31536000, immutable';
  }
  if (urlPath.startsWith('/pagefind/')) return 'public, max-age=300';
  return 'no-cache';
}

interface Cached {
  body: Buffer;
  br?: Buffer;
  gzip?: Buffer;
  etag: string;
  mtimeMs: number;
}

export interface StaticFiles {
  /** Serves a file from dist, or answers with the site's 404 page. Returns false only for non-GET/HEAD. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
}

/** Serves the built site from memory-cached, pre-compressed files; small and dependency-free. */
export function createStaticFiles(distDir: string): StaticFiles {
  const cache = new Map<string, Cached>();
  const root = normalize(distDir + sep);

  async function load(file: string): Promise<Cached | undefined> {
    let info;
    try {
      info = await stat(file);
    } catch {
      return undefined;
    }
    if (!info.isFile()) return undefined;
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === info.mtimeMs) return hit;
    const body = await readFile(file);
    const entry: Cached = { body, etag: `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`, mtimeMs: info.mtimeMs };
    if (COMPRESSIBLE.has(extname(file)) && body.length > 512) {
      entry.br = brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 10 } });
      entry.gzip = gzipSync(body, { level: 9 });
    }
    cache.set(file, entry);
    return entry;
  }

  function resolve(urlPath: string): string | undefined {
    const file = normalize(join(root, decodeURIComponent(urlPath)));
    return file.startsWith(root) ? file : undefined;
  }

  function send(req: IncomingMessage, res: ServerResponse, file: string, entry: Cached, status: number, urlPath: string) {
    res.statusCode = status;
    res.setHeader('Content-Type', MIME[extname(file)] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', status === 200 ? cacheControlFor(urlPath) : 'no-cache');
    res.setHeader('ETag', entry.etag);
    res.setHeader('Vary', 'Accept-Encoding');
    if (status === 200 && req.headers['if-none-match'] === entry.etag) {
      res.statusCode = 304;
      res.end();
      return;
    }
    const accepts = req.headers['accept-encoding'] ?? '';
    let body = entry.body;
    if (entry.br && /\bbr\b/.test(accepts)) {
      res.setHeader('Content-Encoding', 'br');
      body = entry.br;
    } else if (entry.gzip && /\bgzip\b/.test(accepts)) {
      res.setHeader('Content-Encoding', 'gzip');
      body = entry.gzip;
    }
    res.setHeader('Content-Length', body.length);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  async function notFound(req: IncomingMessage, res: ServerResponse) {
    const file = join(root, '404.html');
    const entry = await load(file);
    if (entry) {
      send(req, res, file, entry, 404, '/404.html');
      return;
    }
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end('Deze pagina bestaat niet.');
  }

  return {
    async handle(req, res) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return false;
      const url = new URL(req.url ?? '/', 'http://localhost');
      // "/.//host" or "//host" would end in `Location: //host/`, a link to another site: one slash only.
      url.pathname = `/${url.pathname.replace(/^\/+/, '')}`;
      let urlPath: string;
      try {
        urlPath = decodeURIComponent(url.pathname);
      } catch {
        await notFound(req, res);
        return true;
      }
      if (urlPath.includes('\0')) {
        await notFound(req, res);
        return true;
      }
      const base = resolve(url.pathname);
      if (!base) {
        await notFound(req, res);
        return true;
      }
      // Directory URLs: /ouders/ → /ouders/index.html; /ouders → redirect to /ouders/.
      if (url.pathname.endsWith('/')) {
        const file = join(base, 'index.html');
        const entry = await load(file);
        if (entry) send(req, res, file, entry, 200, url.pathname);
        else await notFound(req, res);
        return true;
      }
      const entry = await load(base);
      if (entry) {
        send(req, res, base, entry, 200, url.pathname);
        return true;
      }
      if (!extname(base) && (await load(join(base, 'index.html')))) {
        res.statusCode = 301;
        res.setHeader('Location', `${url.pathname}/${url.search}`);
        res.end();
        return true;
      }
      await notFound(req, res);
      return true;
    },
  };
}
