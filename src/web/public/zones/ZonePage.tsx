import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { PCODE } from '../../../shared/zones/constants.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageStatus, usePageTitle } from '../../components/page.ts';
import { UnderChallenge } from '../forum/UnderChallenge.tsx';
import { usePublicZone, usePublicZoneHistory, type ZoneDetail } from './api.ts';
import { ClassMeanings, TransparencyNote } from './ClassMeanings.tsx';
import { hasLanguage, localized } from './format.ts';
import { ZoneAround, ZoneInside } from './ZoneAround.tsx';
import { ZoneCriteria } from './ZoneCriteria.tsx';
import { ZoneCurrent } from './ZoneCurrent.tsx';
import { ZoneDetails } from './ZoneDetails.tsx';
import { ZoneHistory } from './ZoneHistory.tsx';

/**
 * `/zones/:pcode`: a zone's current published class and what it means for a returnee, the places inside it, the
 * zone among its neighbours, why it has its class, criterion by criterion, its history, and (behind a disclosure)
 * the technical details.
 */
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
  const parent = query.data?.parent;
  const name = zone ? localized(zone.name, language, zone.pcode) : t('publicZones.zone.loadingTitle', { pcode });
  const notFound = query.data === null;
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
            {t(`publicZones.level.${zone.level}`)}
            {parent ? (
              <>
                {' · '}
                <Anchor component={Link} to={`/zones/${parent.pcode}`}>
                  {t('publicZones.zone.partOf', { name: localized(parent.name, language, parent.pcode) })}
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
      ) : query.data ? (
        <ZoneSections detail={query.data} name={name} />
      ) : null}
    </Stack>
  );
}

function ZoneSections({ detail, name }: { detail: ZoneDetail; name: string }) {
  const { current, framework, children, neighbours } = detail;
  const history = usePublicZoneHistory(detail.zone.pcode);
  return (
    <>
      <UnderChallenge pcode={detail.zone.pcode} />
      <ZoneCurrent current={current} framework={framework} inside={children.length} />
      <ZoneInside zones={children} name={name} />
      <ZoneAround pcode={detail.zone.pcode} name={name} neighbours={neighbours} />
      {current ? <ZoneCriteria classification={current.classification} framework={framework} /> : null}
      {history.isPending ? (
        <PageLoader />
      ) : history.isError ? (
        <ErrorPanel error={history.error} onRetry={() => void history.refetch()} />
      ) : (
        <ZoneHistory history={history.data} current={current} name={name} />
      )}
      <ClassMeanings />
      <TransparencyNote />
      <ZoneDetails detail={detail} />
    </>
  );
}

function ZoneNotFound({ pcode }: { pcode: string }) {
  const { t } = useTranslation();
  usePageTitle(t('publicZones.notFound.title'));
  usePageStatus(404);
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
