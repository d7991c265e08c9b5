import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { site } from '../../shared/config/site.ts';
import { siteConfigSchema } from '../../shared/config/site-schema.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('site configuration', () => {
  test('the shipped configuration is valid and marked as example data', () => {
    expect(siteConfigSchema.parse(site)).toEqual(site);
    expect(site.exampleData).toBe(true);
  });

  test('a wrong field is named in the error', () => {
    const result = siteConfigSchema.safeParse({ ...site, contact: { ...site.contact, email: 'geen-mail' } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['contact', 'email']);
  });

  test('a crisis line with letters in its number is refused', () => {
    const result = siteConfigSchema.safeParse({ ...site, crisisLines: [{ name: 'X', phone: 'bel ons', when: 'altijd' }] });
    expect(result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(['crisisLines.0.phone: alleen cijfers, spaties en streepjes']);
  });

  test('carries the verified national lines', () => {
    const numbers = site.crisisLines.map((l) => l.phone);
    expect(numbers).toEqual(expect.arrayContaining(['112', '0800-0113', '0800-0432', '0800-2000']));
  });

  test('no code outside the configuration names the gemeente or the CJG', () => {
    const code = ['src/components', 'src/layouts', 'src/pages', 'src/lib', 'chat-server'].flatMap((dir) =>
      filesUnder(dir).filter((f) => /\.(astro|ts|tsx|md|mdx)$/.test(f)),
    );
    const offenders = code.filter((file) => {
      const text = readFileSync(file, 'utf8');
      return text.includes(site.gemeente) || text.includes(site.cjgName);
    });
    expect(offenders).toEqual([]);
  });
});
