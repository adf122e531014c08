import { Alert, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PublicOutcomeCell, PublicOutcomeFigures } from '../../../shared/outcomes/schemas/figures.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { useFormatters } from '../../components/format.ts';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/page.ts';
import { formatPeriod, localized } from '../zones/format.ts';
import { useOutcomeFigures } from './api.ts';

/**
 * `/outcomes`: how households that came home are doing, round by round after return, beside the people of the
 * same places who never left. Scores from 0 to 100, by state and month of return; a figure too small to publish
 * says so. Tables stack into labelled lines on a phone; nothing needs JavaScript.
 */
export default function OutcomeFiguresPage() {
  const { t } = useTranslation();
  usePageTitle(t('outcomes.figures.title'));
  const figures = useOutcomeFigures();
  return (
    <Stack gap="xl">
      <section aria-labelledby="outcome-figures-title">
        <Title id="outcome-figures-title" order={1} mb="md">
          {t('outcomes.figures.title')}
        </Title>
        <Text size="lg" maw={760}>
          {t('outcomes.figures.lead')}
        </Text>
      </section>
      {figures.isPending ? (
        <PageLoader />
      ) : figures.isError ? (
        <ErrorPanel error={figures.error} onRetry={() => void figures.refetch()} />
      ) : (
        <Figures figures={figures.data} />
      )}
    </Stack>
  );
}

function Figures({ figures }: { figures: PublicOutcomeFigures }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const hidden = t('outcomes.figures.hidden');
  const count = (value: number | null) => (value === null ? hidden : format.number(value));
  const score = (value: number | null, shown: boolean) =>
    !shown ? hidden : value === null ? '—' : format.number(Math.round(value * 100));
  const round = (value: number) => t('outcomes.figures.round', { count: value });
  const answered = (cell: PublicOutcomeCell) => (cell.returnees ?? 1) > 0 || (cell.residents ?? 1) > 0;

  if (figures.states.length === 0) return <Text>{t('outcomes.figures.none')}</Text>;
  return (
    <>
      {figures.states.map((state) => {
        const name = localized(figures.stateNames[state.stateCode], i18n.language, state.stateCode);
        const rounds = state.rounds.filter(answered);
        return (
          <section key={state.stateCode} aria-labelledby={`outcomes-${state.stateCode}`}>
            <Title id={`outcomes-${state.stateCode}`} order={2} mb="sm">
              {name}
            </Title>
            {rounds.map((cell) => (
              <Stack key={cell.round} gap="xs" mb="lg">
                <Title order={3}>{round(cell.round)}</Title>
                <Text>
                  {t('outcomes.figures.answered', {
                    returnees: count(cell.returnees),
                    residents: count(cell.residents),
                  })}
                </Text>
                <Table striped verticalSpacing="sm" className="stacked-table" maw={760}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('outcomes.figures.column.outcome')}</Table.Th>
                      <Table.Th scope="col">{t('outcomes.figures.column.returnees')}</Table.Th>
                      <Table.Th scope="col">{t('outcomes.figures.column.residents')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {cell.outcomes.map((outcome) => (
                      <Table.Tr key={outcome.outcome}>
                        <Table.Th scope="row" data-label={t('outcomes.figures.column.outcome')}>
                          {t(`outcomes.figures.outcome.${outcome.outcome}`)}
                        </Table.Th>
                        <Table.Td data-label={t('outcomes.figures.column.returnees')}>
                          {score(outcome.returnees, cell.returnees !== null)}
                        </Table.Td>
                        <Table.Td data-label={t('outcomes.figures.column.residents')}>
                          {score(outcome.residents, cell.residents !== null)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Stack>
            ))}
            {state.cohorts.length > 0 && (
              <>
                <Title order={3} mb="xs">
                  {t('outcomes.figures.byCohort')}
                </Title>
                <Text mb="sm" maw={760}>
                  {t('outcomes.figures.byCohortNote')}
                </Text>
                <Table striped verticalSpacing="sm" className="stacked-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('outcomes.figures.column.cohort')}</Table.Th>
                      <Table.Th scope="col">{t('outcomes.figures.column.round')}</Table.Th>
                      <Table.Th scope="col">{t('outcomes.figures.column.households')}</Table.Th>
                      <Table.Th scope="col">{t('outcomes.figures.column.overall')}</Table.Th>
                      <Table.Th scope="col">{t('outcomes.figures.column.residentsOverall')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {state.cohorts.flatMap((cohort) =>
                      cohort.rounds.filter(answered).map((cell) => {
                        const overall = cell.outcomes.find((o) => o.outcome === 'composite');
                        return (
                          <Table.Tr key={`${cohort.cohort} ${cell.round}`}>
                            <Table.Th scope="row" data-label={t('outcomes.figures.column.cohort')}>
                              <time dateTime={cohort.cohort}>{formatPeriod(cohort.cohort, i18n.language)}</time>
                            </Table.Th>
                            <Table.Td data-label={t('outcomes.figures.column.round')}>{round(cell.round)}</Table.Td>
                            <Table.Td data-label={t('outcomes.figures.column.households')}>
                              {count(cell.returnees)}
                            </Table.Td>
                            <Table.Td data-label={t('outcomes.figures.column.overall')}>
                              {score(overall?.returnees ?? null, cell.returnees !== null)}
                            </Table.Td>
                            <Table.Td data-label={t('outcomes.figures.column.residentsOverall')}>
                              {score(overall?.residents ?? null, cell.residents !== null)}
                            </Table.Td>
                          </Table.Tr>
                        );
                      }),
                    )}
                  </Table.Tbody>
                </Table>
              </>
            )}
          </section>
        );
      })}
      <Alert variant="light" color="gray" maw={760} title={t('outcomes.figures.about.title')}>
        {t('outcomes.figures.about.text', { threshold: figures.threshold })}
      </Alert>
    </>
  );
}
