import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { PublicZoneDetail } from '../../../../shared/zones/schemas.ts';
import { ErrorPanel } from '../../../components/ErrorPanel.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { directionOf } from '../../../i18n/languages.ts';
import { createI18n } from '../../../i18n/setup.ts';
import { ClassBadge } from '../../../public/zones/ClassBadge.tsx';
import { formatPeriod } from '../../../public/zones/format.ts';
import { Explanation } from '../../../zones/Explanation.tsx';

/**
 * The intended zone's current class and why, exactly as the public zone page words it, in the language the person
 * is told in (which may not be the counsellor's): what the counsellor reads out before recording that it was given.
 */
export function ZoneInformationPanel({ zone, language }: { zone: PublicZoneDetail | null; language: string }) {
  const catalogue = useQuery({
    queryKey: ['i18n-instance', language],
    queryFn: () => createI18n(language),
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (catalogue.isPending) return <PageLoader />;
  if (catalogue.isError) return <ErrorPanel error={catalogue.error} onRetry={() => void catalogue.refetch()} />;
  return (
    <I18nextProvider i18n={catalogue.data}>
      <div lang={language} dir={directionOf(language)} className="case-zone-information">
        <ZoneWords zone={zone} language={language} />
      </div>
    </I18nextProvider>
  );
}

function ZoneWords({ zone, language }: { zone: PublicZoneDetail | null; language: string }) {
  const { t } = useTranslation();
  const current = zone?.current ?? null;
  if (!current) return <Text>{t('publicZones.zone.noCurrent')}</Text>;
  return (
    <Stack gap="xs" align="flex-start">
      <span className="zone-badge-large">
        <ClassBadge zoneClass={current.class} />
      </span>
      <Text fw={500}>{t(`publicZones.zone.returning.${current.class}`)}</Text>
      <Text size="sm">{formatPeriod(current.period, language)}</Text>
      <Explanation classification={current.classification} framework={zone?.framework?.definition} />
    </Stack>
  );
}
