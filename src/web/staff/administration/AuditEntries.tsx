import { NativeSelect, Paper, Table, Text, Title } from '@mantine/core';
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
import { StackTable } from '../components/StackTable.tsx';
import { useMe } from '../session.ts';
import { AUDIT_EVENT_TYPES } from './audit-events.ts';
import type { AuditEntry, AuditEntryPage } from './log-types.ts';
import { ActorName, PeriodFields, PersonFilter } from './log-ui.tsx';
import { problemFor } from './problems.ts';
import { adminKeys, useDirectoryNames } from './queries.ts';
import { type Checks, checkPeriod, hasProblems, periodQuery } from './requests.ts';

const PAGE_SIZE = 25;
const NO_FILTERS = { actor: '', type: '', from: '', to: '' };

/** `user:<id>` and `organisation:<id>` subjects by name where the directory knows them. */
function Subject({ subject, directory }: { subject: string; directory: ReturnType<typeof useDirectoryNames> }) {
  const [kind, id = ''] = subject.split(':', 2);
  const name =
    kind === 'user' ? directory.person(id) : kind === 'organisation' ? directory.organisation(id) : undefined;
  return (
    <div>
      {name ? (
        <Text size="sm" fw={600}>
          {name}
        </Text>
      ) : null}
      <Mono>{subject}</Mono>
    </div>
  );
}

function Details({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  if (!entry.details) return null;
  return (
    <details>
      <summary>{t('administration.log.showDetails', { seq: entry.seq })}</summary>
      <Text component="pre" size="xs" ff="monospace" dir="ltr" m={0} mt={4} style={{ whiteSpace: 'pre-wrap' }}>
        {JSON.stringify(entry.details, null, 2)}
      </Text>
    </details>
  );
}

/** Log entries, newest first, filtered by person, event type and period, a page at a time. */
export function AuditEntries() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const format = useFormatters();
  const directory = useDirectoryNames();
  const [filters, setFilters] = useFilters(NO_FILTERS);
  const [draft, setDraft] = useState(filters);
  const [checks, setChecks] = useState<Checks<'from' | 'to'>>({});
  const pages = useCursorPages<number>(JSON.stringify(filters));
  const entries = useQuery({
    queryKey: [...adminKeys.auditEntries, filters, pages.cursor],
    queryFn: ({ signal }) =>
      api.get<AuditEntryPage>('/audit/entries', {
        signal,
        query: {
          actor: filters.actor,
          type: filters.type,
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
    if (!hasProblems(found)) setFilters(draft);
  };
  const clear = () => {
    setDraft(NO_FILTERS);
    setChecks({});
    setFilters(NO_FILTERS);
  };
  const eventName = (type: string) => (i18n.exists(`auditEvent.${type}`) ? t(`auditEvent.${type}`) : type);
  const withDetails = entries.data?.items.some((entry) => entry.details) ?? false;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="log-entries">
      <Title order={2} size="h4" id="log-entries" mb="sm">
        {t('administration.log.entriesTitle')}
      </Title>
      <FilterForm label={t('administration.log.filters')} onApply={apply} onClear={clear} columns={4}>
        <PersonFilter
          value={draft.actor}
          onChange={(actor) => setDraft({ ...draft, actor })}
          directory={directory}
          listed={me.permissions.includes('user:read')}
          error={problemFor(t, undefined, entries.error, 'actor')}
        />
        <NativeSelect
          label={t('administration.log.eventType')}
          value={draft.type}
          onChange={(event) => setDraft({ ...draft, type: event.currentTarget.value })}
        >
          <option value="">{t('administration.log.anyEvent')}</option>
          {AUDIT_EVENT_TYPES.map((type) => (
            <option key={type} value={type}>
              {eventName(type)}
            </option>
          ))}
        </NativeSelect>
        <PeriodFields
          from={draft.from}
          to={draft.to}
          onChange={(change) => setDraft({ ...draft, ...change })}
          errors={{
            from: problemFor(t, checks.from, entries.error, 'from'),
            to: problemFor(t, checks.to, entries.error, 'to'),
          }}
        />
      </FilterForm>
      {entries.isPending ? (
        <PageLoader />
      ) : entries.isError ? (
        <ErrorPanel error={entries.error} onRetry={() => void entries.refetch()} />
      ) : (
        <>
          <StackTable striped captionSide="top" verticalSpacing="sm" aria-busy={entries.isFetching} mt="md">
            <Table.Caption ta="start">
              {t('administration.log.entriesCaption', { count: entries.data.items.length, page: pages.page })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('administration.log.seq')}</Table.Th>
                <Table.Th scope="col">{t('administration.log.recordedAt')}</Table.Th>
                <Table.Th scope="col">{t('administration.log.eventType')}</Table.Th>
                <Table.Th scope="col">{t('administration.log.actor')}</Table.Th>
                <Table.Th scope="col">{t('administration.log.subject')}</Table.Th>
                {withDetails ? <Table.Th scope="col">{t('administration.log.details')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.data.items.map((entry) => (
                <Table.Tr key={entry.seq}>
                  <Table.Th scope="row">{format.number(entry.seq)}</Table.Th>
                  <Table.Td>{format.dateTime(entry.recordedAt)}</Table.Td>
                  <Table.Td>{eventName(entry.eventType)}</Table.Td>
                  <Table.Td>
                    <ActorName actor={entry.actor} directory={directory} />
                  </Table.Td>
                  <Table.Td>
                    <Subject subject={entry.subject} directory={directory} />
                  </Table.Td>
                  {withDetails ? (
                    <Table.Td>
                      <Details entry={entry} />
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </StackTable>
          <Pager
            page={pages.page}
            hasNext={entries.data.nextCursor !== null}
            loading={entries.isFetching}
            onPrevious={pages.newer}
            onNext={() => entries.data.nextCursor !== null && pages.older(entries.data.nextCursor)}
          />
        </>
      )}
    </Paper>
  );
}
