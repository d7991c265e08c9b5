/**
 * `npm run test:budget`: the performance budget as data. For every built page, the JavaScript it
 * loads (inline scripts, script files, their static imports and the islands' component and renderer
 * files) is counted gzip-compressed, and CSS likewise; a page type over its budget fails the check.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST_DIR, distFiles } from './dist-files.ts';

interface Budget {
  /** Which pages (path under dist/, e.g. `ouders/slaap/index.html`). */
  name: string;
  pages: RegExp;
  /** Most JavaScript a page may load, gzip-compressed bytes. */
  jsBytes: number;
  /** Most CSS a page may load, gzip-compressed bytes. */
  cssBytes: number;
}

const KB = 1024;
/** First match wins. Content pages (articles, topics, sociale kaart) stay light; the apps may load more. */
// The chat, search, the sociale-kaart list and "Stel je vraag" load the whole UI dictionary; the sign-up
// strings for activities (issue 17) made it 2.2 KB (gzip) larger, so those four budgets rose by 3 KB
// (measured 2 December, after: chat 51.3, search 35.5, kaart 36.6, vraag 30.6 KB). Splitting the
// dictionary per island, as the activity filters and the sign-up form do, would win that back and more.
export const BUDGETS: Budget[] = [
  { name: 'chat (young people)', pages: /^jongeren\/chat\//, jsBytes: 53 * KB, cssBytes: 10 * KB },
  { name: 'staff (console, statistics)', pages: /^medewerkers\//, jsBytes: 60 * KB, cssBytes: 10 * KB },
  // Search and the sociale-kaart list load the search vocabulary module and the whole UI dictionary (about
  // 14 KB gzipped); splitting the dictionary per island, as the activity filters do, would bring them back
  // towards 25 KB. Measured after the merges of 2 December: 32.8 and 33.8 KB.
  { name: 'search', pages: /^zoeken\//, jsBytes: 38 * KB, cssBytes: 10 * KB },
  // The live "nu open" and the filters run the opening-hours engine in the browser.
  { name: 'sociale kaart: list with filters', pages: /^sociale-kaart\/index\.html$/, jsBytes: 38 * KB, cssBytes: 10 * KB },
  { name: 'activiteiten: list with filters', pages: /^activiteiten\/index\.html$/, jsBytes: 25 * KB, cssBytes: 10 * KB },
  // "Aanmelden": the form works without JavaScript; its script checks it with the server's own schema
  // (zod/mini) and renders the same HTML. Measured 15.6 KB, of which about 10 KB is the sign-up script.
  { name: 'activiteiten: activity page with the sign-up form', pages: /^activiteiten\/[a-z0-9-]+\/index\.html$/, jsBytes: 20 * KB, cssBytes: 10 * KB },
  // "Stel je vraag": the ask and pick-up forms are islands on top of forms that also work without JavaScript.
  { name: 'anonymous question', pages: /^jongeren\/vraag\//, jsBytes: 33 * KB, cssBytes: 10 * KB },
  { name: 'sociale kaart: organisations', pages: /^sociale-kaart\//, jsBytes: 15 * KB, cssBytes: 10 * KB },
  { name: 'articles and other content pages', pages: /./, jsBytes: 10 * KB, cssBytes: 10 * KB },
];

const gzipped = new Map<string, number>();
function size(text: string): number {
  let n = gzipped.get(text);
  if (n === undefined) {
    n = gzipSync(text, { level: 9 }).length;
    gzipped.set(text, n);
  }
  return n;
}

function asset(url: string): string {
  return readFileSync(join(DIST_DIR, decodeURIComponent(url.split('?')[0])), 'utf8');
}

/** A script file and everything it imports statically, each file once. */
function scriptGraph(url: string, seen: Set<string>): void {
  if (seen.has(url) || !url.startsWith('/')) return;
  seen.add(url);
  const code = asset(url);
  for (const [, spec] of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) {
    scriptGraph(new URL(spec, `http://x${url}`).pathname, seen);
  }
}

interface PageWeight {
  page: string;
  js: number;
  css: number;
}

function weigh(file: string): PageWeight {
  const html = readFileSync(file, 'utf8');
  const scripts = new Set<string>();
  let js = 0;
  for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    if (/type="application\/(ld\+)?json"/.test(attrs)) continue;
    const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
    if (src) scriptGraph(src, scripts);
    else js += size(body);
  }
  for (const [, url] of html.matchAll(/\b(?:component-url|renderer-url)="([^"]+)"/g)) scriptGraph(url, scripts);
  for (const url of scripts) js += size(asset(url));
  let css = 0;
  for (const [, href] of html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)) css += size(asset(href));
  for (const [, body] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)) css += size(body);
  return { page: relative(DIST_DIR, file), js, css };
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const weights = distFiles('.html').map(weigh);
let failed = 0;
for (const budget of BUDGETS) {
  const mine = weights.filter((w) => BUDGETS.find((b) => b.pages.test(w.page)) === budget);
  if (mine.length === 0) continue;
  const heaviestJs = mine.reduce((a, b) => (b.js > a.js ? b : a));
  const heaviestCss = mine.reduce((a, b) => (b.css > a.css ? b : a));
  process.stdout.write(
    `${budget.name} (${mine.length}): JS max ${kb(heaviestJs.js)} of ${kb(budget.jsBytes)} (${heaviestJs.page}), CSS max ${kb(heaviestCss.css)} of ${kb(budget.cssBytes)} (${heaviestCss.page})\n`,
  );
  for (const w of mine) {
    if (w.js > budget.jsBytes) process.stdout.write(`  te veel JavaScript / too much JavaScript: ${w.page} ${kb(w.js)} > ${kb(budget.jsBytes)}\n`);
    if (w.css > budget.cssBytes) process.stdout.write(`  te veel CSS / too much CSS: ${w.page} ${kb(w.css)} > ${kb(budget.cssBytes)}\n`);
    if (w.js > budget.jsBytes || w.css > budget.cssBytes) failed++;
  }
}
if (failed > 0) {
  process.stdout.write(`\n${failed} pagina('s) boven het budget (gzip). / ${failed} page(s) over budget (gzip).\n`);
  process.exit(1);
}
