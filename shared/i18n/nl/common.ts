/**
 * UI strings that islands of more than one area show. They live here, once, so that an island loads
 * its own area's module and this one, never another area's whole module.
 */
export const commonStrings = {
  'phone.call': 'Bel {phone}',
  'chat.linesNow.title': 'Nu meteen met iemand praten',
  'vraag.link.label': 'Stel je vraag',
  'vraag.error.network': 'Er is geen verbinding met de website. Controleer je internet en probeer het opnieuw.',
} as const;
