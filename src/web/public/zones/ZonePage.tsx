import './zones.css';
import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import type { PublicZoneDetail } from '../../../shared/zones.ts';
import { isApiError } from '../../api/problem.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/page.ts';
import { usePublicZone, usePublicZoneHistory } from './api.ts';
import { ClassMeanings, TransparencyNote } from './ClassMeanings.tsx';
import { hasLanguage, localized } from './format.ts';
import { PCODE } from './vocabulary.ts';
import { ZoneCriteria } from './ZoneCriteria.tsx';
import { ZoneCurrent } from './ZoneCurrent.tsx';
import { ZoneHistory } from './ZoneHistory.tsx';
import { ZoneShapeMap } from './ZoneShapeMap.tsx';

/** `/zones/:pcode`: a zone's current published class, why it has it, criterion by criterion, and its history. */
export default function ZonePage() {
  const { pcode = '' } = useParams();
  const upper = pcode.toUpperCase();
  if (upper !== pcode && PCODE.test(upper)) return <Navigate to={`/zones/${upper}`} replace />;
  return PCODE.test(pcode) ? <Zone pcode={pcode} /> : <ZoneNotFound pcode={pcode} />;
}

function Zone({ pcode }: { pcode: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const query = usePublicZone(pcode);
  const zone = query.data?.zone;
  const name = zone ? localized(zone.name, language, zone.pcode) : t('publicZones.zone.loadingTitle', { pcode });
  const notFound = isApiError(query.error) && query.error.status === 404;
  usePageTitle(notFound ? t('publicZones.notFound.title') : name);
  if (notFound) return <ZoneNotFound pcode={pcode} />;

  return (
    <Stack gap="xl">
      <section aria-labelledby="zone-title">
        <Anchor component={Link} to="/zones" size="sm">
          {t('publicZones.zone.back')}
        </Anchor>
        <Title id="zone-title" order={1} mt="xs" lang={zone && !hasLanguage(zone.name, language) ? 'en' : undefined}>
          {name}
        </Title>
        {zone ? (
          <Text mt="xs">
            {t('publicZones.zone.identity', { level: t(`publicZones.level.${zone.level}`), pcode: zone.pcode })}
            {zone.parentPcode ? (
              <>
                {' · '}
                <Anchor component={Link} to={`/zones/${zone.parentPcode}`}>
                  {t('publicZones.zone.partOf', { pcode: zone.parentPcode })}
                </Anchor>
              </>
            ) : null}
          </Text>
        ) : null}
      </section>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <ZoneSections detail={query.data} name={name} />
      )}
    </Stack>
  );
}

function ZoneSections({ detail, name }: { detail: PublicZoneDetail; name: string }) {
  const { current, framework } = detail;
  return (
    <>
      <ZoneCurrent current={current} framework={framework} />
      <ZoneShapeMap shape={detail.shape} zoneClass={current?.class ?? null} name={name} />
      {current ? <ZoneCriteria classification={current.classification} framework={framework} /> : null}
      <ZoneHistorySection pcode={detail.zone.pcode} current={current} name={name} />
      <ClassMeanings />
      <TransparencyNote seq={current?.publication.auditSeq} />
    </>
  );
}

/** The history comes in a request of its own, after the zone's class and why have been shown. */
function ZoneHistorySection({
  pcode,
  current,
  name,
}: {
  pcode: string;
  current: PublicZoneDetail['current'];
  name: string;
}) {
  const history = usePublicZoneHistory(pcode);
  return history.data ? <ZoneHistory history={history.data.history} current={current} name={name} /> : null;
}

function ZoneNotFound({ pcode }: { pcode: string }) {
  const { t } = useTranslation();
  usePageTitle(t('publicZones.notFound.title'));
  return (
    <Stack gap="md" maw={760}>
      <Title order={1}>{t('publicZones.notFound.title')}</Title>
      <Text>{t('publicZones.notFound.text', { pcode })}</Text>
      <Anchor component={Link} to="/zones">
        {t('publicZones.notFound.back')}
      </Anchor>
    </Stack>
  );
}
