import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

/**
 * `/jongeren/chat/` is a static page (src/pages/jongeren/chat.astro). The article route
 * `/[doelgroep]/[slug]/` would build the same address for an article named `chat`; Astro lets the
 * static page win without an error, so the article would silently disappear. Fail early instead.
 */
describe('the chat keeps its address', () => {
  test('no article is named "chat" (its file name is its slug, in any folder)', () => {
    const files = readdirSync('src/content/artikelen', { recursive: true }).map(String);
    expect(files.length).toBeGreaterThan(0);
    const clashing = files.filter((f) => /(^|\/)chat\.mdx?$/.test(f));
    expect(clashing, 'een artikel met de naam "chat" zou /<doelgroep>/chat/ overschaduwen').toEqual([]);
  });
  test('the chat page and the console exist', () => {
    expect(existsSync('src/pages/jongeren/chat.astro')).toBe(true);
    expect(existsSync('src/pages/medewerkers/chat.astro')).toBe(true);
  });
});
