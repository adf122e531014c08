import { Anchor, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { directionOf } from '../../i18n/languages.ts';
import { usePublicOutlines } from './api.ts';
import { ToneIcon } from './ClassBadge.tsx';
import { CLASS_TONE, CLASSES, TONE_STYLE } from './classStyle.ts';
import { countByClass } from './filter.ts';
import { formatPeriod, hasLanguage, localized } from './format.ts';
import type { ZoneFeature } from './geo.ts';
import { zonePopup } from './popup.ts';
import { type MapZone, ZoneMap } from './ZoneMap.tsx';
import { TABLE_ID } from './ZonesTable.tsx';

/**
 * The legend (every class in words, with its swatch, shape and how many zones on the map have it), the map,
 * and the map's text alternative. `features` are the zones with an outline; `total` counts every zone.
 */
export function ZonesMapSection({ features, total }: { features: readonly ZoneFeature[]; total: number }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const navigate = useNavigate();
  const counts = countByClass(features.map((feature) => feature.properties));
  // The regions and districts, drawn as named lines over the zones; the map is drawn without them until they come.
  const outlines = usePublicOutlines();

  const zones = useMemo<MapZone[]>(
    () => [
      ...features.flatMap(({ geometry, properties: zone }) =>
        geometry
          ? [
              {
                shape: geometry,
                zoneClass: zone.class,
                label: {
                  text: localized(zone.name, language, zone.pcode),
                  lang: hasLanguage(zone.name, language) ? language : 'en',
                },
                popup: () =>
                  zonePopup({
                    name: localized(zone.name, language, zone.pcode),
                    nameLang: hasLanguage(zone.name, language) ? language : 'en',
                    classLabel: t(`zoneTerms.class.${zone.class}`),
                    tone: CLASS_TONE[zone.class],
                    period: t('publicZones.list.period', { period: formatPeriod(zone.period, language) }),
                    linkText: t('publicZones.list.openZone'),
                    href: `/zones/${zone.pcode}`,
                    lang: language,
                    dir: directionOf(language),
                    open: () => void navigate(`/zones/${zone.pcode}`),
                  }),
              },
            ]
          : [],
      ),
      ...(outlines.data ?? []).map(
        (outline): MapZone => ({
          shape: outline.shape,
          zoneClass: null,
          draw: 'outline',
          level: outline.level,
          label: {
            text: localized(outline.name, language, outline.pcode),
            lang: hasLanguage(outline.name, language) ? language : 'en',
          },
        }),
      ),
    ],
    [features, outlines.data, language, t, navigate],
  );

  return (
    <section aria-labelledby="zones-map-title">
      <Title id="zones-map-title" order={2} mb="sm">
        {t('publicZones.list.mapTitle')}
      </Title>
      <Text mb="sm">
        <Anchor href={`#${TABLE_ID}`}>{t('publicZones.list.skipMap')}</Anchor>
      </Text>
      <Title order={3} size="h4" mb="xs" id="zones-legend-title">
        {t('publicZones.list.legend')}
      </Title>
      <ul className="zone-legend" aria-labelledby="zones-legend-title">
        {CLASSES.map((zoneClass) => {
          const style = TONE_STYLE[CLASS_TONE[zoneClass]];
          return (
            <li key={zoneClass}>
              <span
                className="zone-swatch"
                data-dashed={style.dashed ? '' : undefined}
                style={{ background: style.fill }}
                aria-hidden="true"
              />
              <ToneIcon tone={CLASS_TONE[zoneClass]} />
              <span>
                <Text span fw={600}>
                  {t(`zoneTerms.class.${zoneClass}`)}
                </Text>{' '}
                ({t('publicZones.list.legendCount', { count: counts[zoneClass] })})
              </span>
            </li>
          );
        })}
      </ul>
      <ZoneMap zones={zones} label={t('publicZones.list.mapLabel')} describedBy="zones-map-alt" height={460} />
      <Text id="zones-map-alt" mt="sm" maw={760}>
        {t('publicZones.list.mapAlt', { count: features.length })}
        {total > features.length ? ` ${t('publicZones.list.noShape', { count: total - features.length })}` : ''}
      </Text>
    </section>
  );
}
