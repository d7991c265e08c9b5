/**
 * The chat console's sociale-kaart lookup: one card per active service, found the way the public
 * sociale kaart finds it (src/lib/sociale-kaart.ts with the query module): people's words
 * ("blowt" → drugs), typos, topics and audiences, best match first. Pure, so the page builds the
 * cards at build time and the console searches them in the browser without a request.
 */
import { translator } from '../../shared/i18n/fill.ts';
import { consoleStrings } from '../../shared/i18n/nl/console.ts';
import type { Organisation } from '../schemas/organisation.ts';
import type { Vocabulary } from './query.ts';
import { callNumber, EMPTY_FILTERS, kaartResults, serviceFacts, type ServiceFacts } from './sociale-kaart.ts';

// Runs in the console: only the console's strings.
const t = translator(consoleStrings);

export interface KaartLookupCard {
  /** `<organisation id>/<service id>`. */
  id: string;
  /** The service's name. */
  name: string;
  organisation: string;
  phone?: string;
  /** The service's or organisation's own website, as given in the content. */
  url?: string;
  /** The organisation's page on this site, as a full address: every card has one. */
  page: string;
  facts: ServiceFacts;
}

/**
 * `https://cjg.voorbeeldstad.example/sociale-kaart/halt/`: the public page a young person can open. The site's
 * address comes from the caller (the page, at build time): the site configuration would bring zod into the console.
 */
export function kaartPageUrl(organisationId: string, siteUrl: string): string {
  return new URL(`/sociale-kaart/${encodeURIComponent(organisationId)}/`, siteUrl).href;
}

/** The cards of every active service, in the order of the content (ties keep it). */
export function kaartLookupCards(organisations: readonly { id: string; data: Organisation }[], vocabulary: Vocabulary, siteUrl: string): KaartLookupCard[] {
  return organisations.flatMap(({ id, data: org }) =>
    org.services
      .filter((service) => service.status === 'active')
      .map((service) => {
        const phone = callNumber(org, service);
        const url = service.url ?? org.url;
        return {
          id: `${id}/${service.id}`,
          name: service.name,
          organisation: org.name,
          ...(phone ? { phone } : {}),
          ...(url ? { url } : {}),
          page: kaartPageUrl(id, siteUrl),
          facts: serviceFacts(org, service, vocabulary),
        };
      }),
  );
}

/** The best cards for what a counsellor typed; nothing for a query without a meaningful word. */
export function lookupKaart(cards: readonly KaartLookupCard[], query: string, vocabulary: Vocabulary, limit = 6): KaartLookupCard[] {
  const found = kaartResults(
    cards,
    (card) => card.facts,
    { ...EMPTY_FILTERS, q: query },
    vocabulary,
    () => true,
  );
  return found.terms === 0 ? [] : found.items.slice(0, limit);
}

/**
 * What goes into the answer: "Vroeghulp (Jeugdteam) · bel 012-345 67 89 · https://…". Always with a link:
 * the organisation's own website as given in the content, else its page on this site (which has every detail).
 */
export function kaartLookupText(card: Pick<KaartLookupCard, 'name' | 'organisation' | 'phone' | 'url' | 'page'>): string {
  const who = card.name === card.organisation ? card.name : `${card.name} (${card.organisation})`;
  return [who, card.phone ? t('console.tools.kaartCall', { phone: card.phone }) : '', card.url ?? card.page].filter(Boolean).join(' · ');
}
