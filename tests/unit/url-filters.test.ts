/**
 * Filters in the query string (src/lib/url-filters.ts), the logic behind `useUrlFilters` that the
 * sociale kaart and the activities list share: links people share, edit by hand or mangle in a chat
 * app, and Back/Forward.
 */
import { describe, expect, test } from 'vitest';
import { followUrlFilters, readFilters, writeFilters, writeUrlFilters, type FilterFields, type UrlHost } from '../../src/lib/url-filters.ts';

interface Filters {
  q: string;
  doelgroep: string;
  vorm: '' | 'online' | 'locatie';
  van: string;
  gratis: boolean;
}
const EMPTY: Filters = { q: '', doelgroep: '', vorm: '', van: '', gratis: false };
const FIELDS: FilterFields<Filters> = { q: 'text', doelgroep: ['ouders', 'jongeren'], vorm: ['online', 'locatie'], van: 'date', gratis: 'flag' };

describe('reading and writing the query string', () => {
  test('a shared link gives back the same filters, in a stable order, and no filters give a clean URL', () => {
    const f: Filters = { q: 'mijn kind blowt', doelgroep: 'ouders', vorm: 'online', van: '2027-02-01', gratis: true };
    const query = writeFilters(FIELDS, f);
    expect(query).toBe('?q=mijn+kind+blowt&doelgroep=ouders&vorm=online&van=2027-02-01&gratis=1');
    expect(readFilters(FIELDS, query)).toEqual(f);
    expect(writeFilters(FIELDS, EMPTY)).toBe('');
    expect(readFilters(FIELDS, '')).toEqual(EMPTY);
  });

  test('typed text keeps its words but loses the spaces around it; only spaces is no filter', () => {
    expect(writeFilters(FIELDS, { ...EMPTY, q: '  scheiding ' })).toBe('?q=scheiding');
    expect(writeFilters(FIELDS, { ...EMPTY, q: '   ' })).toBe('');
    expect(readFilters(FIELDS, '?q=ik+voel+me+alleen+%F0%9F%98%A2').q).toBe('ik voel me alleen 😢');
  });

  test('a hand-edited or old link with values we do not know reads as "Alle", not as an error', () => {
    expect(readFilters(FIELDS, '?doelgroep=Ouders&vorm=<script>&van=gisteren&gratis=ja')).toEqual(EMPTY);
    expect(readFilters(FIELDS, '?doelgroep=grootouders&van=2027-13&gratis=true')).toEqual(EMPTY);
    expect(readFilters(FIELDS, '?van=%E0%A4%A&q=%')).toEqual({ ...EMPTY, q: '%' });
    expect(readFilters(FIELDS, '?onbekend=1&gratis=1')).toEqual({ ...EMPTY, gratis: true });
  });

  test('markup in the search text stays plain text, escaped in the URL', () => {
    const f = { ...EMPTY, q: '<img src=x onerror=alert(1)>' };
    const query = writeFilters(FIELDS, f);
    expect(query).not.toContain('<');
    expect(readFilters(FIELDS, query)).toEqual(f);
  });
});

/** A stand-in for `window`: a URL, a history that records replaceState, and popstate listeners. */
function fakeWindow(start: string) {
  const url = new URL(start, 'https://cjg.example');
  const listeners = new Set<() => void>();
  const replaced: string[] = [];
  const host: UrlHost = {
    location: {
      get pathname() {
        return url.pathname;
      },
      get search() {
        return url.search;
      },
      get hash() {
        return url.hash;
      },
    },
    history: {
      replaceState(_data, _unused, next) {
        replaced.push(next);
        const target = new URL(next, url);
        url.search = target.search;
        url.hash = target.hash;
      },
    },
    addEventListener: (_type, listener) => listeners.add(listener),
    removeEventListener: (_type, listener) => listeners.delete(listener),
  };
  /** The visitor presses Back or Forward to an entry with this query string. */
  const go = (search: string) => {
    url.search = search;
    for (const listener of listeners) listener();
  };
  return { host, replaced, listeners, go };
}

describe('following the URL', () => {
  test('the filters of the link start the list, and Back/Forward restore the filters of that entry', () => {
    const w = fakeWindow('/sociale-kaart/?doelgroep=jongeren&gratis=1');
    const seen: Filters[] = [];
    const stop = followUrlFilters(w.host, FIELDS, (f) => seen.push(f));
    expect(seen).toEqual([{ ...EMPTY, doelgroep: 'jongeren', gratis: true }]);
    w.go('?vorm=online');
    w.go('');
    expect(seen.slice(1)).toEqual([{ ...EMPTY, vorm: 'online' }, EMPTY]);
    stop();
    expect(w.listeners.size).toBe(0);
    w.go('?gratis=1');
    expect(seen).toHaveLength(3);
  });

  test('a change replaces the history entry, keeping path and #fragment; no change writes nothing', () => {
    const w = fakeWindow('/activiteiten/?doelgroep=ouders#lijst');
    writeUrlFilters(w.host, FIELDS, { ...EMPTY, doelgroep: 'ouders' });
    expect(w.replaced).toEqual([]);
    writeUrlFilters(w.host, FIELDS, { ...EMPTY, doelgroep: 'ouders', gratis: true });
    writeUrlFilters(w.host, FIELDS, EMPTY);
    expect(w.replaced).toEqual(['/activiteiten/?doelgroep=ouders&gratis=1#lijst', '/activiteiten/#lijst']);
  });

  test('a link with unknown values is cleaned up once the filters are written back', () => {
    const w = fakeWindow('/sociale-kaart/?doelgroep=iedereen&utm_source=nieuwsbrief');
    let current = EMPTY;
    followUrlFilters(w.host, FIELDS, (f) => (current = f));
    writeUrlFilters(w.host, FIELDS, current);
    expect(w.replaced).toEqual(['/sociale-kaart/']);
  });
});
