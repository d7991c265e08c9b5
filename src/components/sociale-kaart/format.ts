/** Dutch wording of sociale-kaart facts, shared by the list, the organisation page and the help block. */
import { t, type UiKey } from '../../../shared/i18n/nl.ts';
import type { Kosten, OrgLocation, Service, Toegangsroute } from '../../schemas/organisation.ts';

export function ageText(s: Pick<Service, 'minimum_age' | 'maximum_age'>): string {
  const { minimum_age: min, maximum_age: max } = s;
  if (min === 0 && max === 0) return t('kaart.agesUnborn');
  if (min !== undefined && max !== undefined) return t('kaart.ages', { min, max });
  if (min !== undefined && min > 0) return t('kaart.agesFrom', { min });
  if (max !== undefined) return t('kaart.agesUntil', { max });
  return t('kaart.agesNone');
}

export const routeLabel = (r: Toegangsroute): string => t(`route.${r}` as UiKey);
export const feesLabel = (f: Kosten): string => t(`fees.${f}` as UiKey);

const languageNames = new Intl.DisplayNames(['nl'], { type: 'language' });
export const languageName = (code: string): string => languageNames.of(code) ?? code;

/** "22 november 2026" from YYYY-MM-DD. */
export function dateText(isoDate: string): string {
  return new Date(`${isoDate}T12:00:00Z`).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** A phone number as a tel: link target: digits only. */
export const telHref = (number: string): string => `tel:${number.replace(/[^0-9+]/g, '')}`;

/** One line: street and number, postcode and place ("Plein 1, 1234 AB Stad"); undefined without an address. */
export function addressText(location: Pick<OrgLocation, 'address'>): string | undefined {
  const a = location.address;
  return a && `${a.address_1}, ${a.postal_code} ${a.city}`;
}
