/**
 * UI strings of the sociale-kaart list (`/sociale-kaart/`) with its filters, and the facts on a service
 * card. The filters island loads this module; an organisation's own page is in ./organisatie.ts, the
 * opening-hours engine's strings in ./opening.ts, the tap-to-call label in ./common.ts.
 */
export const socialeKaartStrings = {
  // Directory page
  'kaart.title': 'Sociale kaart',
  'kaart.description': 'Waar kun je terecht met vragen over opvoeden en opgroeien? Zoek op doelgroep, leeftijd, onderwerp en wijk.',
  'kaart.intro':
    'Alle organisaties en diensten voor ouders, kinderen, jongeren en professionals. Kies filters om de lijst kleiner te maken. De link van een gefilterde lijst kun je delen.',
  'kaart.filters': 'Filters',
  'kaart.filtersToggle': 'Filters',
  'kaart.filtersActive': 'Filters ({n} aan)',
  'kaart.partial': 'Geen dienst past bij alles wat je typte. Deze passen bij een deel ervan.',
  'kaart.filter.q': 'Zoek in de lijst',
  'kaart.filter.qPlaceholder': 'Bijv. alcohol, scheiding, schulden',
  'kaart.filter.doelgroep': 'Voor wie',
  'kaart.filter.leeftijd': 'Leeftijd in jaren',
  'kaart.filter.leeftijdHint': 'Bijvoorbeeld 15, of 12-18',
  'kaart.filter.leeftijdError': 'Vul een leeftijd in jaren in, bijvoorbeeld 15, of twee leeftijden zoals 12-18. Dit filter staat nu uit.',
  'kaart.filter.onderwerp': 'Onderwerp',
  'kaart.filter.wijk': 'Wijk',
  'kaart.filter.zonderVerwijzing': 'Zonder verwijzing',
  'kaart.filter.nuOpen': 'Nu open',
  'kaart.filter.all': 'Alle',
  'kaart.filter.reset': 'Wis filters',
  'kaart.filter.submit': 'Toon resultaten',
  'kaart.share': 'Deel deze lijst',
  'kaart.share.done': 'De link naar deze lijst is gekopieerd.',
  'kaart.share.manual': 'Kopiëren lukte niet. Kopieer de link hieronder zelf.',
  'kaart.share.linkLabel': 'Link naar deze lijst',
  'kaart.count': '{n} diensten gevonden',
  'kaart.countOne': '1 dienst gevonden',
  'kaart.countNone': 'Geen diensten gevonden. Haal een filter weg of kies een andere leeftijd.',
  'kaart.noscript': 'Filteren werkt met JavaScript. Hieronder staat de hele lijst.',
  'kaart.list': 'Diensten',
  'kaart.openData': 'Open data: download de sociale kaart als {json} (Open Referral HSDS 3.0) of als {csv}.',
  'kaart.exampleNotice': 'Voorbeeldgegevens: organisaties met dit label zijn verzonnen. De gemeente {gemeente} vervangt ze door echte gegevens.',

  // Facts about a service
  'kaart.exampleBadge': 'Voorbeeld',
  'kaart.zonderVerwijzing': 'Zonder verwijzing',
  'kaart.verwijzingNodig': 'Verwijzing nodig',
  'kaart.ages': '{min} tot en met {max} jaar',
  'kaart.agesFrom': 'Vanaf {min} jaar',
  'kaart.agesUntil': 'Tot en met {max} jaar',
  'kaart.agesNone': 'Geen leeftijdsgrens opgegeven',
  'kaart.agesUnborn': 'Zwangerschap en de eerste weken na de geboorte',
  'kaart.byOrg': 'Van {org}',
  'kaart.hoursUnknown': 'Openingstijden niet bekend',
  'kaart.status.inactive': 'Deze dienst is er nu niet.',
  'kaart.status.defunct': 'Deze dienst bestaat niet meer.',
  'kaart.status.temporarily closed': 'Deze dienst is tijdelijk gesloten.',
} as const;
