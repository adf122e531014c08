import { Anchor, Breadcrumbs, Button, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { useFormatters } from '../../components/format.ts';
import { PageLoader } from '../../components/PageLoader.tsx';
import { ScreenHeader } from '../components/ScreenHeader.tsx';
import { useMe } from '../session.ts';
import { IndicatorHistory } from './IndicatorHistory.tsx';
import { PublicationFacts } from './PublicationFacts.tsx';
import { useZone } from './queries.ts';
import type { Zone } from './types.ts';
import { ClassBadge, useLocalName, usePeriodName } from './ui.tsx';
import { ZoneClassification } from './ZoneClassification.tsx';
import { ZoneObservations } from './ZoneObservations.tsx';

const zonePath = (zone: Zone) => `/staff/zones/${zone.pcode}`;

/** Where the zone sits: the zones list, then each enclosing zone, outermost first. */
function Ancestors({ ancestors }: { ancestors: Zone[] }) {
  const { t } = useTranslation();
  const nameOf = useLocalName();
  return (
    <nav aria-label={t('zones.breadcrumbs')}>
      <Breadcrumbs separator="›" separatorMargin={6} mb="sm" style={{ flexWrap: 'wrap' }}>
        <Anchor component={Link} to="/staff/zones" size="sm">
          {t('zones.list')}
        </Anchor>
        {ancestors.map((zone) => (
          <Anchor key={zone.pcode} component={Link} to={zonePath(zone)} size="sm">
            {nameOf(zone.name, zone.pcode)}
          </Anchor>
        ))}
      </Breadcrumbs>
    </nav>
  );
}

/** One zone: where it is, its class and why, its indicators over time, its observations and its published class. */
export default function ZonePage() {
  const { t } = useTranslation();
  const { pcode = '' } = useParams();
  const me = useMe();
  const format = useFormatters();
  const nameOf = useLocalName();
  const periodName = usePeriodName();
  const detail = useZone(pcode);
  if (detail.isPending) return <PageLoader />;
  if (detail.isError)
    return (
      <>
        <ScreenHeader title={t('zones.detail')} />
        <ErrorPanel error={detail.error} onRetry={() => void detail.refetch()} />
      </>
    );
  const { zone, ancestors, children, assessments, published, framework } = detail.data;

  return (
    <>
      <Ancestors ancestors={ancestors} />
      <ScreenHeader
        title={nameOf(zone.name, zone.pcode)}
        description={t('zones.zoneLine', {
          pcode: zone.pcode,
          level: t(`zones.level.${zone.level}`),
          population: zone.population === null ? t('zones.unknown') : format.number(zone.population),
        })}
        actions={
          me.permissions.includes('observation:create') ? (
            <Button component={Link} to={`/staff/zones/observations/new?pcode=${zone.pcode}`} variant="default">
              {t('zones.observe.forZone')}
            </Button>
          ) : null
        }
      />
      <Stack gap="md">
        <ZoneClassification assessments={assessments} framework={framework} />
        <Paper withBorder p="md" component="section" aria-labelledby="zone-published">
          <Title order={2} size="h4" id="zone-published" mb="sm">
            {t('zones.published.title')}
          </Title>
          {published ? (
            <Stack gap="sm">
              <Text>
                <ClassBadge zoneClass={published.class} />{' '}
                {t('zones.published.forPeriod', { period: periodName(published.period) })}
              </Text>
              <PublicationFacts publication={published.publication} />
            </Stack>
          ) : (
            <Text>{t('zones.published.none')}</Text>
          )}
        </Paper>
        <IndicatorHistory assessments={assessments} framework={framework} />
        <ZoneObservations pcode={zone.pcode} framework={framework} />
        {children.length > 0 ? (
          <Paper withBorder p="md" component="section" aria-labelledby="zone-children">
            <Title order={2} size="h4" id="zone-children" mb="sm">
              {t('zones.children', { count: children.length })}
            </Title>
            <List listStyleType="none" p={0} spacing={4}>
              {children.map((child) => (
                <List.Item key={child.pcode}>
                  <Anchor component={Link} to={zonePath(child)}>
                    {nameOf(child.name, child.pcode)}
                  </Anchor>{' '}
                  <span className="ltr-value">{child.pcode}</span>
                </List.Item>
              ))}
            </List>
          </Paper>
        ) : null}
      </Stack>
    </>
  );
}
