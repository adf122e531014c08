import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZONE_CLASSES } from '../../../shared/zones/constants.ts';
import { api, isApiError } from '../../api/api.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { useFormatters } from '../../components/format.ts';
import { FormError } from '../../components/forms.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { Done } from '../components/Done.tsx';
import { Fact, Facts } from '../components/Facts.tsx';
import { useFilters } from '../components/filters.ts';
import { ScreenHeader } from '../components/ScreenHeader.tsx';
import { useMe } from '../session.ts';
import { PublishPanel } from './PublishPanel.tsx';
import { currentPeriod, periodsUpTo } from './periods.ts';
import { useReview, zoneKeys } from './queries.ts';
import { ReviewTable } from './ReviewTable.tsx';
import type { PeriodReview } from './types.ts';
import { ClassBadge, PeriodSelect, usePeriodName } from './ui.tsx';

/** How many zones fall in each class this period. */
function Counts({ review }: { review: PeriodReview }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="review-counts">
      <Title order={2} size="h4" id="review-counts" mb="sm">
        {t('zones.review.countsTitle', { version: review.frameworkVersion })}
      </Title>
      <Facts columns={4}>
        {ZONE_CLASSES.map((zoneClass) => (
          <Fact key={zoneClass} label={<ClassBadge zoneClass={zoneClass} />} large>
            {format.number(review.counts[zoneClass] ?? 0)}
          </Fact>
        ))}
      </Facts>
    </Paper>
  );
}

/** A period's classifications before they are published: recompute, read the changes, publish or correct. */
export default function ReviewPage() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const periodName = usePeriodName();
  const [{ period }, setFilters] = useFilters({ period: currentPeriod() });
  const [done, setDone] = useState('');
  const review = useReview(period);
  const recompute = useMutation({
    mutationFn: () => api.post<PeriodReview>('/assessments', { period }),
    onSuccess: async (fresh) => {
      queryClient.setQueryData(zoneKeys.review(period), fresh);
      await queryClient.invalidateQueries({ queryKey: zoneKeys.zones });
      setDone(t('zones.review.recomputed', { period: periodName(period), count: fresh.zones.length }));
    },
  });
  const notAssessed = review.isError && isApiError(review.error) && review.error.code === 'not_found';
  const mayPublish = me.permissions.includes('zone:publish');

  return (
    <>
      <ScreenHeader title={t('zones.review.title')} description={t('zones.review.intro')} />
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <PeriodSelect
          label={t('zones.period')}
          value={period}
          periods={periodsUpTo(currentPeriod(), 24)}
          onChange={(next) => {
            recompute.reset();
            setDone('');
            setFilters({ period: next });
          }}
        />
        <Button onClick={() => recompute.mutate()} loading={recompute.isPending} disabled={recompute.isPending}>
          {t('zones.review.recompute')}
        </Button>
      </Group>
      <Text size="sm" mb="md">
        {t('zones.review.recomputeHint')}
      </Text>
      <Done message={done} onClose={() => setDone('')} />
      <FormError error={recompute.error} />
      {review.isPending ? (
        <PageLoader />
      ) : notAssessed ? (
        <Text>{t('zones.review.notAssessed', { period: periodName(period) })}</Text>
      ) : review.isError ? (
        <ErrorPanel error={review.error} onRetry={() => void review.refetch()} />
      ) : (
        <Stack gap="md">
          <Counts review={review.data} />
          {mayPublish ? <PublishPanel review={review.data} onDone={setDone} /> : null}
          <Paper withBorder p="md" component="section" aria-labelledby="review-zones">
            <Title order={2} size="h4" id="review-zones" mb="sm">
              {t('zones.review.zonesTitle')}
            </Title>
            <ReviewTable key={review.data.period} review={review.data} />
          </Paper>
        </Stack>
      )}
    </>
  );
}
