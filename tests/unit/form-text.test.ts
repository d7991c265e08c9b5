import { describe, expect, test } from 'vitest';
import { formText } from '../../src/lib/form-text.ts';

describe('formText', () => {
  test('gives what was typed, untouched: spaces, line breaks and emoji stay', () => {
    const data = new FormData();
    data.set('text', '  ik word gepest in de groepsapp\r\nwat moet ik doen 😢 ');
    data.set('topic', '');
    expect(formText(data, 'text')).toBe('  ik word gepest in de groepsapp\r\nwat moet ik doen 😢 ');
    expect(formText(data, 'topic')).toBe('');
  });

  test('a missing field or a file is no text: empty, never "null" or "[object File]"', () => {
    const data = new FormData();
    data.set('bijlage', new File(['x'], 'foto.jpg'));
    expect(formText(data, 'naam')).toBe('');
    expect(formText(data, 'bijlage')).toBe('');
  });
});
