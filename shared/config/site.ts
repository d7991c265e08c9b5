import { siteConfigSchema } from './site-schema.ts';

/**
 * The one place a gemeente rebrands the portal. Nothing else in the code names a gemeente.
 * Contact details here are EXAMPLE DATA: replace them before going live.
 */
export const site = siteConfigSchema.parse({
  cjgName: 'CJG Voorbeeldstad',
  gemeente: 'Voorbeeldstad',
  siteUrl: 'https://cjg.voorbeeldstad.example',
  exampleData: true,
  contact: {
    phone: '012-345 67 89',
    email: 'info@cjg.voorbeeldstad.example',
    hours: 'Maandag tot en met vrijdag van 9:00 tot 17:00 uur.',
  },
  // Read by shared/opening-hours.ts (schema: shared/schedule.ts). Closed on Dutch public holidays;
  // add `exceptions: [{ date: '2026-12-24', hours: [{ opens: '14:00', closes: '17:00' }] }]` for other days.
  chat: {
    timeZone: 'Europe/Amsterdam',
    hours: [
      { days: [1, 2, 3, 4, 5], opens: '14:00', closes: '21:00' },
      { days: [6], opens: '12:00', closes: '17:00' },
    ],
  },
  // Verified national lines (product brief, "Facts that must be right"). A line with `hours` is not open
  // day and night; the closed-chat page leaves it out while it is closed.
  crisisLines: [
    { name: 'Alarmnummer', phone: '112', when: 'Bij direct gevaar. Altijd bereikbaar.' },
    {
      name: '113 Zelfmoordpreventie',
      phone: '0800-0113',
      when: 'Gratis en anoniem, dag en nacht. Of bel 113. Chatten kan op 113.nl.',
      url: 'https://www.113.nl',
    },
    {
      name: 'De Kindertelefoon',
      phone: '0800-0432',
      when: 'Gratis en anoniem, voor 8 tot 18 jaar. Elke dag van 11:00 tot 21:00 uur, ook bellen of chatten op kindertelefoon.nl.',
      url: 'https://www.kindertelefoon.nl',
      // kindertelefoon.nl, "Over ons": bellen en chatten tussen 11 en 21 uur, 365 dagen per jaar (checked 2026-12-02).
      hours: { timeZone: 'Europe/Amsterdam', hours: [{ days: [1, 2, 3, 4, 5, 6, 7], opens: '11:00', closes: '21:00' }], holidays: 'open' },
    },
    {
      name: 'Veilig Thuis',
      phone: '0800-2000',
      when: 'Gratis, dag en nacht. Advies en melden bij huiselijk geweld en kindermishandeling.',
      url: 'https://veiligthuis.nl',
    },
  ],
  // Standaardzinnen for the console; rewrite them in your CJG's own words.
  chatPhrases: [
    { title: 'Begroeting', text: 'Hoi! Fijn dat je er bent. Ik ben van het CJG. Waar wil je het over hebben?' },
    { title: 'Even lezen', text: 'Ik lees even wat je schreef. Een momentje.' },
    { title: 'Hoe voel je je (1 tot 10)', text: 'Hoe voel je je nu, op een schaal van 1 tot 10?' },
    { title: 'Anoniem', text: 'Je bent hier anoniem. Je hoeft je naam niet te zeggen, en ik zie niet wie je bent.' },
    { title: 'Ben je er nog?', text: 'Ben je er nog? Neem gerust de tijd. Ik wacht even op je.' },
    { title: 'Doorverwijzen', text: 'Er is een organisatie die je hier goed mee kan helpen. Zal ik je vertellen hoe je ze bereikt?' },
    { title: 'Afsluiten', text: 'Ik ga het gesprek zo afsluiten. Wil je nog iets kwijt? Je kunt altijd terugkomen.' },
  ],
  // "Stel je vraag": the answer promise shown to young people (see README, "Stel je vraag").
  questions: { answerWorkingDays: 3, keepAnsweredDays: 14 },
  quickExitUrl: 'https://www.google.nl/search?q=weer',
});
