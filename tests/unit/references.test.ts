import { describe, expect, test } from 'vitest';
import { requireAll } from '../../src/lib/references.ts';

describe('resolving content references', () => {
  const where = { file: 'src/content/artikelen/ouders/pesten.md', field: 'related' };

  test('returns the entries when all exist', () => {
    expect(requireAll(['a', 'b'], [{ id: 'x' }, { id: 'y' }], where)).toEqual(['a', 'b']);
  });

  test('names the file, the field and every missing id', () => {
    expect(() => requireAll(['a', undefined, undefined], [{ id: 'x' }, { id: 'ouders/weg' }, { id: 'jongeren/weg' }], where)).toThrow(
      'src/content/artikelen/ouders/pesten.md: related verwijst naar iets dat niet bestaat: ouders/weg, jongeren/weg',
    );
  });
});
