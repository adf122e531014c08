import { Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../components/format.ts';
import { ClassBadge } from './ClassBadge.tsx';
import { formatPeriod } from './format.ts';
import { type HistoryEntry, historyRows } from './history.ts';

/** Every class published for the zone, by period, with its publication's date; the content hashes behind a disclosure. */
export function ZoneHistory({
  history,
  current,
  name,
}: {
  history: readonly HistoryEntry[];
  current: HistoryEntry | null;
  name: string;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const rows = historyRows(history);
  return (
    <section aria-labelledby="zone-history-title">
      <Title id="zone-history-title" order={2} mb="sm">
        {t('publicZones.zone.historyTitle')}
      </Title>
      {rows.length === 0 ? (
        <Text>{t('publicZones.zone.noHistory')}</Text>
      ) : (
        <Table striped captionSide="top" verticalSpacing="sm" className="stacked-table">
          <Table.Caption ta="start">{t('publicZones.zone.historyCaption', { zone: name })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('publicZones.column.period')}</Table.Th>
              <Table.Th scope="col">{t('publicZones.column.class')}</Table.Th>
              <Table.Th scope="col">{t('publicZones.column.published')}</Table.Th>
              <Table.Th scope="col">{t('publicZones.column.note')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ entry, replaced }) => {
              const { publication } = entry;
              const notes = [
                publication.id === current?.publication.id ? t('publicZones.zone.current') : null,
                publication.replaces
                  ? publication.reason
                    ? t('publicZones.zone.correctsBecause', { reason: publication.reason })
                    : t('publicZones.zone.corrects')
                  : null,
                replaced ? t('publicZones.zone.replaced') : null,
              ].filter((note) => note !== null);
              return (
                <Table.Tr key={publication.id}>
                  <Table.Th scope="row" fw={400} data-label={t('publicZones.column.period')}>
                    <time dateTime={entry.period}>{formatPeriod(entry.period, i18n.language)}</time>
                  </Table.Th>
                  <Table.Td data-label={t('publicZones.column.class')}>
                    <ClassBadge zoneClass={entry.class} />
                  </Table.Td>
                  <Table.Td data-label={t('publicZones.column.published')}>
                    <time dateTime={publication.publishedAt}>{format.date(publication.publishedAt)}</time>
                  </Table.Td>
                  <Table.Td data-label={t('publicZones.column.note')}>
                    {notes.map((note) => (
                      <Text key={note} size="sm">
                        {note}
                      </Text>
                    ))}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {rows.length > 0 ? (
        <details className="zone-details" style={{ marginBlockStart: 'var(--mantine-spacing-sm)' }}>
          <summary>{t('publicZones.zone.hashesSummary')}</summary>
          <ul>
            {rows.map(({ entry }) => (
              <li key={entry.publication.id}>
                <time dateTime={entry.period}>{formatPeriod(entry.period, i18n.language)}</time>
                {' — '}
                <span className="zone-hash">{entry.publication.contentHash}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
