/**
 * Without JavaScript a form with a mistake comes back filled in (chat-server/questions/form-page.ts): the
 * text as typed (escaped, newlines kept), the choices still chosen, the Dutch error at its field and
 * linked from it, a summary on top. The markup is the islands' own server render, as the build writes it.
 */
import { describe, expect, test } from 'vitest';
import { FORM_FIELDS, fillForm } from '../../chat-server/questions/form-page.ts';
import { ASK_PATH, PICKUP_PATH } from '../../shared/vraag/limits.ts';

const ASK_PAGE = `<!DOCTYPE html><html lang="nl"><head><title>Stel je vraag | CJG Voorbeeldstad</title></head><body><main>
<form class="search-field" action="/zoeken/" method="get" role="search"><input id="zoek-header" name="q" type="text" value></form>
<astro-island ssr client="load"><form class="vraag-form" method="post" action="/api/vraag" novalidate><h2 class="vraag-form__title">Je vraag</h2><div class="vraag-field"><label for="vraag-tekst">Wat wil je vragen?</label><p class="vraag-field__hint" id="vraag-tekst-hint">Maximaal 4000 tekens.</p><textarea id="vraag-tekst" name="text" rows="8" maxlength="4000" required aria-describedby="vraag-tekst-hint vraag-tekst-teller"></textarea><p class="vraag-field__count" id="vraag-tekst-teller">0 van 4000 tekens</p></div><div class="vraag-field"><label for="vraag-onderwerp">Waar gaat het over? (hoeft niet)</label><select id="vraag-onderwerp" name="topic"><option value>Zeg ik liever niet</option><option value="problemen">Problemen</option><option value="school">School</option></select></div><div class="vraag-field"><label for="vraag-leeftijd">Hoe oud ben je? (hoeft niet)</label><select id="vraag-leeftijd" name="ageBand"><option value>Zeg ik liever niet</option><option value="12-18">12 t/m 17 jaar</option></select></div><button type="submit" class="button">Verstuur je vraag</button></form></astro-island>
</main></body></html>`;

const PICKUP_PAGE = `<html><head><title>Lees je antwoord | CJG</title></head><body><form class="vraag-form" method="post" action="/api/vraag/ophalen" novalidate><div class="vraag-field"><label for="vraag-code">Jouw code</label><p class="vraag-field__hint" id="vraag-code-hint">20 letters</p><input id="vraag-code" name="code" type="text" class="vraag-code-input" autocomplete="off" maxlength="40" required aria-describedby="vraag-code-hint"/></div><button type="submit" class="button">Lees mijn antwoord</button></form></body></html>`;

/** The opening tag of the control with this id. */
const tagOf = (html: string, id: string) => new RegExp(`<[a-z]+\\b[^>]*\\bid="${id}"[^>]*>`).exec(html)?.[0] ?? '';

const tooShort = 'Je vraag is wel erg kort. Schrijf minstens 10 tekens, dan kunnen we je beter helpen.';

describe('the ask form', () => {
  test('comes back with the text as typed, the topic still chosen, the error at the field and a summary on top', () => {
    const page = fillForm(
      ASK_PAGE,
      ASK_PATH,
      FORM_FIELDS.ask,
      { text: 'help <mij>', topic: 'school', ageBand: '' },
      {
        code: 'invalid',
        error: tooShort,
        fields: { text: tooShort },
      },
    );
    expect(page).not.toBeNull();
    const html = page ?? '';
    expect(html).toContain('<title>Fout: Stel je vraag');
    const textarea = tagOf(html, 'vraag-tekst');
    expect(textarea).toContain('aria-describedby="vraag-tekst-fout vraag-tekst-hint vraag-tekst-teller"');
    expect(textarea).toContain('aria-invalid="true"');
    expect(textarea.match(/aria-describedby/g)).toHaveLength(1);
    expect(html).toMatch(/<p class="vraag-field__error" id="vraag-tekst-fout">Je vraag is wel erg kort[^<]*<\/p><textarea[^>]*>help &lt;mij&gt;<\/textarea>/);
    expect(html).toContain('<p class="vraag-field__count" id="vraag-tekst-teller">10 van 4000 tekens</p>');
    expect(html).toContain('<option value="school" selected>School</option>');
    expect(html).toContain('<select id="vraag-leeftijd" name="ageBand"><option value selected>Zeg ik liever niet</option>');
    expect(html).not.toContain('<option value="problemen" selected>');
    // The summary comes first in the form, takes the focus, and links to the field.
    expect(html).toMatch(/action="\/api\/vraag" novalidate><div class="vraag-error-summary" role="alert" tabindex="-1" autofocus[^>]*>/);
    expect(html).toContain(`<li><a href="#vraag-tekst">${tooShort}</a></li>`);
    // The site search form above is left alone.
    expect(html).toContain('<input id="zoek-header" name="q" type="text" value>');
  });

  test('keeps line breaks, a leading empty line and every character of a long text', () => {
    const text = `\nEerste regel\n\nTweede & "derde" regel ${'x'.repeat(4100)}`;
    const html = fillForm(ASK_PAGE, ASK_PATH, FORM_FIELDS.ask, { text }, { code: 'invalid', error: 'te lang', fields: { text: 'te lang' } }) ?? '';
    const inner = /<textarea[^>]*>([\s\S]*?)<\/textarea>/.exec(html)?.[1] ?? '';
    expect(inner).toBe(`\n\nEerste regel\n\nTweede &amp; &quot;derde&quot; regel ${'x'.repeat(4100)}`);
  });

  test('a refusal that is not about one field (too many questions) is in the summary, with the lines', () => {
    const html =
      fillForm(
        ASK_PAGE,
        ASK_PATH,
        FORM_FIELDS.ask,
        { text: 'Mijn vraag die ik al had getypt.' },
        { code: 'rate_limited', error: 'Er zijn vanaf dit netwerk net veel vragen gesteld.' },
      ) ?? '';
    expect(html).toContain('<li>Er zijn vanaf dit netwerk net veel vragen gesteld.</li>');
    expect(html).toContain('class="vraag-lines"');
    expect(html).toContain('>Mijn vraag die ik al had getypt.</textarea>');
    expect(html).not.toContain('aria-invalid');
  });

  test('a page without the form or a field gives null (the caller shows the short page with the text)', () => {
    expect(fillForm('<html><title>x</title></html>', ASK_PATH, FORM_FIELDS.ask, { text: 'a' }, { code: 'invalid', error: 'x' })).toBeNull();
    const renamed = ASK_PAGE.replace('id="vraag-tekst"', 'id="iets-anders"');
    expect(fillForm(renamed, ASK_PATH, FORM_FIELDS.ask, { text: 'a' }, { code: 'invalid', error: 'x' })).toBeNull();
  });
});

describe('the code form', () => {
  test('a code typed wrong comes back in the field, with the error linked to it', () => {
    const error = 'Een code heeft 20 letters. Kijk of je hem helemaal goed hebt overgenomen.';
    const html =
      fillForm(PICKUP_PAGE, PICKUP_PATH, FORM_FIELDS.pickup, { code: 'KDVM-TRAX-"><script>' }, { code: 'invalid', error, fields: { code: error } }) ?? '';
    expect(html).toMatch(/<p class="vraag-field__error" id="vraag-code-fout">Een code heeft 20 letters[^<]*<\/p><input /);
    const input = tagOf(html, 'vraag-code');
    expect(input).toContain('value="KDVM-TRAX-&quot;&gt;&lt;script&gt;"');
    expect(input).toContain('aria-describedby="vraag-code-fout vraag-code-hint"');
    expect(input).toContain('aria-invalid="true"');
    expect(html).not.toContain('"><script>');
  });

  test('an unknown code is marked at the field too', () => {
    const error = 'We vinden geen vraag bij deze code.';
    const html = fillForm(PICKUP_PAGE, PICKUP_PATH, FORM_FIELDS.pickup, { code: 'KDVM-TRAX-PQHE-NWUC-FYGB' }, { code: 'not_found', error }) ?? '';
    expect(html).toContain('value="KDVM-TRAX-PQHE-NWUC-FYGB"');
    expect(html).toContain(`<p class="vraag-field__error" id="vraag-code-fout">${error}</p>`);
    expect(html).toContain(`<li>${error}</li>`);
  });
});
