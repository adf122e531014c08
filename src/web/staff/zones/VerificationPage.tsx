import { Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { Done } from '../components/Done.tsx';
import { OffsetPager } from '../components/Pager.tsx';
import { ScreenHeader } from '../components/ScreenHeader.tsx';
import { indicatorByCode } from './frameworkFor.ts';
import { type ObservationFilters, useActiveFramework, useObservations, zoneKeys } from './queries.ts';
import type { Observation, ObservationPage, VerificationDecision } from './types.ts';
import { useLocalName, usePeriodName } from './ui.tsx';
import { VerificationItem } from './VerificationItem.tsx';

const PAGE_SIZE = 25;

/** What this organisation's verifiers may decide: observations of other organisations not yet confirmed or rejected. */
export default function VerificationPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const nameOf = useLocalName();
  const periodName = usePeriodName();
  const [offset, setOffset] = useState(0);
  const [done, setDone] = useState('');
  const filters: ObservationFilters = { queue: 'verify', limit: PAGE_SIZE, offset };
  const queue = useObservations(filters);
  const framework = useActiveFramework();

  const decided = (observation: Observation, decision: VerificationDecision) => {
    // The item leaves the queue at once; the lists are then read again from the server.
    queryClient.setQueryData<ObservationPage>(zoneKeys.observationList(filters), (page) =>
      page ? { total: page.total - 1, items: page.items.filter((item) => item.id !== observation.id) } : page,
    );
    if (queue.data?.items.length === 1 && offset > 0) setOffset(Math.max(0, offset - PAGE_SIZE));
    void queryClient.invalidateQueries({ queryKey: zoneKeys.observations });
    void queryClient.invalidateQueries({ queryKey: zoneKeys.reviews });
    const indicator = indicatorByCode(framework.data?.definition, observation.indicator)?.indicator;
    setDone(
      t(`zones.verify.done.${decision}`, {
        indicator: nameOf(indicator?.name, observation.indicator),
        zone: nameOf(observation.zoneName, observation.pcode),
        period: periodName(observation.period),
      }),
    );
  };

  return (
    <>
      <ScreenHeader title={t('zones.verification')} description={t('zones.verify.intro')} />
      <Done message={done} onClose={() => setDone('')} />
      {queue.isPending || framework.isPending ? (
        <PageLoader />
      ) : queue.isError ? (
        <ErrorPanel error={queue.error} onRetry={() => void queue.refetch()} />
      ) : (
        <Stack gap="md">
          <Text aria-live="polite">{t('zones.verify.count', { count: queue.data.total })}</Text>
          {framework.isError ? <ErrorPanel error={framework.error} onRetry={() => void framework.refetch()} /> : null}
          {queue.data.items.map((observation) => (
            <VerificationItem
              key={observation.id}
              observation={observation}
              framework={framework.data?.definition}
              frameworkVersion={framework.data}
              onDecided={decided}
            />
          ))}
          <OffsetPager
            offset={offset}
            limit={PAGE_SIZE}
            total={queue.data.total}
            loading={queue.isFetching}
            onChange={setOffset}
          />
        </Stack>
      )}
    </>
  );
}
