import { Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { useFormatters } from '../../components/format.ts';
import { Mono } from '../components/Mono.tsx';
import { StackTable } from '../components/StackTable.tsx';
import { usePublications } from './queries.ts';
import { usePeriodName } from './ui.tsx';

/** Every publication of the period, newest first: a correction never overwrites, it replaces with a reason. */
export function PeriodPublications({ period }: { period: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const periodName = usePeriodName();
  const publications = usePublications();
  if (publications.isError)
    return <ErrorPanel error={publications.error} onRetry={() => void publications.refetch()} />;
  const ofPeriod = (publications.data ?? [])
    .filter((publication) => publication.period === period)
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
  if (ofPeriod.length < 2) return null;
  return (
    <section aria-labelledby="review-publications">
      <Title order={3} size="h5" id="review-publications" mt="md" mb={4}>
        {t('zones.review.historyTitle', { period: periodName(period) })}
      </Title>
      <StackTable striped captionSide="top" verticalSpacing="xs">
        <Table.Caption ta="start">{t('zones.review.historyCaption', { count: ofPeriod.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('zones.publication.publishedAt')}</Table.Th>
            <Table.Th scope="col">{t('zones.publication.logEntry')}</Table.Th>
            <Table.Th scope="col">{t('zones.publication.contentHash')}</Table.Th>
            <Table.Th scope="col">{t('zones.publication.correction')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ofPeriod.map((publication) => (
            <Table.Tr key={publication.id}>
              <Table.Th scope="row">{format.dateTime(publication.publishedAt)}</Table.Th>
              <Table.Td>{t('zones.publication.logEntryNumber', { seq: format.number(publication.auditSeq) })}</Table.Td>
              <Table.Td>
                <Mono>{publication.contentHash}</Mono>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {publication.replaces
                    ? t('zones.publication.reasonLine', { reason: publication.reason ?? '' })
                    : t('zones.review.firstPublication')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </StackTable>
    </section>
  );
}
