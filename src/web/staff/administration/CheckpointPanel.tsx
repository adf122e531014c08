import { Paper, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api.ts';
import { isApiError } from '../../api/problem.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { useFormatters } from '../../components/format.ts';
import { Fact, Facts } from '../components/Facts.tsx';
import { Mono } from '../components/Mono.tsx';
import type { Checkpoint } from './log-types.ts';
import { adminKeys } from './queries.ts';

/** The latest checkpoint the server signed: the log's size and root at that moment, with its signature. */
export function CheckpointPanel() {
  const { t } = useTranslation();
  const format = useFormatters();
  const checkpoint = useQuery({
    queryKey: adminKeys.checkpoint,
    queryFn: ({ signal }) => api.get<Checkpoint>('/public/checkpoint', { signal }),
  });
  const none = checkpoint.isError && isApiError(checkpoint.error) && checkpoint.error.status === 404;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="log-checkpoint">
      <Title order={2} size="h4" id="log-checkpoint" mb="sm">
        {t('administration.log.checkpoint')}
      </Title>
      {checkpoint.isPending ? (
        <Text size="sm">{t('common.loading')}</Text>
      ) : none ? (
        <Text>{t('administration.log.noCheckpoint')}</Text>
      ) : checkpoint.isError ? (
        <ErrorPanel error={checkpoint.error} onRetry={() => void checkpoint.refetch()} />
      ) : (
        <Facts stacked>
          <Fact label={t('administration.log.treeSize')}>
            {t('administration.log.entries', { count: checkpoint.data.treeSize })}
          </Fact>
          <Fact label={t('administration.log.signedAt')}>{format.dateTime(checkpoint.data.time)}</Fact>
          <Fact label={t('administration.log.rootHash')}>
            <Mono>{checkpoint.data.rootHash}</Mono>
          </Fact>
          <Fact label={t('administration.log.key')}>
            <Mono>
              {checkpoint.data.algorithm} · {checkpoint.data.keyId}
            </Mono>
          </Fact>
          <Fact label={t('administration.log.signature')}>
            <Mono>{checkpoint.data.signature}</Mono>
          </Fact>
          <Fact label={t('administration.log.countersignedBy')}>
            {checkpoint.data.countersignatures.length === 0
              ? t('administration.log.noCountersignature')
              : checkpoint.data.countersignatures.map((c) => (
                  <Mono key={c.keyId}>
                    {c.witness} · {c.keyId}{' '}
                  </Mono>
                ))}
          </Fact>
        </Facts>
      )}
    </Paper>
  );
}
