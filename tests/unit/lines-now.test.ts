import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, test } from 'vitest';
import { site } from '../../shared/config/site.ts';
import { LinesNow } from '../../src/components/chat/LinesNow.tsx';

/**
 * The closed-chat page lists "Nu meteen met iemand praten". A young person at night must not be sent
 * to De Kindertelefoon, which is open 11:00–21:00 (kindertelefoon.nl); the 24/7 lines stay.
 */
const lines = site.crisisLines.map(({ name, phone, when, hours }) => ({ name, phone, when, ...(hours ? { hours } : {}) }));

/** The part of the HTML above the "later weer open" list. */
function openPart(html: string): string {
  return html.split('Nu dicht, later weer open')[0] ?? html;
}

describe('LinesNow', () => {
  test('at 03:00 Amsterdam time De Kindertelefoon is not offered as open, and says when it opens', () => {
    const html = renderToString(h(LinesNow, { lines, id: 'x', now: new Date('2026-12-02T02:00:00Z') }));
    expect(openPart(html)).not.toContain('0800-0432');
    expect(openPart(html)).toContain('0800-0113');
    expect(openPart(html)).toContain('0800-2000');
    expect(openPart(html)).toContain('112');
    expect(html).toContain('Nu dicht, later weer open');
    expect(html).toMatch(/De Kindertelefoon<\/strong><span class="chat-lines__when">Opent vandaag om 11:00/);
  });

  test('at 15:00 it is listed with its number, and no "later" list is shown', () => {
    const html = renderToString(h(LinesNow, { lines, id: 'x', now: new Date('2026-12-02T14:00:00Z') }));
    expect(html).toContain('tel:08000432');
    expect(html).not.toContain('Nu dicht, later weer open');
  });

  test('closes at 21:00 sharp, also on a public holiday (Christmas)', () => {
    const justBefore = renderToString(h(LinesNow, { lines, id: 'x', now: new Date('2026-12-25T19:59:00Z') }));
    const at = renderToString(h(LinesNow, { lines, id: 'x', now: new Date('2026-12-25T20:00:00Z') }));
    expect(openPart(justBefore)).toContain('0800-0432');
    expect(openPart(at)).not.toContain('0800-0432');
  });
});
