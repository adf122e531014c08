import { Alert, Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ACCOUNTABILITY_STATUSES } from '../../../shared/gateway/constants.ts';
import type { IncidentFigures, PublicGatewayFigures, SubmissionFigures } from '../../../shared/gateway/schemas.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { useFormatters } from '../../components/format.ts';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/page.ts';
import { formatPeriod, localized } from '../zones/format.ts';
import { useFeedbackFigures } from './api.ts';

/**
 * `/feedback/figures`: what people raised through the gateway and what came of it, and the incidents documented
 * and where each stands on the way to accountability. Counts only, after disclosure control: a figure too small
 * to publish says so. Tables stack into labelled lines on a phone; nothing needs JavaScript.
 */
export default function FiguresPage() {
  const { t } = useTranslation();
  usePageTitle(t('gatewayPortal.figures.title'));
  const figures = useFeedbackFigures();
  return (
    <Stack gap="xl">
      <section aria-labelledby="figures-title">
        <Title id="figures-title" order={1} mb="md">
          {t('gatewayPortal.figures.title')}
        </Title>
        <Text size="lg" maw={760}>
          {t('gatewayPortal.figures.lead')}
        </Text>
      </section>
      {figures.isPending ? (
        <PageLoader />
      ) : figures.isError ? (
        <ErrorPanel error={figures.error} onRetry={() => void figures.refetch()} />
      ) : (
        <Figures figures={figures.data} />
      )}
      <Anchor component={Link} to="/feedback" fw={600}>
        {t('gatewayPortal.link.submit')}
      </Anchor>
    </Stack>
  );
}

function Figures({ figures }: { figures: PublicGatewayFigures }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const days = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const hidden = t('gatewayPortal.figures.hidden');
  const count = (value: number | null) => (value === null ? hidden : format.number(value));
  const state = (code: string | null) =>
    code === null ? t('gatewayPortal.figures.noPlace') : localized(figures.stateNames[code], i18n.language, code);
  const month = (value: string) => <time dateTime={value}>{formatPeriod(value, i18n.language)}</time>;

  const submissionColumns = [
    'received',
    'acknowledgedInTime',
    'acknowledgedLate',
    'resolved',
    'medianDaysToResolution',
  ] as const;
  const submissionCells = (row: SubmissionFigures) =>
    submissionColumns.map((column) => {
      const label = t(`gatewayPortal.figures.column.${column}`);
      const cell =
        column === 'medianDaysToResolution'
          ? row.received === null
            ? hidden
            : row.medianDaysToResolution === null
              ? '—'
              : t('gatewayPortal.figures.days', {
                  count: row.medianDaysToResolution,
                  days: days.format(row.medianDaysToResolution),
                })
          : count(row[column]);
      return (
        <Table.Td key={column} data-label={label}>
          {cell}
        </Table.Td>
      );
    });
  const incidentCells = (row: IncidentFigures) => [
    <Table.Td key="total" data-label={t('gatewayPortal.figures.column.incidents')}>
      {count(row.total)}
    </Table.Td>,
    ...ACCOUNTABILITY_STATUSES.map((status) => (
      <Table.Td key={status} data-label={t(`gatewayPortal.accountability.${status}`)}>
        {count(row.byAccountability[status] ?? null)}
      </Table.Td>
    )),
  ];
  const head = (first: string[], rest: string[]) => (
    <Table.Thead>
      <Table.Tr>
        {[...first, ...rest].map((label) => (
          <Table.Th key={label} scope="col">
            {label}
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
  const submissionHead = submissionColumns.map((column) => t(`gatewayPortal.figures.column.${column}`));
  const incidentHead = [
    t('gatewayPortal.figures.column.incidents'),
    ...ACCOUNTABILITY_STATUSES.map((status) => t(`gatewayPortal.accountability.${status}`)),
  ];
  return (
    <>
      <section aria-labelledby="figures-submissions">
        <Title id="figures-submissions" order={2} mb="sm">
          {t('gatewayPortal.figures.submissions')}
        </Title>
        <Text mb="sm" maw={760}>
          {t('gatewayPortal.figures.submissionsNote')}
        </Text>
        <Table striped verticalSpacing="sm" className="stacked-table">
          {head([t('gatewayPortal.figures.column.kind')], submissionHead)}
          <Table.Tbody>
            {figures.submissions.byKind.map((row) => (
              <Table.Tr key={row.kind}>
                <Table.Th scope="row" data-label={t('gatewayPortal.figures.column.kind')}>
                  {t(`gatewayPortal.kind.${row.kind}`)}
                </Table.Th>
                {submissionCells(row)}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </section>

      <section aria-labelledby="figures-submissions-month">
        <Title id="figures-submissions-month" order={2} mb="sm">
          {t('gatewayPortal.figures.submissionsByStateMonth')}
        </Title>
        {figures.submissions.byStateMonth.length === 0 ? (
          <Text>{t('gatewayPortal.figures.none')}</Text>
        ) : (
          <Table striped verticalSpacing="sm" className="stacked-table">
            {head(
              [
                t('gatewayPortal.figures.column.kind'),
                t('gatewayPortal.figures.column.state'),
                t('gatewayPortal.figures.column.month'),
              ],
              submissionHead,
            )}
            <Table.Tbody>
              {figures.submissions.byStateMonth.map((row) => (
                <Table.Tr key={`${row.kind} ${row.stateCode} ${row.month}`}>
                  <Table.Th scope="row" data-label={t('gatewayPortal.figures.column.kind')}>
                    {t(`gatewayPortal.kind.${row.kind}`)}
                  </Table.Th>
                  <Table.Td data-label={t('gatewayPortal.figures.column.state')}>{state(row.stateCode)}</Table.Td>
                  <Table.Td data-label={t('gatewayPortal.figures.column.month')}>{month(row.month)}</Table.Td>
                  {submissionCells(row)}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>

      <section aria-labelledby="figures-incidents">
        <Title id="figures-incidents" order={2} mb="sm">
          {t('gatewayPortal.figures.incidents')}
        </Title>
        <Text mb="sm" maw={760}>
          {t('gatewayPortal.figures.incidentsNote')}
        </Text>
        <Table striped verticalSpacing="sm" className="stacked-table">
          {head([t('gatewayPortal.figures.column.type')], incidentHead)}
          <Table.Tbody>
            {figures.incidents.byType.map((row) => (
              <Table.Tr key={row.type}>
                <Table.Th scope="row" data-label={t('gatewayPortal.figures.column.type')}>
                  {t(`gatewayPortal.incidentType.${row.type}`)}
                </Table.Th>
                {incidentCells(row)}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </section>

      <section aria-labelledby="figures-incidents-month">
        <Title id="figures-incidents-month" order={2} mb="sm">
          {t('gatewayPortal.figures.incidentsByStateMonth')}
        </Title>
        {figures.incidents.byStateMonth.length === 0 ? (
          <Text>{t('gatewayPortal.figures.none')}</Text>
        ) : (
          <Table striped verticalSpacing="sm" className="stacked-table">
            {head(
              [
                t('gatewayPortal.figures.column.type'),
                t('gatewayPortal.figures.column.state'),
                t('gatewayPortal.figures.column.month'),
              ],
              incidentHead,
            )}
            <Table.Tbody>
              {figures.incidents.byStateMonth.map((row) => (
                <Table.Tr key={`${row.type} ${row.stateCode} ${row.month}`}>
                  <Table.Th scope="row" data-label={t('gatewayPortal.figures.column.type')}>
                    {t(`gatewayPortal.incidentType.${row.type}`)}
                  </Table.Th>
                  <Table.Td data-label={t('gatewayPortal.figures.column.state')}>{state(row.stateCode)}</Table.Td>
                  <Table.Td data-label={t('gatewayPortal.figures.column.month')}>{month(row.month)}</Table.Td>
                  {incidentCells(row)}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>

      <Alert variant="light" color="gray" maw={760} title={t('gatewayPortal.figures.about.title')}>
        {t('gatewayPortal.figures.about.text', { threshold: figures.threshold })}
      </Alert>
    </>
  );
}
