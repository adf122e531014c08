import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PublicZoneDetail } from '../../../shared/zones/schemas.ts';
import { useFormatters } from '../../components/format.ts';
import { Explanation } from '../../zones/Explanation.tsx';
import { ClassBadge } from './ClassBadge.tsx';
import { formatPeriod } from './format.ts';
import { INSIDE_ID } from './ZoneAround.tsx';

type Entry = NonNullable<PublicZoneDetail['current']>;
type Framework = PublicZoneDetail['framework'];

/**
 * The zone's current published class, what it means for someone thinking of returning (one plain sentence), its
 * period, and why it has it, in the reader's language. A zone with none of its own but with zones inside it (a
 * district and its localities) says so and links to their list.
 */
export function ZoneCurrent({
  current,
  framework,
  inside,
}: {
  current: Entry | null;
  framework: Framework;
  inside: number;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  return (
    <>
      <section aria-labelledby="zone-current-title">
        <Title id="zone-current-title" order={2} mb="sm">
          {t('publicZones.zone.currentTitle')}
        </Title>
        {current ? (
          <Stack gap="xs" align="flex-start">
            <span className="zone-badge-large">
              <ClassBadge zoneClass={current.class} />
            </span>
            <Text maw={760} fw={500}>
              {t(`publicZones.zone.returning.${current.class}`)}
            </Text>
            <Text>
              {t('publicZones.zone.publishedFor', {
                period: formatPeriod(current.period, i18n.language),
                date: format.date(current.publication.publishedAt),
              })}
            </Text>
          </Stack>
        ) : inside > 0 ? (
          <Stack gap="xs" maw={760}>
            <Text>{t('publicZones.zone.noCurrentInside', { count: inside })}</Text>
            <Anchor href={`#${INSIDE_ID}`}>{t('publicZones.zone.seeInside')}</Anchor>
          </Stack>
        ) : (
          <Text>{t('publicZones.zone.noCurrent')}</Text>
        )}
      </section>
      {current ? (
        <section aria-labelledby="zone-why-title">
          <Title id="zone-why-title" order={2} mb="sm">
            {t('publicZones.zone.whyTitle')}
          </Title>
          <div style={{ maxWidth: 760 }}>
            <Explanation classification={current.classification} framework={framework?.definition} />
          </div>
        </section>
      ) : null}
    </>
  );
}
