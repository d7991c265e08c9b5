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
  // Verified national lines (product brief, "Facts that must be right").
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
      when: 'Gratis en anoniem, voor kinderen en jongeren van 8 tot 18 jaar.',
      url: 'https://www.kindertelefoon.nl',
    },
    {
      name: 'Veilig Thuis',
      phone: '0800-2000',
      when: 'Gratis, dag en nacht. Advies en melden bij huiselijk geweld en kindermishandeling.',
      url: 'https://veiligthuis.nl',
    },
  ],
  // "Stel je vraag": the answer promise shown to young people (see README, "Stel je vraag").
  questions: { answerWorkingDays: 3, keepAnsweredDays: 14 },
  quickExitUrl: 'https://www.google.nl/search?q=weer',
});
