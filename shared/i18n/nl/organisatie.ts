/**
 * UI strings of an organisation's page in the sociale kaart (`/sociale-kaart/<id>/`) and of the facts
 * the site shows about a service elsewhere (access routes, fees, the help block in articles). Only the
 * built pages use them; no island loads this module.
 */
export const organisatieStrings = {
  // Organisation page
  'org.contact': 'Contactgegevens',
  'org.website': 'Website',
  'org.email': 'E-mail',
  'org.phone': 'Telefoon',
  'org.copy': 'Kopieer',
  'org.copyLabel': 'Kopieer {what}',
  'org.copied': 'Gekopieerd: {value}',
  'org.copyFailed': 'Kopiëren lukte niet. Selecteer de tekst en kopieer hem zelf.',
  'org.services': 'Wat ze doen',
  'org.forWhom': 'Voor wie',
  'org.topics': 'Onderwerpen',
  'org.howIn': 'Zo kom je binnen',
  'org.referral': 'Verwijzing',
  'org.fees': 'Kosten',
  'org.languages': 'Talen',
  'org.anonymous': 'Anoniem',
  'org.anonymousYes': 'Ja, je hoeft je naam niet te zeggen',
  'org.anonymousNo': 'Nee',
  'org.unknown': 'Niet bekend',
  'org.hours': 'Openingstijden',
  'org.holidaysClosed': 'Gesloten op feestdagen.',
  'org.holidaysOpen': 'Ook open op feestdagen.',
  'org.byAppointment': 'Ook op afspraak.',
  'org.waitTime': 'Wachttijd',
  'org.locations': 'Locaties',
  'org.address': 'Adres',
  'org.wijk': 'Wijk',
  'org.accessibility': 'Toegankelijkheid',
  'org.transportation': 'Bereikbaarheid',
  'org.verified': 'Laatst gecontroleerd',
  'org.verifiedUnknown': 'Niet bekend wanneer deze gegevens zijn gecontroleerd.',
  'org.verifiedStale': '{date} (mogelijk verouderd)',
  'org.sources': 'Bronnen',
  'org.print': 'Print deze pagina',
  'org.exampleNotice':
    'Dit zijn voorbeeldgegevens: deze organisatie, het adres en de nummers zijn verzonnen. De gemeente {gemeente} vervangt ze door echte gegevens.',
  'org.werkgebied.landelijk': 'Landelijk',
  'org.werkgebied.regio': 'In de regio',
  'org.werkgebied.gemeente': 'In de hele gemeente',
  'org.werkgebied.wijk': 'In de wijk',
  'org.back': 'Terug naar de sociale kaart',

  // Access routes ("zo kom je binnen")
  'route.bellen': 'Bellen',
  'route.langskomen': 'Langskomen',
  'route.mailen': 'Mailen',
  'route.chatten': 'Chatten',
  'route.online': 'Via de website',
  'route.via-school': 'Via school',
  'route.uitnodiging': 'Je krijgt een uitnodiging',
  'route.verwijzing-huisarts': 'Verwijzing van de huisarts of jeugdarts',
  'route.verwijzing-wijkteam': 'Verwijzing van het wijkteam',
  'route.verwijzing-professional': 'Via politie of een andere professional',
  'route.verwijzing-rechter': 'Via de kinderrechter',

  // Fees
  'fees.gratis': 'Gratis',
  'fees.eigen-bijdrage': 'Eigen bijdrage',
  'fees.zorgverzekering': 'Via de zorgverzekering',
  'fees.gemeente': 'Betaald door de gemeente',
  'fees.onbekend': 'Niet bekend',

  // Help block in articles
  'help.matched': 'Ook voor dit onderwerp',
} as const;
