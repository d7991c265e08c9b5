/** Which staff pages each role may use (shared/staff-pages.ts), in step with what the server allows. */
import { describe, expect, test } from 'vitest';
import { CHAT_ROLES } from '../../shared/protocol/limits.ts';
import { mayOpen, staffPagesFor } from '../../shared/staff-pages.ts';

describe('staff pages per role', () => {
  test('an activities account only has the sign-ups; a counsellor the chat and questions; a supervisor everything', () => {
    expect(staffPagesFor('activities').map((p) => p.href)).toEqual(['/medewerkers/aanmeldingen/']);
    expect(staffPagesFor('counsellor').map((p) => p.id)).toEqual(['chat', 'vragen']);
    expect(staffPagesFor('supervisor').map((p) => p.id)).toEqual(['chat', 'vragen', 'statistiek', 'aanmeldingen']);
    for (const role of CHAT_ROLES) expect(mayOpen('chat', role)).toBe(true);
    expect(mayOpen('chat', 'activities')).toBe(false);
    expect(mayOpen('chat', undefined)).toBe(false);
    expect(mayOpen('statistiek', 'toString')).toBe(false);
  });
});
