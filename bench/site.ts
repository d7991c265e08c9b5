/**
 * Site benchmark: build + index cost at 1×, 10× and 50× the shipped content, index size, search
 * latency in a real browser, and the bytes each page type ships (compressed, as the server sends them).
 * Everything runs on 127.0.0.1 and stops by itself.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/e2e/browser.ts';
import { createPortalServer } from '../chat-server/server.ts';
import { createLogger } from '../chat-server/log.ts';
import { kb, percentile, printTable, round, type Row } from './report.ts';
import { defined } from '../tests/support/defined.ts';

const SCALES = [1, 10, 50];
const SEARCH_TERMS = ['alcohol', 'pesten', 'slapen', 'scheiding', 'blowen', 'gamen', 'school', 'ruzie'];

function dirSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const info = statSync(path);
    if (info.isDirectory()) {
      const sub = dirSize(path);
      bytes += sub.bytes;
      files += sub.files;
    } else {
      bytes += info.size;
      files += 1;
    }
  }
  return { bytes, files };
}

/** A copy of the project whose articles and sociale-kaart entries are repeated `scale` times. */
export function syntheticProject(root: string, scale: number): string {
  const dir = join(tmpdir(), `cjg-bench-site-${scale}x`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // shared/ holds what src/ imports (taxonomy, dictionary, config); chat-server/ serves the bench.
  for (const item of ['src', 'shared', 'public', 'chat-server', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(join(root, item), join(dir, item), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  const copies = (folder: string, rewrite: (text: string, i: number) => string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) {
        copies(path, rewrite);
        continue;
      }
      const text = readFileSync(path, 'utf8');
      for (let i = 2; i <= scale; i++) {
        writeFileSync(join(folder, `${basename(name, extname(name))}-kopie-${i}${extname(name)}`), rewrite(text, i));
      }
    }
  };
  copies(join(dir, 'src/content/artikelen'), (text, i) =>
    text.replace(/^title: (.*)$/m, (_m, t: string) => `title: ${JSON.stringify(`${t.replace(/^["']|["']$/g, '')} (kopie ${i})`)}`),
  );
  copies(join(dir, 'src/content/sociale-kaart'), (text) => text);
  return dir;
}

export function timedBuild(dir: string, root: string): number {
  const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const started = performance.now();
  const result = spawnSync(process.execPath, [astro, 'build'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    timeout: 600_000,
  });
  if (result.status !== 0) throw new Error(`build in ${dir} failed:\n${result.stdout}\n${result.stderr}`);
  return performance.now() - started;
}

function countPages(dist: string): number {
  let pages = 0;
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name === 'index.html') pages++;
    }
  };
  walk(dist);
  return pages;
}

export async function serve(dist: string) {
  const server = createPortalServer({ distDir: dist, logger: createLogger(() => undefined) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Milliseconds from the input event until the first result link is in the list. */
export function timeQuery(page: Page, query: string): Promise<number> {
  return page.evaluate(async (q) => {
    const input = document.querySelector<HTMLInputElement>('#zoekterm');
    const list = document.querySelector('.search-app__results');
    if (!input || !list) throw new Error('zoekpagina niet gevonden');
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 50));
    return await new Promise<number>((resolve, reject) => {
      const started = performance.now();
      const observer = new MutationObserver(() => {
        if (list.querySelector('li a')) {
          observer.disconnect();
          resolve(performance.now() - started);
        }
      });
      observer.observe(list, { childList: true, subtree: true });
      input.value = q;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      setTimeout(() => reject(new Error(`geen resultaat voor ${q}`)), 10_000);
    });
  }, query);
}

/**
 * What a visitor sees: on /zoeken/, the time from typing a word to the first result in the list,
 * measured inside the page with a MutationObserver. The first word is the cold case.
 */
async function searchLatency(base: string) {
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage();
    const loadStart = Date.now();
    await page.goto(`${base}/zoeken/`);
    await page.locator('.search-app__summary').filter({ hasNotText: 'Zoeken…' }).waitFor({ state: 'attached' });
    await page.waitForFunction(() => !document.querySelector('.search-app__summary')?.textContent.includes('Zoeken…'));
    const readyMs = Date.now() - loadStart;
    const typed: number[] = [];
    for (let round = 0; round < 4; round++) {
      for (const term of SEARCH_TERMS) {
        typed.push(await timeQuery(page, term));
      }
    }
    // Round 0 is each word's first search (its index chunk and result fragments are fetched);
    // later rounds find them cached, as for a visitor who refines or retypes a word.
    return { readyMs, cold: typed[0] ?? Number.NaN, firstTime: typed.slice(1, SEARCH_TERMS.length), warm: typed.slice(SEARCH_TERMS.length) };
  } finally {
    await browser.close();
  }
}

/** Bytes a first visit transfers for one page, by kind, as the server sends them (brotli). */
async function pageWeights(base: string, paths: Record<string, string>) {
  const browser = await chromium.launch(chromiumLaunchOptions());
  const rows: Row[] = [];
  try {
    for (const [type, path] of Object.entries(paths)) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const sizes = { html: 0, css: 0, js: 0, other: 0 };
      const pending: Promise<void>[] = [];
      page.on('response', (response) => {
        pending.push(
          (async () => {
            const headers = await response.allHeaders();
            const bytes = Number(headers['content-length'] ?? (await response.body().catch(() => Buffer.alloc(0))).length);
            const kind = response.request().resourceType();
            if (kind === 'document') sizes.html += bytes;
            else if (kind === 'stylesheet') sizes.css += bytes;
            else if (kind === 'script') sizes.js += bytes;
            else sizes.other += bytes;
          })(),
        );
      });
      await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
      await Promise.all(pending);
      rows.push({
        'page type': type,
        'HTML KB': kb(sizes.html),
        'CSS KB': kb(sizes.css),
        'JS KB': kb(sizes.js),
        'other KB': kb(sizes.other),
        'total KB': kb(sizes.html + sizes.css + sizes.js + sizes.other),
        'JS vs 20 KB budget': round(sizes.js / (20 * 1024), 2),
      });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return rows;
}

export async function runSiteBench(root: string) {
  const builds: Row[] = [];
  let baselinePerPage = 0;
  let weights: Row[] = [];
  let search: Awaited<ReturnType<typeof searchLatency>> | undefined;
  for (const scale of SCALES) {
    const dir = syntheticProject(root, scale);
    const ms = timedBuild(dir, root);
    const dist = join(dir, 'dist');
    const pages = countPages(dist);
    const index = dirSize(join(dist, 'pagefind'));
    const perPage = ms / pages;
    if (scale === 1) baselinePerPage = perPage;
    builds.push({
      content: `${scale}×`,
      pages,
      'build+index s': round(ms / 1000, 2),
      'ms per page': round(perPage, 2),
      'per page vs 1×': round(perPage / baselinePerPage, 2),
      'index KB': kb(index.bytes),
      'index files': index.files,
    });
    if (scale === 1) {
      const { server, base } = await serve(dist);
      try {
        const articlePath =
          '/' +
          defined(
            readdirSync(join(dist, 'ouders'))
              .map((n) => `ouders/${n}/`)
              .find((p) => !/middelengebruik|problemen|opvoeden|gezondheid|veiligheid|school|samenwerking|hulp|index/.test(p)),
            'an article page in dist/ouders',
          );
        weights = await pageWeights(base, {
          home: '/',
          section: '/ouders/',
          topic: '/ouders/middelengebruik/',
          article: articlePath,
          search: '/zoeken/?q=alcohol',
          'sociale kaart': '/sociale-kaart/',
        });
        search = await searchLatency(base);
      } finally {
        server.close();
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
  printTable('Site build and index (the same machine, one run; ratio: cost per page against 1×)', builds);
  printTable('Bytes shipped on a first visit, compressed as served (JS ratio against the 20 KB budget)', weights);
  const warm = [...(search?.warm ?? [])].sort((a, b) => a - b);
  const firstTime = [...(search?.firstTime ?? [])].sort((a, b) => a - b);
  const searchRows: Row[] = search
    ? [
        {
          'page ready ms': search.readyMs,
          'first word ms': round(search.cold),
          'other words, first time p50 ms': round(percentile(firstTime, 50), 2),
          'other words, first time max ms': round(firstTime.at(-1) ?? 0, 2),
          'warm p50 ms': round(percentile(warm, 50), 2),
          'warm p95 ms': round(percentile(warm, 95), 2),
          'warm max ms': round(warm.at(-1) ?? 0, 2),
          'p95 vs 100 ms bar': round(percentile(warm, 95) / 100, 2),
        },
      ]
    : [];
  printTable('Search on /zoeken/ in Chromium (1× content): typing a word until the first result shows', searchRows);
  return { builds, weights, search: searchRows };
}
