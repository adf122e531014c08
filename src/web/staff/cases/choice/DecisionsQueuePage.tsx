import { Anchor, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DECISION_KINDS, type DecisionKind } from '../../../../shared/cases/constants.ts';
import { ErrorPanel } from '../../../components/ErrorPanel.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { FilterForm } from '../../components/FilterForm.tsx';
import { Mono } from '../../components/Mono.tsx';
import { ScreenHeader } from '../../components/ScreenHeader.tsx';
import { ShowMore } from '../../components/ShowMore.tsx';
import { StackTable } from '../../components/StackTable.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useMe } from '../../session.ts';
import { useDay } from './labels.ts';
import { type QueueFilters, useDecisionQueue } from './queries.ts';

/**
 * The decisions queue: the pending decisions the person's organisation must take, with their due dates, overdue
 * ones first and said so in words; a coordinator can also see every organisation's overdue decisions. Cases are
 * named by reference only.
 */
export default function DecisionsQueuePage() {
  const { t } = useTranslation();
  const day = useDay();
  const me = useMe();
  const coordinator = me.roles.includes('coordinator');
  const [params, setParams] = useSearchParams();
  const applied: QueueFilters = {
    kind: (DECISION_KINDS as readonly string[]).includes(params.get('kind') ?? '')
      ? (params.get('kind') as DecisionKind)
      : '',
    view: coordinator && params.get('view') === 'overdue' ? 'overdue' : 'mine',
  };
  const [draft, setDraft] = useState(applied);
  const queue = useDecisionQueue(applied);
  const decisions = queue.data?.pages.flatMap((page) => page.decisions) ?? [];
  const counts = queue.data?.pages[0];
  const apply = (filters: QueueFilters) => {
    const next = new URLSearchParams();
    if (filters.kind) next.set('kind', filters.kind);
    if (filters.view === 'overdue') next.set('view', 'overdue');
    setParams(next);
  };
  return (
    <>
      <ScreenHeader title={t('casesChoice.queue.title')} description={t('casesChoice.queue.intro')} />
      <Stack gap="md">
        <FilterForm
          label={t('casesChoice.queue.filters')}
          onApply={() => apply(draft)}
          onClear={() => {
            const cleared: QueueFilters = { kind: '', view: 'mine' };
            setDraft(cleared);
            apply(cleared);
          }}
        >
          <NativeSelect
            label={t('casesChoice.queue.kind')}
            value={draft.kind}
            onChange={(event) => setDraft({ ...draft, kind: event.currentTarget.value as QueueFilters['kind'] })}
            data={[
              { value: '', label: t('casesChoice.queue.anyKind') },
              ...DECISION_KINDS.map((kind) => ({ value: kind, label: t(`casesChoice.kind.${kind}`) })),
            ]}
          />
          {coordinator ? (
            <NativeSelect
              label={t('casesChoice.queue.view')}
              value={draft.view}
              onChange={(event) => setDraft({ ...draft, view: event.currentTarget.value as QueueFilters['view'] })}
              data={[
                { value: 'mine', label: t('casesChoice.queue.mine') },
                { value: 'overdue', label: t('casesChoice.queue.overdueAll') },
              ]}
            />
          ) : null}
        </FilterForm>
        {queue.isPending ? (
          <PageLoader />
        ) : queue.isError ? (
          <ErrorPanel error={queue.error} onRetry={() => void queue.refetch()} />
        ) : decisions.length === 0 || !counts ? (
          <Text>{t(applied.view === 'overdue' ? 'casesChoice.queue.noneOverdue' : 'casesChoice.queue.none')}</Text>
        ) : (
          <>
            <Text aria-live="polite">
              {t('casesChoice.queue.count', {
                count: counts.total,
                overdue: counts.overdue,
              })}
            </Text>
            <StackTable>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('casesChoice.queue.reference')}</Table.Th>
                  <Table.Th>{t('casesChoice.queue.kind')}</Table.Th>
                  <Table.Th>{t('casesChoice.queue.due')}</Table.Th>
                  <Table.Th>{t('casesChoice.queue.organisation')}</Table.Th>
                  <Table.Th>{t('casesChoice.queue.stage')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {decisions.map((decision) => (
                  <Table.Tr key={decision.id} bg={decision.overdue ? 'red.0' : undefined}>
                    <Table.Td>
                      {decision.reachable ? (
                        <Anchor component={Link} to={`/staff/cases/households/${decision.householdId}`}>
                          <Mono>{decision.reference}</Mono>
                        </Anchor>
                      ) : (
                        <Mono>{decision.reference}</Mono>
                      )}
                    </Table.Td>
                    <Table.Td>{t(`casesChoice.kind.${decision.kind}`)}</Table.Td>
                    <Table.Td>
                      <Stack gap={2} align="flex-start">
                        <span>{day(decision.dueOn)}</span>
                        {decision.overdue ? (
                          <StatusBadge tone="bad">
                            {t('casesChoice.queue.daysOverdue', { count: decision.daysOverdue })}
                          </StatusBadge>
                        ) : null}
                      </Stack>
                    </Table.Td>
                    <Table.Td>{decision.organisationName ?? ''}</Table.Td>
                    <Table.Td>{t(`casesChoice.stage.${decision.stage}`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </StackTable>
            <ShowMore
              shown={decisions.length}
              total={counts.total}
              hasMore={queue.hasNextPage}
              loading={queue.isFetchingNextPage}
              onMore={() => void queue.fetchNextPage()}
            />
          </>
        )}
      </Stack>
    </>
  );
}
