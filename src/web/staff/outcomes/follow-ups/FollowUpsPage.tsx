import { Anchor, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FOLLOW_UP_STATUSES, ROUNDS } from '../../../../shared/outcomes/constants.ts';
import { ErrorPanel } from '../../../components/ErrorPanel.tsx';
import { useFormatters } from '../../../components/format.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { Done } from '../../components/Done.tsx';
import { FilterForm } from '../../components/FilterForm.tsx';
import { useFilters } from '../../components/filters.ts';
import { OffsetPager } from '../../components/Pager.tsx';
import { ScreenHeader } from '../../components/ScreenHeader.tsx';
import { StackTable } from '../../components/StackTable.tsx';
import { FollowUpActions, FollowUpStatus } from './actions.tsx';
import { type FollowUpFilters, PAGE_SIZE, useFollowUps } from './queries.ts';

const NO_FILTERS: FollowUpFilters = { status: '', round: '', zone: '', overdue: '', dueBefore: '' };

/**
 * `outcomes/follow-ups`: the follow-ups of the organisation's returned households and those assigned to it,
 * earliest due first, the overdue marked in words; filters kept in the address. Each row names the household by
 * its reference only, with the next steps the person may take.
 */
export default function FollowUpsPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [filters, setFilters] = useFilters(NO_FILTERS);
  const [draft, setDraft] = useState(filters);
  const [offset, setOffset] = useState(0);
  const [done, setDone] = useState('');
  const list = useFollowUps(filters, offset);
  const field = (name: keyof FollowUpFilters) => ({
    value: draft[name],
    onChange: (event: { currentTarget: { value: string } }) =>
      setDraft({ ...draft, [name]: event.currentTarget.value }),
  });
  return (
    <>
      <ScreenHeader title={t('outcomes.followUps.title')} description={t('outcomes.followUps.intro')} />
      <Done message={done} onClose={() => setDone('')} />
      <FilterForm
        label={t('outcomes.followUps.filters')}
        columns={4}
        onApply={() => {
          setOffset(0);
          setFilters({ ...draft, zone: draft.zone.trim().toUpperCase() });
        }}
        onClear={() => {
          setOffset(0);
          setDraft(NO_FILTERS);
          setFilters(NO_FILTERS);
        }}
      >
        <NativeSelect label={t('outcomes.followUps.filter.status')} {...field('status')}>
          <option value="">{t('outcomes.followUps.filter.anyStatus')}</option>
          {FOLLOW_UP_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`outcomes.followUps.status.${status}`)}
            </option>
          ))}
        </NativeSelect>
        <NativeSelect label={t('outcomes.followUps.filter.round')} {...field('round')}>
          <option value="">{t('outcomes.followUps.filter.anyRound')}</option>
          {ROUNDS.map((round) => (
            <option key={round} value={String(round)}>
              {t('outcomes.followUps.round', { count: round })}
            </option>
          ))}
        </NativeSelect>
        <TextInput
          label={t('outcomes.followUps.filter.zone')}
          description={t('outcomes.followUps.filter.zoneHint')}
          {...field('zone')}
        />
        <NativeSelect label={t('outcomes.followUps.filter.due')} {...field('overdue')}>
          <option value="">{t('outcomes.followUps.filter.anyDue')}</option>
          <option value="true">{t('outcomes.followUps.filter.overdue')}</option>
          <option value="false">{t('outcomes.followUps.filter.onTime')}</option>
        </NativeSelect>
        <TextInput type="date" label={t('outcomes.followUps.filter.dueBefore')} {...field('dueBefore')} />
      </FilterForm>
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Text mt="md">{t('outcomes.followUps.none')}</Text>
      ) : (
        <>
          <StackTable striped captionSide="top" verticalSpacing="sm" mt="md" aria-busy={list.isFetching}>
            <Table.Caption ta="start">{t('outcomes.followUps.caption', { count: list.data.total })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('outcomes.followUps.column.household')}</Table.Th>
                <Table.Th scope="col">{t('outcomes.followUps.column.round')}</Table.Th>
                <Table.Th scope="col">{t('outcomes.followUps.column.due')}</Table.Th>
                <Table.Th scope="col">{t('outcomes.followUps.column.status')}</Table.Th>
                <Table.Th scope="col">{t('outcomes.followUps.column.zone')}</Table.Th>
                <Table.Th scope="col">{t('outcomes.followUps.column.assigned')}</Table.Th>
                <Table.Th scope="col">{t('outcomes.followUps.column.next')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((item) => (
                <Table.Tr key={item.id} data-overdue={item.overdue || undefined}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={`/staff/outcomes/follow-ups/${item.id}`} fw={600}>
                      <span className="ltr-value">{item.reference}</span>
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{t('outcomes.followUps.round', { count: item.round })}</Table.Td>
                  <Table.Td>{format.date(item.dueOn)}</Table.Td>
                  <Table.Td>
                    <FollowUpStatus followUp={item} />
                  </Table.Td>
                  <Table.Td>
                    <span className="ltr-value">{item.pcode}</span>
                  </Table.Td>
                  <Table.Td>
                    {item.assignedOrganisationName
                      ? `${item.assignedOrganisationName}${item.mode ? ` · ${t(`outcomes.followUps.modes.${item.mode}`)}` : ''}`
                      : t('outcomes.followUps.unassigned')}
                  </Table.Td>
                  <Table.Td>
                    <FollowUpActions followUp={item} onDone={setDone} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </StackTable>
          <OffsetPager
            offset={offset}
            limit={PAGE_SIZE}
            total={list.data.total}
            loading={list.isFetching}
            onChange={setOffset}
          />
        </>
      )}
    </>
  );
}
