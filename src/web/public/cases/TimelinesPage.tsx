import { Alert, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DECISION_KINDS } from '../../../shared/cases/constants.ts';
import type { PublicCaseTimelines, TimelineFigures } from '../../../shared/cases/schemas.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { useFormatters } from '../../components/format.ts';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/page.ts';
import { formatPeriod, localized } from '../zones/format.ts';
import { usePublicTimelines } from './api.ts';

/**
 * `/cases/timelines`: how long decisions take, from registration to each kind of decision (median days), and
 * the share decided by the due date its service level set: overall, then by state and month of decision.
 * Groups too small to publish say so instead of a figure. Tables stack into labelled lines on a phone.
 */
export default function TimelinesPage() {
  const { t } = useTranslation();
  usePageTitle(t('caseTimelines.title'));
  const timelines = usePublicTimelines();
  return (
    <Stack gap="xl">
      <section aria-labelledby="case-timelines-title">
        <Title id="case-timelines-title" order={1} mb="md">
          {t('caseTimelines.title')}
        </Title>
        <Text size="lg" maw={760}>
          {t('caseTimelines.lead')}
        </Text>
      </section>
      {timelines.isPending ? (
        <PageLoader />
      ) : timelines.isError ? (
        <ErrorPanel error={timelines.error} onRetry={() => void timelines.refetch()} />
      ) : (
        <Figures timelines={timelines.data} />
      )}
    </Stack>
  );
}

function Figures({ timelines }: { timelines: PublicCaseTimelines }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const days = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const cells = (row: TimelineFigures) =>
    row.suppressed
      ? [
          <Table.Td key="hidden" colSpan={3} data-label={t('caseTimelines.column.decisions')}>
            <Text size="sm">{t('caseTimelines.hidden')}</Text>
          </Table.Td>,
        ]
      : [
          <Table.Td key="decisions" data-label={t('caseTimelines.column.decisions')}>
            {format.number(row.decisions ?? 0)}
          </Table.Td>,
          <Table.Td key="median" data-label={t('caseTimelines.column.median')}>
            {row.medianDays === null
              ? '—'
              : t('caseTimelines.days', { count: row.medianDays, days: days.format(row.medianDays) })}
          </Table.Td>,
          <Table.Td key="within" data-label={t('caseTimelines.column.within')}>
            {row.withinServiceLevel === null ? '—' : percent.format(row.withinServiceLevel)}
          </Table.Td>,
        ];
  const head = (first: string[]) => (
    <Table.Thead>
      <Table.Tr>
        {first.map((label) => (
          <Table.Th key={label} scope="col">
            {label}
          </Table.Th>
        ))}
        <Table.Th scope="col">{t('caseTimelines.column.decisions')}</Table.Th>
        <Table.Th scope="col">{t('caseTimelines.column.median')}</Table.Th>
        <Table.Th scope="col">{t('caseTimelines.column.within')}</Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
  return (
    <>
      <section aria-labelledby="case-timelines-overall">
        <Title id="case-timelines-overall" order={2} mb="sm">
          {t('caseTimelines.overall')}
        </Title>
        <Table striped verticalSpacing="sm" className="stacked-table">
          {head([t('caseTimelines.column.kind')])}
          <Table.Tbody>
            {timelines.byKind.map((row) => (
              <Table.Tr key={row.kind}>
                <Table.Th scope="row" data-label={t('caseTimelines.column.kind')}>
                  {t(`caseStatus.kind.${row.kind}`)}
                </Table.Th>
                {cells(row)}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </section>
      {DECISION_KINDS.map((kind) => {
        const rows = timelines.byStateMonth.filter((row) => row.kind === kind);
        const id = `case-timelines-${kind}`;
        return (
          <section key={kind} aria-labelledby={id}>
            <Title id={id} order={2} mb="sm">
              {t('caseTimelines.byStateMonth', { kind: t(`caseStatus.kind.${kind}`) })}
            </Title>
            {rows.length === 0 ? (
              <Text>{t('caseTimelines.none')}</Text>
            ) : (
              <Table striped verticalSpacing="sm" className="stacked-table">
                {head([t('caseTimelines.column.state'), t('caseTimelines.column.month')])}
                <Table.Tbody>
                  {rows.map((row) => (
                    <Table.Tr key={`${row.stateCode} ${row.month}`}>
                      <Table.Th scope="row" data-label={t('caseTimelines.column.state')}>
                        {localized(timelines.stateNames[row.stateCode], i18n.language, row.stateCode)}
                      </Table.Th>
                      <Table.Td data-label={t('caseTimelines.column.month')}>
                        <time dateTime={row.month}>{formatPeriod(row.month, i18n.language)}</time>
                      </Table.Td>
                      {cells(row)}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </section>
        );
      })}
      <Alert variant="light" color="gray" maw={760} title={t('caseTimelines.about.title')}>
        {t('caseTimelines.about.text', { threshold: timelines.threshold })}
      </Alert>
    </>
  );
}
