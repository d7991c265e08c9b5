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
/**
 * First match wins. Content pages (articles, topics, sociale kaart) stay light; the apps may load more.
 * Every budget is what the page needed when it was last measured plus a little headroom, so a change
 * that makes a page heavier is a decision, not an accident. Islands load only their own area's strings
 * (`translator()` in shared/i18n/fill.ts; tests/unit/dictionary.test.ts fails when one imports the whole
 * dictionary, which costs about 13 KB). The comments say what each page loads, gzipped, as measured on
 * 3 December: every page has the header search field (0.5 KB; the suggestions and Pagefind are fetched
 * on first focus and not counted here) and small inline scripts (quick exit, chat status: 1 to 2.3 KB);
 * pages with an island add Preact and Astro's island loader (about 7 KB).
 */
export const BUDGETS: Budget[] = [
  // 38.2 KB: the Socket.IO client with the chat's strings (17 KB), the chat island (6 KB), the opening-hours
  // engine for "open tot" (2 KB), Preact and the island loader.
  { name: 'chat (young people)', pages: /^jongeren\/chat\//, jsBytes: 42 * KB, cssBytes: 10 * KB },
  // Console 54.9 KB: the Socket.IO client (17 KB), the console (11.8 KB) with the console's and chat's
  // strings, the staff session and login (5 KB), query understanding for the sociale-kaart lookup (3.7 KB),
  // the workspace's strings (2.4 KB), reviewed answers with the Vragen strings (1.9 KB), Preact.
  // "Vragen" 24.8 KB, statistics 24.1 KB, sign-ups 20.0 KB.
  // 2 December, after the second and third workspace reviews: console 59.9 KB. Added: kept Alt numbers and
  // the named end/block questions, readable links in messages, the requeued-flag texts, the "Nieuwe berichten"
  // pointer and the transfer signal. Raised to 62 KB as a decision: each closes a review finding.
  { name: 'staff (console, statistics)', pages: /^medewerkers\//, jsBytes: 62 * KB, cssBytes: 10 * KB },
  // 22.6 KB: query understanding and the vocabulary helpers (3.7 KB), the search island (2.7 KB), the
  // combobox with the search strings (2 KB), the opening-hours engine for the CJG's "nu open" line in the
  // zero-results help (2.4 KB), Preact and the island loader. The search index is Pagefind's, fetched
  // when needed.
  { name: 'search', pages: /^zoeken\//, jsBytes: 25 * KB, cssBytes: 10 * KB },
  // 22.3 KB: the filters island with the sociale-kaart list strings (3.4 KB), query understanding (3.7 KB),
  // the opening-hours engine for the live "nu open" filter (2.1 KB), Preact and the island loader.
  { name: 'sociale kaart: list with filters', pages: /^sociale-kaart\/index\.html$/, jsBytes: 24 * KB, cssBytes: 10 * KB },
  // 18.0 KB: the filters island (2 KB) with the activity strings (2 KB; the sign-up form's are a module of
  // their own), the shared age field (1 KB), the opening-hours engine (2.1 KB), Preact.
  { name: 'activiteiten: list with filters', pages: /^activiteiten\/index\.html$/, jsBytes: 20 * KB, cssBytes: 10 * KB },
  // "Stel je vraag" 17.1 KB, pick-up 16.8 KB: the ask or pick-up island with the question strings
  // (4 KB together), Preact and the island loader, on top of forms that also work without JavaScript.
  { name: 'anonymous question', pages: /^jongeren\/vraag\//, jsBytes: 20 * KB, cssBytes: 10 * KB },
  // "Aanmelden" 14.4 KB: the form works without JavaScript; its script (11.2 KB, with the sign-up strings)
  // checks it with the server's own schema (zod/mini) and renders the same HTML. No Preact.
  // 2 December, after three sign-up reviews: 17.7 KB. Added: the one-time submission id, e-mail typo
  // suggestions by provider, the organiser's contact on every refusal, the "al begonnen" clock, radio dates.
  { name: 'activiteiten: activity page with the sign-up form', pages: /^activiteiten\/[a-z0-9-]+\/index\.html$/, jsBytes: 19 * KB, cssBytes: 10 * KB },
  // 5.5 KB: the live "nu open" line (the opening-hours engine, 2.1 KB), the copy buttons, the print date.
  { name: 'sociale kaart: organisations', pages: /^sociale-kaart\//, jsBytes: 10 * KB, cssBytes: 10 * KB },
  // At most 5.4 KB: the live "nu open" lines of the help block. 10 KB is the site's promise for articles.
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
