import { isZoneClass } from '../../../shared/zones/constants.ts';
import type { PublicZone, ZoneClass } from '../../../shared/zones/schemas.ts';
import { CLASSES } from './classStyle.ts';

export interface ZoneFilter {
  /** Words to find in a zone's name (any language) or P-code. */
  text: string;
  /** One class, or every class. */
  zoneClass: ZoneClass | null;
}

/**
 * Text as compared when searching: lower case, without accents or Arabic short vowels, and with the forms of
 * alef taken as one ("Bérë" finds "bere", "أم" finds "ام").
 */
export function searchable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
    .toLocaleLowerCase('en')
    .replace(/\s+/g, ' ')
    .trim();
}

export function matchesZone(zone: PublicZone, filter: ZoneFilter): boolean {
  if (filter.zoneClass && zone.class !== filter.zoneClass) return false;
  const words = searchable(filter.text).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [zone.pcode, ...Object.values(zone.name)].map(searchable).join('\n');
  return words.every((word) => haystack.includes(word));
}

/** The zones the filter keeps, by P-code (so a region's districts follow it). */
export function filterZones(zones: readonly PublicZone[], filter: ZoneFilter): PublicZone[] {
  return zones.filter((zone) => matchesZone(zone, filter)).sort((a, b) => a.pcode.localeCompare(b.pcode, 'en'));
}

/** How many zones have each class, every class listed (zero included), worst first. */
export function countByClass(zones: readonly PublicZone[]): Record<ZoneClass, number> {
  const counts = Object.fromEntries(CLASSES.map((zoneClass) => [zoneClass, 0])) as Record<ZoneClass, number>;
  for (const zone of zones) counts[zone.class] += 1;
  return counts;
}

/** The filter kept in the page's address (?q=…&class=…), so a filtered list can be shared or bookmarked. */
export function filterFromSearch(params: URLSearchParams): ZoneFilter {
  const zoneClass = params.get('class');
  return { text: params.get('q') ?? '', zoneClass: isZoneClass(zoneClass) ? zoneClass : null };
}

/** True when the address names a class that is not one (`?class=safe`): the page says so beside the filter. */
export function invalidClass(params: URLSearchParams): boolean {
  const zoneClass = params.get('class');
  return zoneClass !== null && zoneClass !== '' && !isZoneClass(zoneClass);
}

export function filterToSearch(filter: ZoneFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.text) params.set('q', filter.text);
  if (filter.zoneClass) params.set('class', filter.zoneClass);
  return params;
}
