/**
 * Signing up, the pure parts: the content rules for `aanmelden-hier`, the options the build writes into
 * `/activiteiten.json` and the server reads back, the placement rule, how parents type phone numbers and
 * e-mail addresses, and the form's HTML (escaping, errors tied to their fields).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { parseCatalogue } from '../../chat-server/signups/catalogue.ts';
import { activityRecord, resolveActivities, signupInfo, type ActivityEntry, type OrganisationEntry } from '../../src/lib/activity-catalogue.ts';
import { makeActivitySchema } from '../../src/schemas/activity.ts';
import { organisationSchema } from '../../src/schemas/organisation.ts';
import { checkEmail, emailSuggestion, formatPhone, normalisePhone } from '../../shared/signup/contact.ts';
import { signupFormHtml } from '../../shared/signup/form-html.ts';
import { DEFAULT_SIGNUP_RETENTION_DAYS } from '../../shared/signup/limits.ts';
import { optionState, placement, placesLeft } from '../../shared/signup/places.ts';
import { cancelNoticeText, waitingLineText } from '../../shared/signup/staff-text.ts';
import { signupFieldErrors, signupSchema } from '../../shared/signup/schemas.ts';

const schema = makeActivitySchema({ organisatie: z.string() });
const valid = {
  title: 'Ouderavond gamen',
  summary: 'Een avond voor ouders over gamen en social media.',
  doelgroep: ['ouders'],
  onderwerpen: ['opvoeden'],
  sessions: [
    { date: '2027-01-28', start: '19:30', end: '21:00' },
    { date: '2027-05-20', start: '19:30', end: '21:00', places: 20 },
  ],
  location: { organisation: 'cjg', location: 'centrum' },
  organiser: 'cjg',
  cost: 'gratis',
  format: 'losse-bijeenkomsten',
  join: { method: 'aanmelden-hier', text: 'Kies een avond en meld je aan.' },
  places: 30,
  example_data: true,
  updated: '2026-12-01',
};
const issues = (input: unknown) => {
  const r = schema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('content rules for signing up here', () => {
  test('a per-meeting activity with its own places passes', () => {
    expect(issues(valid)).toEqual([]);
  });

  test('mistakes an editor can make are named in Dutch', () => {
    expect(issues({ ...valid, sessions: [], ongoing: { text: 'Elke dinsdagochtend, instromen kan altijd.' } })).toContain(
      'join.method: aanmelden-hier kan alleen met sessions (datums): aanmeldingen worden een aantal dagen na de laatste bijeenkomst gewist',
    );
    expect(issues({ ...valid, sessions: [valid.sessions[0]] })).toContain(
      'format: format: losse-bijeenkomsten hoort bij een bijeenkomst die op minstens twee datums wordt gegeven',
    );
    expect(issues({ ...valid, format: 'reeks' })).toContain(
      'sessions.1.places: places per sessie kan alleen met format: losse-bijeenkomsten; zet places anders bij de activiteit',
    );
    expect(issues({ ...valid, format: 'los' })[0]).toMatch(/^format: format moet een van deze zijn: reeks, losse-bijeenkomsten/);
    expect(issues({ ...valid, join: { method: 'aanmeldenhier', text: 'Meld je hier aan voor de cursus.' } })[0]).toMatch(
      /^join.method: join.method moet een van deze zijn: aanmelden-hier, bellen/,
    );
  });

  test('holiday exceptions of a weekly group must fall on its days', () => {
    const weekly = { ...valid, format: 'reeks', join: { method: 'binnenlopen', text: 'Kom gewoon langs met je peuter.' }, places: undefined, sessions: [] };
    const ongoing = (except: string[]) => ({ text: 'Elke dinsdag, behalve in de vakanties.', weekly: { days: [2], opens: '09:30', closes: '11:00' }, except });
    expect(issues({ ...weekly, ongoing: ongoing(['2027-02-16']) })).toEqual([]);
    expect(issues({ ...weekly, ongoing: ongoing(['2027-02-17']) })).toContain('ongoing.except.0: 2027-02-17 valt niet op een dag van ongoing.weekly.days');
    expect(issues({ ...weekly, ongoing: { text: 'Elke dinsdag, behalve in de vakanties.', except: ['2027-02-16'] } })).toContain(
      'ongoing.except: ongoing.except kan alleen met ongoing.weekly',
    );
  });
});

describe('from the content file to the server', () => {
  const cjg: OrganisationEntry = {
    id: 'cjg',
    data: organisationSchema.parse({
      name: 'CJG Voorbeeldstad',
      description: 'Het Centrum voor Jeugd en Gezin.',
      example_data: true,
      phones: [{ number: '012-345 67 89' }],
      email: 'info@cjg.voorbeeldstad.example',
      werkgebied: 'gemeente',
      locations: [{ id: 'centrum', name: 'CJG Centrum', address: { address_1: 'Voorbeeldplein 1', postal_code: '1234 AB', city: 'Voorbeeldstad' } }],
      services: [
        {
          id: 'advies',
          name: 'Advies',
          description: 'Advies over opvoeden.',
          doelgroep: ['ouders'],
          onderwerpen: ['opvoeden'],
          application_process: { routes: ['bellen'], text: 'Bel ons gewoon op.' },
          fees: 'gratis',
        },
      ],
    }),
  };
  const entry = (over: object): ActivityEntry => {
    const data = schema.parse({ ...valid, ...over });
    if ('online' in data.location) throw new Error('test uses a place');
    return {
      id: 'ouderavond',
      data: { ...data, organiser: { id: data.organiser }, location: { organisation: { id: data.location.organisation }, location: data.location.location } },
    };
  };

  test('one option per meeting, each with its places, closing when it starts; the server reads the same', () => {
    const [a] = resolveActivities([entry({})], [cjg]);
    const info = signupInfo(a);
    expect(info).toEqual({
      options: [
        // Each evening ends on its own: its sign-ups are deleted after THAT evening.
        {
          key: '2027-01-28T19:30',
          label: 'donderdag 28 januari 2027, 19.30 tot 21.00 uur',
          places: 30,
          start: '2027-01-28T19:30:00+01:00',
          end: '2027-01-28T21:00:00+01:00',
        },
        {
          key: '2027-05-20T19:30',
          label: 'donderdag 20 mei 2027, 19.30 tot 21.00 uur',
          places: 20,
          start: '2027-05-20T19:30:00+02:00',
          end: '2027-05-20T21:00:00+02:00',
        },
      ],
      maxPeople: 4,
      ends: '2027-05-20T21:00:00+02:00',
      // For the page's "bel of mail" when signing up here has closed.
      contact: { name: 'CJG Voorbeeldstad', phone: '012-345 67 89', email: 'info@cjg.voorbeeldstad.example', url: null, page: '/sociale-kaart/cjg/' },
    });
    // Through JSON, as the server reads the built file; past meetings stay in `signup` after a rebuild.
    const record = activityRecord(a, 'https://cjg.example', Date.parse('2027-03-01T00:00:00Z'));
    // The open data has the contact once, under `organiser`.
    expect(record.organiser).toEqual({ id: 'cjg', name: 'CJG Voorbeeldstad', url: null, phone: '012-345 67 89', email: 'info@cjg.voorbeeldstad.example' });
    expect(record.signup).not.toHaveProperty('contact');
    const json: unknown = JSON.parse(JSON.stringify([record]));
    const read = parseCatalogue(json).get('ouderavond');
    expect(read).toEqual({
      id: 'ouderavond',
      title: 'Ouderavond gamen',
      organiser: 'CJG Voorbeeldstad',
      // Whom a parent can call or mail: what the sociale kaart says, nothing made up (no website here).
      contact: { name: 'CJG Voorbeeldstad', phone: '012-345 67 89', email: 'info@cjg.voorbeeldstad.example', url: null, page: '/sociale-kaart/cjg/' },
      options: info?.options,
      endsMs: Date.parse('2027-05-20T21:00:00+02:00'),
      maxPeople: 4,
      online: false,
    });
    // The page and the server build it with one function (shared/organiser-name.ts): the same contact.
    expect(read?.contact).toEqual(info?.contact);
    // Online (newcomer review 17-2, major 1): the open data says so under `location`, and the server reads it.
    const online = parseCatalogue([{ ...(json as Record<string, unknown>[])[0], location: { online: true, text: null } }]).get('ouderavond');
    expect(online?.online).toBe(true);
    // An example activity: the confirmation's running text names the organiser without "(…, voorbeeld)",
    // like the activity page (newcomer review 17-3, minor 4); staff keep the full name.
    const example = {
      ...(json as Record<string, unknown>[])[0],
      example_data: true,
      organiser: { ...record.organiser, name: 'Opvoedcursussen (Triple P en andere, voorbeeld)' },
    };
    const read2 = parseCatalogue([example]).get('ouderavond');
    expect(read2?.contact.name).toBe('Opvoedcursussen');
    expect(read2?.organiser).toBe('Opvoedcursussen (Triple P en andere, voorbeeld)');
    expect(parseCatalogue([{ ...example, example_data: false }]).get('ouderavond')?.contact.name).toBe('Opvoedcursussen (Triple P en andere, voorbeeld)');
    // The content may allow fewer (or up to 6) people per sign-up.
    const [two] = resolveActivities([entry({ join: { method: 'aanmelden-hier', text: 'Meld je hier aan.', max_people: 2 } })], [cjg]);
    expect(signupInfo(two)?.maxPeople).toBe(2);
  });

  test('a course is one option that closes when its first meeting starts', () => {
    const [a] = resolveActivities(
      [
        entry({
          format: 'reeks',
          join: { method: 'aanmelden-hier', text: 'Meld je hier aan voor de cursus.' },
          sessions: valid.sessions.map(({ date, start, end }) => ({ date, start, end })),
        }),
      ],
      [cjg],
    );
    expect(signupInfo(a)?.options).toEqual([
      {
        key: 'reeks',
        label: 'De hele reeks (2 bijeenkomsten), vanaf donderdag 28 januari 2027',
        places: 30,
        start: '2027-01-28T19:30:00+01:00',
        end: '2027-05-20T21:00:00+02:00',
      },
    ]);
    const phone = resolveActivities(
      [entry({ format: 'reeks', join: { method: 'bellen', text: 'Bel het CJG om je aan te melden.' }, sessions: [valid.sessions[0]], places: 30 })],
      [cjg],
    );
    expect(signupInfo(phone[0])).toBeNull();
  });

  test('records of another shape are skipped, not trusted', () => {
    expect(
      parseCatalogue([
        { id: 'x', title: 'X', organiser: { name: 'Y' }, signup: { options: [{ key: 'DROP TABLE', label: 'x', places: 1, start: 'nu' }], ends: 'morgen' } },
      ]),
    ).toEqual(new Map());
    expect(parseCatalogue({ not: 'a list' })).toEqual(new Map());
  });
});

describe('staff texts (newcomer review 17-3, minors 2 and 3)', () => {
  test('the waiting list says people and sign-ups', () => {
    expect(waitingLineText(4, 3)).toBe('4 personen (3 aanmeldingen) op de wachtlijst');
    expect(waitingLineText(1, 1)).toBe('1 persoon (1 aanmelding) op de wachtlijst');
  });

  test('after a cancel: who moved up, and who waits ahead because their group does not fit yet', () => {
    expect(cancelNoticeText('Marieke', { promoted: 1, promotedNames: ['Els'], notFitting: [{ name: 'Wim', people: 2 }] })).toBe(
      'Marieke is afgemeld. Els van de wachtlijst heeft nu een plek. Bel die persoon; je ziet "van wachtlijst" bij de naam. Wim (2 personen) past nog niet en blijft bovenaan de wachtlijst.',
    );
    expect(cancelNoticeText('Bram', { promoted: 0, promotedNames: [], notFitting: [] })).toBe('Bram is afgemeld.');
  });
});

describe('places', () => {
  test('a group that does not fit waits whole; past the waiting list, nothing', () => {
    expect(placement(12, { placedPeople: 10, waitingPeople: 0 }, 2)).toBe('placed');
    expect(placement(12, { placedPeople: 11, waitingPeople: 0 }, 2)).toBe('waiting');
    expect(placement(12, { placedPeople: 12, waitingPeople: 11 }, 1)).toBe('waiting');
    expect(placement(12, { placedPeople: 12, waitingPeople: 12 }, 1)).toBe('full');
    expect(placement(4, { placedPeople: 4, waitingPeople: 9 }, 1)).toBe('waiting');
    expect(placement(null, { placedPeople: 500, waitingPeople: 0 }, 6)).toBe('placed');
  });

  test('a new sign-up gets a free place only when no waiting group fits in it (attacker review 17-3, m1)', () => {
    // Triple P: 10 of 12 taken, "Groot" (3) waits: 2 places are free for a group of 1 or 2, not for 3.
    const groot = { placedPeople: 10, waitingPeople: 3, smallestWaiting: 3 };
    expect(placesLeft(12, groot)).toBe(2);
    expect(placement(12, groot, 1)).toBe('placed');
    expect(placement(12, groot, 2)).toBe('placed');
    expect(placement(12, groot, 3)).toBe('waiting');
    expect(optionState({ places: 12, start: '2099-01-01T00:00:00Z' }, groot, 0)).toBe('open');
    // A waiting group that fits is first: nobody passes it.
    const klein = { placedPeople: 10, waitingPeople: 4, smallestWaiting: 1 };
    expect(placesLeft(12, klein)).toBe(0);
    expect(placement(12, klein, 1)).toBe('waiting');
    // Without the smallest group (an older caller), every free place belongs to whoever waits.
    expect(placement(12, { placedPeople: 10, waitingPeople: 3 }, 1)).toBe('waiting');
  });

  test('state of an option: open, waiting list, closed, started', () => {
    const option = { places: 2, start: '2027-01-28T19:30:00+01:00' };
    const before = Date.parse('2027-01-28T18:29:59Z');
    expect(optionState(option, { placedPeople: 1, waitingPeople: 0 }, before)).toBe('open');
    expect(optionState(option, { placedPeople: 2, waitingPeople: 9 }, before)).toBe('waitlist');
    expect(optionState(option, { placedPeople: 2, waitingPeople: 10 }, before)).toBe('closed');
    expect(optionState(option, { placedPeople: 0, waitingPeople: 0 }, before + 1000)).toBe('started');
  });
});

describe('contact details as parents type them', () => {
  test.each([
    ['06-12345678', '0612345678'],
    ['06 12 34 56 78', '0612345678'],
    ['06.12345678', '0612345678'],
    ['+31612345678', '0612345678'],
    ['+31 (0)6-1234 5678', '0612345678'],
    ['0031 6 12345678', '0612345678'],
    ['020-1234567', '0201234567'],
    ['(0575) 12 34 56', '0575123456'],
    ['+49 30 12345678', '+493012345678'],
  ])('%s → %s', (typed, normal) => {
    expect(normalisePhone(typed)).toBe(normal);
  });

  test.each(['06-1234567', '06123456789', 'O612345678', '1234', '+31 6 1234', '112', '', '06-12345678 of 06-87654321'])('%s is no phone number', (typed) => {
    expect(normalisePhone(typed)).toBeNull();
  });

  test('phone numbers read as Dutch people write them, and stay text in a spreadsheet', () => {
    expect(formatPhone('0612345678')).toBe('06 12345678');
    expect(formatPhone('0201234567')).toBe('020 1234567');
    expect(formatPhone('+493012345678')).toBe('+49 3012345678');
  });

  test.each([
    ['jan@gmial.con', 'jan@gmail.com'],
    ['x@gmial.con', 'x@gmail.com'],
    ['ayse@hotmal.nl', 'ayse@hotmail.nl'],
    ['ayse@hotmail.nk', 'ayse@hotmail.nl'],
    ['mo@gmail.nl', 'mo@gmail.com'],
    ['mo@gmail.co', 'mo@gmail.com'],
    ['els@hotmail.con.nl', 'els@hotmail.nl'],
    ['els@outlok.con', 'els@outlook.com'],
    ['bram@zigo.nl', 'bram@ziggo.nl'],
  ])('two typos at once are one suggestion: %s → %s (newcomer review 17-3, m1)', (typed, meant) => {
    expect(checkEmail(typed)).toMatchObject({ ok: true, suggestion: meant });
  });

  test.each(['jan@hotmail.de', 'jan@example.co', 'jan@gmail.com', 'jan@hotmail.be', 'jan@mail.gmial.com', 'jan@xs4all.nl'])(
    'a real or unknown domain is left alone: %s',
    (typed) => {
      expect(checkEmail(typed)).not.toHaveProperty('suggestion');
    },
  );

  test('e-mail addresses: typos pointed out, domains in lower case, a phone number recognised', () => {
    expect(checkEmail(' Fatima@Hotmail.NL ')).toEqual({ ok: true, email: 'Fatima@hotmail.nl' });
    // A likely typo is suggested, never refused: the address is kept as typed (a rare domain may be real).
    expect(checkEmail('fatima@gmial.com')).toEqual({ ok: true, email: 'fatima@gmial.com', suggestion: 'fatima@gmail.com' });
    expect(checkEmail('fatima@hotmail.con')).toEqual({ ok: true, email: 'fatima@hotmail.con', suggestion: 'fatima@hotmail.com' });
    expect(emailSuggestion('sandra@hotmal.nl')).toBe('sandra@hotmail.nl');
    expect(emailSuggestion('Sandra@GMIAL.com')).toBe('Sandra@gmail.com');
    for (const real of [
      'sandra@hotmail.nl',
      'sandra@gmail.com',
      'sandra@ziggo.nl',
      'sandra@telfort.nl',
      'sandra@hetnet.nl',
      'sandra@planet.nl',
      'sandra@home.nl',
      'sandra@skynet.be',
      'sandra@web.de',
      'sandra@xs4all.nl',
    ]) {
      expect(emailSuggestion(real), real).toBeNull();
    }
    expect(emailSuggestion('geen adres')).toBeNull();
    expect(checkEmail('06-12345678')).toEqual({ ok: false, problem: 'phone' });
    for (const wrong of [
      'fatima',
      'fatima@',
      'fatima@hotmail',
      'fatima@hotmail,com',
      'fa tima@example.nl',
      'a@b@example.nl',
      'fatima@example..nl',
      '.fatima@example.nl',
    ]) {
      expect(checkEmail(wrong), wrong).toEqual({ ok: false, problem: 'format' });
    }
  });
});

describe('the shared schema and the form', () => {
  const form = {
    activity: 'triple-p',
    option: '',
    name: ' Anne-Marie ',
    phone: '',
    email: 'am@example.nl',
    people: '2',
    question: 'Is er oppas?\r\nGraag.',
    waitlist: '',
    leave_empty: '',
  };

  test('a good form becomes one normal request', () => {
    expect(signupSchema.parse(form)).toEqual({
      activity: 'triple-p',
      option: '',
      name: 'Anne-Marie',
      phone: null,
      email: 'am@example.nl',
      people: 2,
      question: 'Is er oppas?\nGraag.',
      waitlist: false,
      submission: null,
    });
    expect(signupSchema.parse({ ...form, people: 3, waitlist: true }).waitlist).toBe(true);
    // The form's one-time id is kept when it has the right shape; empty is none (a page without
    // JavaScript); any other shape is refused with a Dutch sentence (attacker review 17-3, m3).
    expect(signupSchema.parse({ ...form, submission: 'Ab3_x-Yz09Ab3_x-Yz09Ab' }).submission).toBe('Ab3_x-Yz09Ab3_x-Yz09Ab');
    expect(signupSchema.parse({ ...form, submission: '' }).submission).toBeNull();
    for (const bad of ['a', '1', ' x ', 'kort', '<script>', '../../', 'a'.repeat(65), 'a b c d e f g h i j k']) {
      const result = signupSchema.safeParse({ ...form, submission: bad });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe(
        'Dit formulier is niet goed verstuurd. Er is niets bewaard. Laad de pagina opnieuw en meld je nog een keer aan.',
      );
    }
    // Names lose bidi overrides and zero-width characters before any check (attacker review 17-3, m4).
    expect(signupSchema.parse({ ...form, name: 'Jan\u202eevil\u200b' }).name).toBe('Janevil');
  });

  test('each problem is tied to its form field', () => {
    const result = signupSchema.safeParse({ ...form, email: '', name: '', people: '0', leave_empty: 'x' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(signupFieldErrors(result.error)).toEqual({
      name: 'Vul je voornaam of voorletters in.',
      phone: 'Vul een telefoonnummer of een e-mailadres in, zodat de organisator je kan bereiken.',
      people: 'Kies met hoeveel personen je komt: 1 tot en met 6.',
      leave_empty: 'Er ging iets mis met het formulier. Controleer je gegevens en klik nog een keer op Aanmelden.',
    });
  });

  test('the form escapes what was typed and ties each error to its field', () => {
    const html = signupFormHtml({
      activity: 'triple-p',
      maxPeople: 4,
      options: [
        { key: 'a', label: 'Avond 1 <ouders>' },
        { key: 'b', label: 'Avond 2', note: 'Vol, wachtlijst' },
      ],
      values: { name: '"><script>alert(1)</script>', option: 'b', question: '</textarea><b>' },
      errors: { name: 'Gebruik alleen letters.' },
    });
    expect(html).not.toContain('<script>');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).toContain('&lt;/textarea&gt;&lt;b&gt;</textarea>');
    // Dates are radio buttons, each label whole (a closed drop-down cut them off at 320 px); the typed choice stays.
    expect(html).toContain(
      '<input type="radio" name="option" value="b" required checked> <span>Avond 2<span class="signup__choice-note" data-option-note> — Vol, wachtlijst</span></span>',
    );
    expect(html).toMatch(/<input type="radio" name="option" value="a" id="aanmelden-bijeenkomst" required> /);
    expect(html).toContain('Avond 1 &lt;ouders&gt;');
    expect(html).toMatch(/id="aanmelden-naam"[^>]*aria-describedby="aanmelden-naam-hint aanmelden-naam-fout" aria-invalid="true"/);
    expect(html).toContain('<a href="#aanmelden-naam">Gebruik alleen letters.</a>');
    // One option: nothing to choose, so no list.
    expect(signupFormHtml({ activity: 'x', maxPeople: 4, options: [{ key: 'reeks', label: 'De cursus' }] })).toContain(
      '<input type="hidden" name="option" value="reeks">',
    );
    // The number of people offered is the activity's own maximum; the name field's limit is the server's.
    const two = signupFormHtml({ activity: 'x', maxPeople: 2, options: [{ key: 'reeks', label: 'De cursus' }] });
    expect([...two.matchAll(/<option value="(\d)"/g)].map((m) => m[1])).toEqual(['1', '2']);
    expect(two).toContain('Hooguit 2.');
    expect(two).toMatch(/id="aanmelden-naam"[^>]*maxlength="60"/);
  });
});

describe('invisible characters (attacker review 17, m4)', () => {
  const base = { activity: 'triple-p', option: '', name: 'Anna', phone: '0612345678', email: '', people: '1', question: '', leave_empty: '' };
  const parse = (over: Record<string, string>) => signupSchema.safeParse({ ...base, ...over });

  test('zero-width and bidi characters are taken out of an e-mail address: it is stored as it is seen', () => {
    for (const typed of ['ann@exa\u200Bmple.nl', 'an\u202En@example.nl', 'ann@ex\u202Eample.nl', '\uFEFFann@example.nl', 'ann@example.nl\u2066']) {
      const r = parse({ email: typed });
      expect(r.success, JSON.stringify(typed)).toBe(true);
      if (r.success) expect(r.data.email).toBe('ann@example.nl');
    }
    // Nothing visible before the @, or a control character: refused with the Dutch sentence.
    for (const typed of ['\u202E@example.nl', 'a\u0000b@example.nl', 'a\u0007@example.nl']) {
      const r = parse({ email: typed });
      expect(r.success, JSON.stringify(typed)).toBe(false);
      if (!r.success) expect(r.error.issues[0]?.message).toMatch(/e-mailadres/);
    }
    // International addresses still work.
    expect(parse({ email: 'jürgen@bücher.de' }).success).toBe(true);
    expect(parse({ email: 'info@xn--bcher-kva.xn--p1ai' }).success).toBe(true);
  });

  test('a name needs a letter: combining marks alone, or a stack of them, are refused; real names pass', () => {
    for (const bad of ['\u0301', '\u0301\u0301', `e${'\u0301'.repeat(10)}`, '\u200B', '\u202E']) {
      expect(parse({ name: bad }).success, JSON.stringify(bad)).toBe(false);
    }
    for (const good of ['Nguyễn', 'Nguye\u0302\u0303n', 'José', 'Jose\u0301', 'محمد', '李', 'Anne-Marie', "D'Souza", 'नमिता']) {
      expect(parse({ name: good }).success, good).toBe(true);
    }
    const hidden = parse({ name: 'An\u200Bna' });
    expect(hidden.success && hidden.data.name).toBe('Anna');
  });

  test('a name as parents write it, with ordinary punctuation, passes; markup and invisible tricks do not (newcomer review 17-2, minor 11)', () => {
    for (const good of ['Ayşe (moeder van Emre)', 'Jan & Ria', 'Jan/Ria', 'Kim, moeder van Sem', 'J. de Vries-Öztürk']) {
      expect(parse({ name: good }).success, good).toBe(true);
    }
    for (const bad of ['<b>Ayşe</b>', '(Ayşe)', 'Ayşe "mama"', 'Ayşe; DROP', 'Ayşe <moeder>', '=HYPERLINK(1)', 'Ayşe\u202E(moeder)'.replace('\u202E', '{}')]) {
      expect(parse({ name: bad }).success, bad).toBe(false);
    }
  });

  test('the question loses bidi, zero-width, NUL and broken character halves; line breaks stay', () => {
    const r = parse({ question: 'Mag\u202E mijn\u200B oppas\u0000 mee?\r\nGraag \uD800 zo.\tDank' });
    expect(r.success && r.data.question).toBe('Mag mijn oppas mee?\nGraag  zo.\tDank');
  });
});

describe('the privacy page (attacker review 17, M4)', () => {
  test('says what a sign-up keeps, that it is encrypted, who reads it and when it is deleted, as the server does', () => {
    const page = readFileSync(new URL('../../src/pages/privacy.md', import.meta.url), 'utf8');
    const section = page.slice(page.indexOf('## Als je je aanmeldt'), page.indexOf('## Snel weg'));
    for (const word of [
      'voornaam of voorletters',
      'telefoonnummer of e-mailadres',
      'hoeveel personen',
      'vraag',
      'versleuteld',
      'Wie ze ziet',
      'meldt een medewerker je af',
    ]) {
      expect(section).toContain(word);
    }
    expect(section).toContain(`${DEFAULT_SIGNUP_RETENTION_DAYS} dagen na de laatste bijeenkomst`);
    // One evening of a series of stand-alone evenings is deleted after THAT evening (the server's sweep).
    expect(section).toContain(`${DEFAULT_SIGNUP_RETENTION_DAYS} dagen na die avond`);
  });
});
