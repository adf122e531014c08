import { Alert, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTCOMES, ROUNDS } from '../../../../shared/outcomes/constants.ts';
import type { DashboardOutcome, DashboardRow } from '../../../../shared/outcomes/schemas/dashboards.ts';
import { ErrorPanel } from '../../../components/ErrorPanel.tsx';
import { useFormatters } from '../../../components/format.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { localized } from '../../../public/zones/format.ts';
import { FilterForm } from '../../components/FilterForm.tsx';
import { useFilters } from '../../components/filters.ts';
import { ScreenHeader } from '../../components/ScreenHeader.tsx';
import { StackTable } from '../../components/StackTable.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { type DashboardFilters, useOutcomeDashboard } from './queries.ts';
import { RoundChart } from './RoundChart.tsx';

const NO_FILTERS: DashboardFilters = { state: '', pcode: '', cohort: '', round: '', by: '' };

/**
 * `outcomes/dashboard`: how returned households fare by zone, month of return and round, each outcome beside the
 * residents of the same zone and round and the gap. Aggregates only; a group under the disclosure threshold is
 * marked (shown to staff, never published). Filters kept in the address.
 */
export default function OutcomeDashboardPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useFilters(NO_FILTERS);
  const [draft, setDraft] = useState(filters);
  const dashboard = useOutcomeDashboard(filters);
  const field = (name: keyof DashboardFilters) => ({
    value: draft[name],
    onChange: (event: { currentTarget: { value: string } }) =>
      setDraft({ ...draft, [name]: event.currentTarget.value }),
  });
  return (
    <>
      <ScreenHeader title={t('outcomes.dashboard.title')} description={t('outcomes.dashboard.intro')} />
      <FilterForm
        label={t('outcomes.dashboard.filters')}
        columns={4}
        onApply={() =>
          setFilters({
            ...draft,
            state: draft.state.trim().toUpperCase(),
            pcode: draft.pcode.trim().toUpperCase(),
            cohort: draft.cohort.trim(),
          })
        }
        onClear={() => {
          setDraft(NO_FILTERS);
          setFilters(NO_FILTERS);
        }}
      >
        <TextInput label={t('outcomes.dashboard.filter.state')} placeholder="QM" {...field('state')} />
        <TextInput
          label={t('outcomes.dashboard.filter.zone')}
          description={t('outcomes.dashboard.filter.zoneHint')}
          {...field('pcode')}
        />
        <TextInput
          label={t('outcomes.dashboard.filter.cohort')}
          description={t('outcomes.dashboard.filter.cohortHint')}
          placeholder="2026-01"
          {...field('cohort')}
        />
        <NativeSelect label={t('outcomes.dashboard.filter.round')} {...field('round')}>
          <option value="">{t('outcomes.dashboard.filter.anyRound')}</option>
          {ROUNDS.map((round) => (
            <option key={round} value={String(round)}>
              {t('outcomes.dashboard.round', { count: round })}
            </option>
          ))}
        </NativeSelect>
        <NativeSelect label={t('outcomes.dashboard.filter.by')} {...field('by')}>
          <option value="">{t('outcomes.dashboard.filter.byNone')}</option>
          <option value="sex">{t('outcomes.dashboard.filter.bySex')}</option>
          <option value="age">{t('outcomes.dashboard.filter.byAge')}</option>
          <option value="disability">{t('outcomes.dashboard.filter.byDisability')}</option>
        </NativeSelect>
      </FilterForm>
      {dashboard.isPending ? (
        <PageLoader />
      ) : dashboard.isError ? (
        <ErrorPanel error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : dashboard.data.rows.length === 0 ? (
        <Text mt="md">{t('outcomes.dashboard.none')}</Text>
      ) : (
        <Stack gap="lg" mt="md" aria-busy={dashboard.isFetching}>
          <section aria-labelledby="outcome-dashboard-rounds">
            <Title id="outcome-dashboard-rounds" order={2} size="h3" mb="sm">
              {t('outcomes.dashboard.byRound')}
            </Title>
            <RoundChart byRound={dashboard.data.byRound} />
            <OutcomeTable
              caption={t('outcomes.dashboard.byRoundCaption')}
              rows={dashboard.data.byRound.map((round) => ({
                key: String(round.round),
                label: t('outcomes.dashboard.round', { count: round.round }),
                returnees: round.returnees,
                residents: round.residents,
                outcomes: round.outcomes,
              }))}
            />
          </section>
          <section aria-labelledby="outcome-dashboard-zones">
            <Title id="outcome-dashboard-zones" order={2} size="h3" mb="sm">
              {t('outcomes.dashboard.byZone')}
            </Title>
            <Alert variant="light" color="gray" mb="sm" maw={760}>
              {t('outcomes.dashboard.threshold', { threshold: dashboard.data.threshold })}
            </Alert>
            <ZoneRows rows={dashboard.data.rows} />
          </section>
        </Stack>
      )}
    </>
  );
}

interface TableRow {
  key: string;
  label: string;
  returnees: DashboardRow['returnees'];
  residents: DashboardRow['residents'];
  outcomes: DashboardOutcome[];
}

function ZoneRows({ rows }: { rows: DashboardRow[] }) {
  const { t, i18n } = useTranslation();
  return (
    <OutcomeTable
      caption={t('outcomes.dashboard.byZoneCaption', { count: rows.length })}
      rows={rows.map((row) => ({
        key: `${row.pcode} ${row.cohort} ${row.round} ${row.group ?? ''}`,
        label: [
          `${localized(row.zoneName ?? undefined, i18n.language, row.pcode)} (${row.pcode})`,
          t('outcomes.dashboard.cohortRound', { cohort: row.cohort, count: row.round }),
          row.group ? t(`outcomes.dashboard.group.${row.group}`) : null,
        ]
          .filter(Boolean)
          .join(' · '),
        returnees: row.returnees,
        residents: row.residents,
        outcomes: row.outcomes,
      }))}
    />
  );
}

function OutcomeTable({ caption, rows }: { caption: string; rows: TableRow[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const score = (value: number | null) => (value === null ? '—' : format.number(Math.round(value * 100)));
  const gap = (value: number | null) =>
    value === null
      ? '—'
      : `${value > 0 ? '+' : value < 0 ? '−' : ''}${format.number(Math.abs(Math.round(value * 100)))}`;
  const households = (cell: TableRow['returnees']) => (
    <>
      {format.number(cell.households)}
      {cell.belowThreshold ? (
        <>
          {' '}
          <StatusBadge tone="fair">{t('outcomes.dashboard.small')}</StatusBadge>
        </>
      ) : null}
    </>
  );
  return (
    <StackTable striped captionSide="top" verticalSpacing="xs" minWidth={1100} label={caption}>
      <Table.Caption ta="start">{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('outcomes.dashboard.column.group')}</Table.Th>
          <Table.Th scope="col">{t('outcomes.dashboard.column.returnees')}</Table.Th>
          <Table.Th scope="col">{t('outcomes.dashboard.column.residents')}</Table.Th>
          {OUTCOMES.map((outcome) => (
            <Table.Th key={outcome} scope="col">
              {t('outcomes.dashboard.column.outcome', { outcome: t(`outcomes.dashboard.outcome.${outcome}`) })}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.key}>
            <Table.Th scope="row">{row.label}</Table.Th>
            <Table.Td>{households(row.returnees)}</Table.Td>
            <Table.Td>{households(row.residents)}</Table.Td>
            {row.outcomes.map((outcome) => (
              <Table.Td key={outcome.outcome}>
                {t('outcomes.dashboard.cell', {
                  returnees: score(outcome.returnees),
                  residents: score(outcome.residents),
                  gap: gap(outcome.gap),
                })}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </StackTable>
  );
}
