import { Anchor, Box, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { PublicZoneLink } from '../../../shared/zones/schemas.ts';
import { directionOf } from '../../i18n/languages.ts';
import { useHydrated } from '../page-context.tsx';
import { usePublicZoneMapAround } from './api.ts';
import { ClassBadge } from './ClassBadge.tsx';
import { CLASS_TONE } from './classStyle.ts';
import { hasLanguage, localized } from './format.ts';
import type { LabelledFeature } from './geo.ts';
import { zonePopup } from './popup.ts';
import { type MapZone, ZoneMap } from './ZoneMap.tsx';

/** Where the list of the zones inside a zone starts: the class section links there when it has none of its own. */
export const INSIDE_ID = 'zone-inside';

/** Zones named by a zone's page, each a link with its class in words (or that none is published yet). */
export function ZoneLinks({ zones, labelledBy }: { zones: readonly PublicZoneLink[]; labelledBy: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <ul className="zone-links" aria-labelledby={labelledBy}>
      {zones.map((zone) => (
        <li key={zone.pcode}>
          <Anchor
            component={Link}
            to={`/zones/${zone.pcode}`}
            lang={hasLanguage(zone.name, language) ? undefined : 'en'}
          >
            {localized(zone.name, language, zone.pcode)}
          </Anchor>
          {zone.class ? (
            <ClassBadge zoneClass={zone.class} />
          ) : (
            <Text span size="sm" c="dimmed">
              {t('publicZones.zone.noClassYet')}
            </Text>
          )}
        </li>
      ))}
    </ul>
  );
}

/** A district's localities (a region's districts…), with their classes: what its page shows first. */
export function ZoneInside({ zones, name }: { zones: readonly PublicZoneLink[]; name: string }) {
  const { t } = useTranslation();
  if (zones.length === 0) return null;
  return (
    <section aria-labelledby={INSIDE_ID}>
      <Title id={INSIDE_ID} order={2} mb="xs">
        {t(`publicZones.zone.inside.${zones[0]!.level}`, { zone: name })}
      </Title>
      <Text mb="sm">{t('publicZones.zone.insideCount', { count: zones.length })}</Text>
      <ZoneLinks zones={zones} labelledBy={INSIDE_ID} />
    </section>
  );
}

/**
 * The zone among its neighbours: a map (with JavaScript: the zone outlined, the zones around and inside it coloured
 * by class and named, the regions' and districts' lines) and, always, the neighbours as a list of links.
 */
export function ZoneAround({
  pcode,
  name,
  neighbours,
}: {
  pcode: string;
  name: string;
  neighbours: readonly PublicZoneLink[];
}) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  return (
    <section aria-labelledby="zone-around-title">
      <Title id="zone-around-title" order={2} mb="sm">
        {t('publicZones.zone.aroundTitle')}
      </Title>
      {hydrated ? <AroundMap pcode={pcode} name={name} /> : null}
      <Title id="zone-neighbours-title" order={3} size="h4" mb="xs">
        {t('publicZones.zone.neighboursTitle')}
      </Title>
      {neighbours.length === 0 ? (
        <Text>{t('publicZones.zone.neighboursNone')}</Text>
      ) : (
        <ZoneLinks zones={neighbours} labelledBy="zone-neighbours-title" />
      )}
    </section>
  );
}

function AroundMap({ pcode, name }: { pcode: string; name: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const navigate = useNavigate();
  const map = usePublicZoneMapAround(pcode);
  const zones = useMemo<MapZone[]>(() => {
    const features = map.data ?? [];
    const label = (feature: LabelledFeature) => ({
      text: localized(feature.name, language, feature.pcode),
      lang: hasLanguage(feature.name, language) ? language : 'en',
    });
    const popup = (feature: LabelledFeature) => () =>
      zonePopup({
        name: localized(feature.name, language, feature.pcode),
        nameLang: hasLanguage(feature.name, language) ? language : 'en',
        classLabel: feature.zoneClass ? t(`zoneTerms.class.${feature.zoneClass}`) : t('publicZones.zone.noClassYet'),
        tone: feature.zoneClass ? CLASS_TONE[feature.zoneClass] : 'unknown',
        period: '',
        linkText: t('publicZones.list.openZone'),
        href: `/zones/${feature.pcode}`,
        lang: language,
        dir: directionOf(language),
        open: () => void navigate(`/zones/${feature.pcode}`),
      });
    const hasInside = features.some((feature) => feature.role === 'child');
    return features.flatMap((feature): MapZone[] => {
      switch (feature.role) {
        case 'context':
          return [
            { shape: feature.shape, zoneClass: null, draw: 'outline', level: feature.level, label: label(feature) },
          ];
        case 'zone':
          // A district is drawn through its localities, coloured; a locality is coloured itself. Both are outlined.
          return [
            ...(hasInside ? [] : [{ shape: feature.shape, zoneClass: feature.zoneClass }]),
            { shape: feature.shape, zoneClass: null, draw: 'highlight', level: feature.level, label: label(feature) },
          ];
        default:
          return [{ shape: feature.shape, zoneClass: feature.zoneClass, label: label(feature), popup: popup(feature) }];
      }
    });
  }, [map.data, language, t, navigate]);
  if (zones.length === 0) return null;
  return (
    <Box maw={720} mb="md">
      <ZoneMap
        zones={zones}
        label={t('publicZones.zone.mapLabel', { zone: name })}
        describedBy="zone-around-alt"
        height={340}
      />
      <Text id="zone-around-alt" mt="xs" size="sm">
        {t('publicZones.zone.mapAlt', { zone: name })}
      </Text>
    </Box>
  );
}
