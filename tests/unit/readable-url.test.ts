import { describe, expect, test } from 'vitest';
import { readableUrl } from '../../src/lib/readable-url.ts';

describe('a link in a chat message reads as words, with spaces to wrap at', () => {
  test('a sociale-kaart card', () => {
    expect(readableUrl('https://cjg.voorbeeldstad.example/sociale-kaart/schoolmaatschappelijk-werk/')).toBe(
      'cjg.voorbeeldstad.example › schoolmaatschappelijk werk',
    );
  });
  test('the bare site, www, a query and a deep path', () => {
    expect(readableUrl('https://www.113.nl/')).toBe('113.nl');
    expect(readableUrl('https://example.org/a/b/c/d?utm=x#top')).toBe('example.org › d');
  });
  test('escapes are decoded, very long parts are cut, and text that is no address comes back as it was', () => {
    expect(readableUrl('https://example.org/caf%C3%A9')).toBe('example.org › café');
    expect(readableUrl('https://example.org/%E0%A4%A')).toBe('example.org › %E0%A4%A');
    expect(readableUrl(`https://example.org/${'x'.repeat(60)}`)).toBe(`example.org › ${'x'.repeat(31)}…`);
    expect(readableUrl('https://example.org/---/')).toBe('example.org');
    expect(readableUrl('geen adres')).toBe('geen adres');
  });
});
