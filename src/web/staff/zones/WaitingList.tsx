import { Anchor, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WaitingObservationPage } from '../../../shared/zones/schemas.ts';
import { api } from '../../api/api.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { useFormatters } from '../../components/format.ts';
import { PageLoader } from '../../components/PageLoader.tsx';
import { OffsetPager } from '../components/Pager.tsx';
import { StackTable } from '../components/StackTable.tsx';
import { indicatorByCode } from './frameworkFor.ts';
import { ObservationStatusBadge } from './ObservationParts.tsx';
import { useActiveFramework, zoneKeys } from './queries.ts';
import { useLocalName } from './ui.tsx';

const PAGE_SIZE = 20;

/** Under the period's review key, so that whatever refreshes the review (a decision, a publication) refreshes it. */
export const waitingKey = (period: string, offset: number) => [...zoneKeys.review(period), 'waiting', offset] as const;

/**
 * The observations that keep the period from being published, oldest first: the zone (a link to its page), the
 * indicator, the submitting organisation, what it waits for, and who can act on it.
 */
export function WaitingList({ period }: { period: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const nameOf = useLocalName();
  const [offset, setOffset] = useState(0);
  const framework = useActiveFramework();
  const waiting = useQuery({
    queryKey: waitingKey(period, offset),
    queryFn: ({ signal }) =>
      api.get<WaitingObservationPage>(`/periods/${period}/waiting`, { signal, query: { limit: PAGE_SIZE, offset } }),
    placeholderData: keepPreviousData,
  });
  if (waiting.isPending) return <PageLoader />;
  if (waiting.isError) return <ErrorPanel error={waiting.error} onRetry={() => void waiting.refetch()} />;
  const { total, items } = waiting.data;
  if (total === 0) return null;
  return (
    <section aria-labelledby="review-waiting">
      <Title order={3} size="h5" id="review-waiting" mb={4}>
        {t('zones.waiting.title')}
      </Title>
      <StackTable striped captionSide="top" verticalSpacing="xs" aria-busy={waiting.isFetching}>
        <Table.Caption ta="start">{t('zones.waiting.caption', { count: total })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('zones.observe.zone')}</Table.Th>
            <Table.Th scope="col">{t('zones.indicator')}</Table.Th>
            <Table.Th scope="col">{t('zones.observations.organisation')}</Table.Th>
            <Table.Th scope="col">{t('zones.observations.status')}</Table.Th>
            <Table.Th scope="col">{t('zones.waiting.whoCanAct')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((observation) => {
            const zone = nameOf(observation.zoneName, observation.pcode);
            const indicator = indicatorByCode(framework.data?.definition, observation.indicator)?.indicator;
            return (
              <Table.Tr key={observation.id}>
                <Table.Th scope="row">
                  <Anchor component={Link} to={`/staff/zones/${encodeURIComponent(observation.pcode)}`}>
                    {zone}
                  </Anchor>{' '}
                  <span className="ltr-value">{observation.pcode}</span>
                </Table.Th>
                <Table.Td>{nameOf(indicator?.name, observation.indicator)}</Table.Td>
                <Table.Td>
                  {observation.organisation.name}
                  <Text size="xs" c="dimmed">
                    {format.dateTime(observation.submittedAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <ObservationStatusBadge status={observation.status} />
                  {observation.reason ? (
                    <Text size="xs" mt={2}>
                      {t('zones.waiting.request', { reason: observation.reason })}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {observation.actors.length === 0 ? (
                    <Text size="sm" fw={700} c="red.9">
                      {t('zones.waiting.nobody')}
                    </Text>
                  ) : (
                    <Text size="sm">
                      {t(
                        observation.status === 'pending' ? 'zones.waiting.verifiersOf' : 'zones.waiting.evidenceFrom',
                        {
                          organisations: format.list(observation.actors.map((actor) => actor.name)),
                        },
                      )}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </StackTable>
      <OffsetPager offset={offset} limit={PAGE_SIZE} total={total} loading={waiting.isFetching} onChange={setOffset} />
    </section>
  );
}
