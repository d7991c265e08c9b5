import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPortalServer } from '../../chat-server/server.ts';
import { cacheControlFor } from '../../chat-server/http/static-files.ts';
import { createLogger } from '../../chat-server/log.ts';

/** A tiny built site: enough to exercise every rule of the static file server. */
function fixtureDist(): string {
  const dist = mkdtempSync(join(tmpdir(), 'cjg-dist-'));
  mkdirSync(join(dist, 'ouders'));
  mkdirSync(join(dist, '_astro'));
  writeFileSync(join(dist, 'index.html'), `<!doctype html><title>Home</title>${'<p>tekst</p>'.repeat(200)}`);
  writeFileSync(join(dist, 'ouders', 'index.html'), '<!doctype html><title>Ouders</title>');
  writeFileSync(join(dist, '404.html'), '<!doctype html><title>Deze pagina bestaat niet</title>');
  writeFileSync(join(dist, '_astro', 'app.abc123.js'), 'console.log(1);'.repeat(100));
  return dist;
}

let base = '';
const logLines: string[] = [];
const server = createPortalServer({ distDir: fixtureDist(), logger: createLogger((line) => logLines.push(line)) });

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('serving the built site', () => {
  test('a directory URL serves its index page', async () => {
    const res = await fetch(`${base}/ouders/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Ouders</title>');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  test('a URL without trailing slash redirects to the canonical one', async () => {
    const res = await fetch(`${base}/ouders?x=1`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/ouders/?x=1');
  });

  test('an unknown page gets the Dutch 404 page with status 404', async () => {
    const res = await fetch(`${base}/bestaat-niet/`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Deze pagina bestaat niet');
  });

  test('paths outside the site folder are never served', async () => {
    for (const path of ['/..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd', '/%00']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status, path).toBe(404);
    }
  });

  test('hashed assets are cached for a year and compressed', async () => {
    const res = await fetch(`${base}/_astro/app.abc123.js`, { headers: { 'accept-encoding': 'br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(await res.text()).toContain('console.log(1);');
  });

  test('a repeated request with the same ETag gets 304', async () => {
    const first = await fetch(`${base}/`);
    const etag = first.headers.get('etag') ?? '';
    const second = await fetch(`${base}/`, { headers: { 'if-none-match': etag } });
    expect(second.status).toBe(304);
  });

  test('other methods are refused', async () => {
    const res = await fetch(`${base}/`, { method: 'POST' });
    expect(res.status).toBe(405);
  });
});

describe('headers on every response', () => {
  test('security headers forbid other origins and referrers', async () => {
    const res = await fetch(`${base}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/https?:/);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  test('/healthz answers ok without caching', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  test('a failing request is logged without the address, even when the error quotes it', async () => {
    // The only log line the portal server writes is for a request that fails: make one fail with
    // the client's address in the error, as a careless handler might.
    const lines: string[] = [];
    const failing = createPortalServer({
      distDir: fixtureDist(),
      logger: createLogger((line) => lines.push(line)),
      api: async (req) => {
        throw new Error(`kapot voor ${req.socket.remoteAddress} (${req.headers['user-agent']})`);
      },
    });
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(failing.address() as AddressInfo).port}/api/iets`, { headers: { 'User-Agent': 'GeheimeBrowser/1.0' } });
      expect(res.status).toBe(500);
      expect(lines.map((l) => JSON.parse(l) as { event: string })).toMatchObject([{ event: 'http.error' }]);
      expect(lines.join('\n')).not.toMatch(/127\.0\.0\.1|::1|GeheimeBrowser|kapot/);
    } finally {
      await new Promise<void>((resolve) => failing.close(() => resolve()));
    }
    // And serving the pages above wrote nothing at all.
    expect(logLines).toEqual([]);
  });
});

describe('cache lifetimes', () => {
  test('pagefind entry files are short-lived, its chunks immutable', () => {
    expect(cacheControlFor('/pagefind/pagefind.js')).toBe('public, max-age=300');
    expect(cacheControlFor('/pagefind/fragment/nl_abc.pf_fragment')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('/ouders/')).toBe('no-cache');
  });
});
