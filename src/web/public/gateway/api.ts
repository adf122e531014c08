import type { PublicGatewayFigures } from '../../../shared/gateway/schemas.ts';
import type { LocalizedText, PublicZone } from '../../../shared/zones/schemas.ts';
import type { PublicQuery } from '../data.ts';
import { usePublicQuery } from '../zones/api.ts';

/** A place the submission form offers: the published states, regions and districts (not every locality). */
export interface FormZone {
  pcode: string;
  name: LocalizedText;
}
const FORM_LEVELS: readonly string[] = ['state', 'admin1', 'admin2'];

/** The zones the submission form lists, shaped to what the list shows (the data travels inside the page). */
export const feedbackZonesQuery: PublicQuery<FormZone[]> = {
  key: ['public-gateway', 'zones'],
  path: '/public/zones',
  shape: (body) =>
    (body as PublicZone[])
      .filter((zone) => FORM_LEVELS.includes(zone.level))
      .map(({ pcode, name }) => ({ pcode, name })),
};

/** The gateway's public figures: counts after disclosure control, computed on every read. */
export const feedbackFiguresQuery: PublicQuery<PublicGatewayFigures> = {
  key: ['public-gateway', 'figures'],
  path: '/public/gateway/figures',
  shape: (body) => body as PublicGatewayFigures,
};

export const useFeedbackZones = () => usePublicQuery(feedbackZonesQuery);
export const useFeedbackFigures = () => usePublicQuery(feedbackFiguresQuery);
