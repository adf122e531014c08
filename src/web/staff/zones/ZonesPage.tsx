import { Anchor, Button, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ZONE_LEVELS } from '../../../shared/zones/constants.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { useFormatters } from '../../components/format.ts';
import { PageLoader } from '../../components/PageLoader.tsx';
import { FilterForm } from '../components/FilterForm.tsx';
import { useFilters } from '../components/filters.ts';
import { OffsetPager } from '../components/Pager.tsx';
import { ScreenHeader } from '../components/ScreenHeader.tsx';
import { StackTable } from '../components/StackTable.tsx';
import { useMe } from '../session.ts';
import { currentPeriod, periodsUpTo } from './periods.ts';
import { useZones } from './queries.ts';
import type { ZoneLevel } from './types.ts';
import { ClassBadge, PeriodSelect, useLocalName, usePeriodName } from './ui.tsx';

const PAGE_SIZE = 50;
const NO_FILTERS = { q: '', level: '', period: '', offset: '0' };

/** Zones by P-code or name, level and period, with their class for the period and their published class. */
export default function ZonesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormatters();
  const periodName = usePeriodName();
  const nameOf = useLocalName();
  const [filters, setFilters] = useFilters(NO_FILTERS);
  const [draft, setDraft] = useState(filters);
  const offset = Math.max(0, Number(filters.offset) || 0);
  const zones = useZones({
    q: filters.q,
    level: filters.level as ZoneLevel | '',
    period: filters.period,
    limit: PAGE_SIZE,
    offset,
  });
  const apply = () => {
    setFilters({ ...draft, q: draft.q.trim(), offset: '0' });
  };
  const clear = () => {
    setDraft(NO_FILTERS);
    setFilters(NO_FILTERS);
  };

  return (
    <>
      <ScreenHeader
        title={t('zones.list')}
        description={t('zones.listIntro')}
        actions={
          me.permissions.includes('observation:create') ? (
            <Button component={Link} to="/staff/zones/observations/new">
              {t('zones.observe.title')}
            </Button>
          ) : null
        }
      />
      <FilterForm label={t('zones.filters')} onApply={apply} onClear={clear}>
        <TextInput
          type="search"
          label={t('zones.search')}
          description={t('zones.searchHint')}
          value={draft.q}
          onChange={(event) => setDraft({ ...draft, q: event.currentTarget.value })}
        />
        <NativeSelect
          label={t('zones.levelFilter')}
          value={draft.level}
          onChange={(event) => setDraft({ ...draft, level: event.currentTarget.value })}
        >
          <option value="">{t('zones.anyLevel')}</option>
          {ZONE_LEVELS.map((level) => (
            <option key={level} value={level}>
              {t(`zones.level.${level}`)}
            </option>
          ))}
        </NativeSelect>
        <PeriodSelect
          label={t('zones.period')}
          value={draft.period}
          periods={periodsUpTo(currentPeriod(), 24)}
          onChange={(period) => setDraft({ ...draft, period })}
          anyLabel={t('zones.latestAssessed')}
        />
      </FilterForm>
      {zones.isPending ? (
        <PageLoader />
      ) : zones.isError ? (
        <ErrorPanel error={zones.error} onRetry={() => void zones.refetch()} />
      ) : (
        <>
          <StackTable striped captionSide="top" verticalSpacing="sm" aria-busy={zones.isFetching} mt="md">
            <Table.Caption ta="start">{t('zones.caption', { count: zones.data.total })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('zones.pcode')}</Table.Th>
                <Table.Th scope="col">{t('zones.name')}</Table.Th>
                <Table.Th scope="col">{t('zones.levelColumn')}</Table.Th>
                <Table.Th scope="col">{t('zones.population')}</Table.Th>
                <Table.Th scope="col">{t('zones.classColumn')}</Table.Th>
                <Table.Th scope="col">{t('zones.publishedClass')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {zones.data.items.map((zone) => (
                <Table.Tr key={zone.pcode}>
                  <Table.Td>
                    <span className="ltr-value">{zone.pcode}</span>
                  </Table.Td>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={`/staff/zones/${zone.pcode}`} fw={600}>
                      {nameOf(zone.name, zone.pcode)}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{t(`zones.level.${zone.level}`)}</Table.Td>
                  <Table.Td>{zone.population === null ? t('zones.unknown') : format.number(zone.population)}</Table.Td>
                  <Table.Td>
                    <ClassBadge zoneClass={zone.class} />
                    {zone.period ? (
                      <Text size="xs" c="dimmed" mt={2}>
                        {periodName(zone.period)}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {zone.publishedClass ? (
                      <ClassBadge zoneClass={zone.publishedClass} />
                    ) : (
                      <Text size="sm">{t('zones.notPublished')}</Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </StackTable>
          {zones.data.items.length === 0 ? <Text mt="sm">{t('zones.noneFound')}</Text> : null}
          <OffsetPager
            offset={offset}
            limit={PAGE_SIZE}
            total={zones.data.total}
            loading={zones.isFetching}
            onChange={(next) => setFilters({ offset: String(next) })}
          />
        </>
      )}
    </>
  );
}
