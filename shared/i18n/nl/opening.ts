/**
 * UI strings of the opening-hours engine (shared/opening-hours.ts), used by the sociale kaart, the chat
 * and the help blocks in articles. A module of its own so the engine can ship to the browser without
 * the whole dictionary.
 */
export const openingStrings = {
  'opening.openUntil': 'Nu open tot {time}',
  'opening.openUntilMidnight': 'Nu open tot middernacht',
  'opening.openUntilTomorrow': 'Nu open tot morgen {time}',
  'opening.openUntilDay': 'Nu open tot {day} {time}',
  'opening.openAlways': 'Nu open, dag en nacht',
  'opening.opensToday': 'Opent vandaag om {time}',
  'opening.opensTomorrow': 'Opent morgen om {time}',
  'opening.opensOnDay': 'Opent {day} om {time}',
  'opening.opensOnDate': 'Opent op {date} om {time}',
  'opening.byAppointment': 'Op afspraak',
  'opening.closed': 'Gesloten',
  'opening.closedHoliday': 'Gesloten (feestdag: {name})',
  'opening.closedException': 'Vandaag gesloten ({reason})',
  'opening.closedToday': 'Vandaag gesloten',
  'opening.joiner': '{first}. {second}',
  'opening.dayRange': '{from} t/m {to}',
  'opening.dayPair': '{first} en {second}',
  'opening.everyDay': 'elke dag',
  'opening.allDay': 'hele dag',
} as const;
