import type { PublicOutcomeFigures } from '../../../shared/outcomes/schemas/figures.ts';
import type { PublicQuery } from '../data.ts';
import { usePublicQuery } from '../zones/api.ts';

/** The public outcome figures: counts and means after disclosure control, by state, month of return and round. */
export const outcomeFiguresQuery: PublicQuery<PublicOutcomeFigures> = {
  key: ['public-outcomes', 'figures'],
  path: '/public/outcomes/figures',
  shape: (body) => body as PublicOutcomeFigures,
};

export const useOutcomeFigures = () => usePublicQuery(outcomeFiguresQuery);
