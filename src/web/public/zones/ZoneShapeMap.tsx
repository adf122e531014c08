import { Box, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZoneClass } from '../../../shared/zones/schemas.ts';
import { useHydrated } from '../page-context.tsx';
import { shapeOf } from './geo.ts';
import { type MapZone, ZoneMap } from './ZoneMap.tsx';

/** A small map of the zone's outline, when it has one. */
export function ZoneShapeMap({
  shape,
  zoneClass,
  name,
}: {
  shape: unknown;
  zoneClass: ZoneClass | null;
  name: string;
}) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const zones = useMemo<MapZone[]>(() => {
    const outline = shapeOf(shape);
    return outline ? [{ shape: outline, zoneClass }] : [];
  }, [shape, zoneClass]);
  // The outline is drawn with JavaScript only; without it the page's text says everything the map would.
  if (!hydrated || zones.length === 0) return null;
  return (
    <section aria-labelledby="zone-shape-title">
      <Title id="zone-shape-title" order={2} mb="sm">
        {t('publicZones.zone.shapeTitle')}
      </Title>
      <Box maw={560}>
        <ZoneMap
          zones={zones}
          label={t('publicZones.zone.shapeLabel', { zone: name })}
          describedBy="zone-shape-alt"
          height={280}
        />
        <Text id="zone-shape-alt" mt="xs" size="sm">
          {t('publicZones.zone.shapeAlt')}
        </Text>
      </Box>
    </section>
  );
}
