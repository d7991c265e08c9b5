/**
 * A sociale-kaart organisation as a card a counsellor can insert in an answer: name, first phone number
 * (of the organisation, else of its first service with one) and website. Pure, so the staff pages map
 * the content collection the same way.
 */
export interface KaartCard {
  id: string;
  name: string;
  url?: string;
  phone?: string;
}

interface LooseOrganisation {
  name: string;
  url?: string;
  phones?: { number: string }[];
  services?: { phones?: { number: string }[] }[];
}

export function kaartCard(id: string, data: unknown): KaartCard {
  const org = data as LooseOrganisation;
  const phone = org.phones?.[0]?.number ?? org.services?.find((s) => s.phones?.length)?.phones?.[0]?.number;
  return { id, name: org.name, ...(org.url ? { url: org.url } : {}), ...(phone ? { phone } : {}) };
}

export function kaartCards(entries: { id: string; data: unknown }[]): KaartCard[] {
  return entries.map(({ id, data }) => kaartCard(id, data)).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/** The text inserted into an answer: "Veilig Thuis, bel 0800-2000, https://veiligthuis.nl". */
export function kaartCardText(card: KaartCard): string {
  return [card.name, card.phone ? `bel ${card.phone}` : '', card.url ?? ''].filter(Boolean).join(', ');
}
