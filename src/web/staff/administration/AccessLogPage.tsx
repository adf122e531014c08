import { Paper, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { useFormatters } from '../../components/format.ts';
import { PageLoader } from '../../components/PageLoader.tsx';
import { FilterForm } from '../components/FilterForm.tsx';
import { useCursorPages, useFilters } from '../components/filters.ts';
import { Mono } from '../components/Mono.tsx';
import { Pager } from '../components/Pager.tsx';
import { ScreenHeader } from '../components/ScreenHeader.tsx';
import { StackTable } from '../components/StackTable.tsx';
import type { AccessLogPage as Page } from './log-types.ts';
import { ActorName, PeriodFields, PersonFilter } from './log-ui.tsx';
import { problemFor } from './problems.ts';
import { adminKeys, useDirectoryNames } from './queries.ts';
import { type Checks, checkPeriod, hasProblems, periodQuery } from './requests.ts';

const PAGE_SIZE = 25;
const NO_FILTERS = { actor: '', recordType: '', recordId: '', purpose: '', from: '', to: '' };

/** Who read which personal records of the organisation, when and why; newest first, with filters. */
export default function AccessLogPage() {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const directory = useDirectoryNames();
  const [filters, setFilters] = useFilters(NO_FILTERS);
  const [draft, setDraft] = useState(filters);
  const [checks, setChecks] = useState<Checks<'from' | 'to'>>({});
  const pages = useCursorPages<string>(JSON.stringify(filters));
  const reads = useQuery({
    queryKey: [...adminKeys.accessLog, filters, pages.cursor],
    queryFn: ({ signal }) =>
      api.get<Page>('/audit/access-log', {
        signal,
        query: {
          actor: filters.actor,
          recordType: filters.recordType,
          recordId: filters.recordId,
          purpose: filters.purpose,
          ...periodQuery(filters.from, filters.to),
          cursor: pages.cursor,
          limit: PAGE_SIZE,
        },
      }),
    placeholderData: keepPreviousData,
  });
  const apply = () => {
    const found = checkPeriod(draft.from, draft.to);
    setChecks(found);
    if (!hasProblems(found))
      setFilters({
        ...draft,
        recordType: draft.recordType.trim(),
        recordId: draft.recordId.trim(),
        purpose: draft.purpose.trim(),
      });
  };
  const clear = () => {
    setDraft(NO_FILTERS);
    setChecks({});
    setFilters(NO_FILTERS);
  };
  const problem = (field: string, check?: string) => problemFor(t, check, reads.error, field);
  const purposeName = (code: string) => (i18n.exists(`purpose.${code}`) ? t(`purpose.${code}`) : code);
  const text = (field: 'recordType' | 'recordId' | 'purpose', label: string, hint: string) => (
    <TextInput
      label={label}
      description={hint}
      value={draft[field]}
      onChange={(event) => setDraft({ ...draft, [field]: event.currentTarget.value })}
      error={problem(field)}
      dir="ltr"
    />
  );

  return (
    <>
      <ScreenHeader title={t('administration.accessLog')} description={t('administration.access.intro')} />
      <Paper withBorder p="md" mb="md">
        <FilterForm label={t('administration.log.filters')} onApply={apply} onClear={clear}>
          <PersonFilter
            value={draft.actor}
            onChange={(actor) => setDraft({ ...draft, actor })}
            directory={directory}
            listed
            error={problem('actor')}
          />
          {text('recordType', t('administration.access.recordType'), t('administration.access.recordTypeHint'))}
          {text('recordId', t('administration.access.recordId'), t('administration.access.recordIdHint'))}
          {text('purpose', t('administration.access.purpose'), t('administration.access.purposeHint'))}
          <PeriodFields
            from={draft.from}
            to={draft.to}
            onChange={(change) => setDraft({ ...draft, ...change })}
            errors={{ from: problem('from', checks.from), to: problem('to', checks.to) }}
          />
        </FilterForm>
      </Paper>
      {reads.isPending ? (
        <PageLoader />
      ) : reads.isError ? (
        <ErrorPanel error={reads.error} onRetry={() => void reads.refetch()} />
      ) : (
        <>
          <StackTable striped captionSide="top" verticalSpacing="sm" aria-busy={reads.isFetching}>
            <Table.Caption ta="start">
              {t('administration.access.caption', { count: reads.data.items.length, page: pages.page })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('administration.log.recordedAt')}</Table.Th>
                <Table.Th scope="col">{t('administration.log.person')}</Table.Th>
                <Table.Th scope="col">{t('administration.access.recordType')}</Table.Th>
                <Table.Th scope="col">{t('administration.access.recordId')}</Table.Th>
                <Table.Th scope="col">{t('administration.access.purpose')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {reads.data.items.map((read) => (
                <Table.Tr key={read.id}>
                  <Table.Td>{format.dateTime(read.recordedAt)}</Table.Td>
                  <Table.Td>
                    <ActorName actor={read.actor} directory={directory} />
                  </Table.Td>
                  <Table.Td>
                    <Mono>{read.recordType}</Mono>
                  </Table.Td>
                  <Table.Td>
                    <Mono>{read.recordId}</Mono>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{purposeName(read.purpose)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </StackTable>
          <Pager
            page={pages.page}
            hasNext={reads.data.nextCursor !== null}
            loading={reads.isFetching}
            onPrevious={pages.newer}
            onNext={() => reads.data.nextCursor !== null && pages.older(reads.data.nextCursor)}
          />
        </>
      )}
    </>
  );
}
