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
    expect(readableUrl('https://example.org/%E0%A4%A')).toBe('example.org › E0 A4 A');
    expect(readableUrl(`https://example.org/${'x'.repeat(60)}`)).toBe(`example.org › ${'x'.repeat(31)}…`);
    expect(readableUrl('https://example.org/---/')).toBe('example.org');
    expect(readableUrl('geen adres')).toBe('geen adres');
  });
});

describe('the label cannot mirror the message or pose as another site (attacker review 14-3, m2)', () => {
  test('a percent-encoded right-to-left override is not in the label', () => {
    const label = readableUrl('https://evil.example/%E2%80%AEfdp.exe');
    expect(label).toBe('evil.example › fdp exe');
    expect(label).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B-\u200F]/);
  });
  test('dots, slashes and emoji of a path are not shown, so it reads as words, not as an address', () => {
    expect(readableUrl('https://evil.example/%F0%9F%94%92%20www.113.nl%20veilig')).toBe('evil.example › www 113 nl veilig');
    expect(readableUrl('https://evil.example/%2F%2Fwww.113.nl')).toBe('evil.example › www 113 nl');
  });
});
