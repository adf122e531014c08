import { Paper, Table, Text, Title, useDirection } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { findIndicator, valueText } from '../../zones/explain.ts';
import { StackTable } from '../components/StackTable.tsx';
import { indicatorHistory, sparklinePath, sparklinePoints } from './history.ts';
import { currentPeriod, periodsUpTo } from './periods.ts';
import type { Assessment, FrameworkVersion, IndicatorDefinition } from './types.ts';
import { AssessmentBadge, useLocalName, usePeriodName } from './ui.tsx';

const PERIODS = 12;
const WIDTH = 96;
const HEIGHT = 24;

/** The values of one indicator as a line, oldest at the start of the line (the right in right-to-left pages). */
function Sparkline({ values, label }: { values: (number | null)[]; label: string }) {
  const { dir } = useDirection();
  const path = sparklinePath(values, WIDTH, HEIGHT);
  if (!path) return null;
  const points = sparklinePoints(values, WIDTH, HEIGHT).filter((point) => point !== null);
  return (
    <svg
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={label}
      style={{ transform: dir === 'rtl' ? 'scaleX(-1)' : undefined, overflow: 'visible' }}
    >
      <path d={path} fill="none" stroke="var(--mantine-color-homeward-7)" strokeWidth="1.6" />
      {points.map((point) => (
        <circle key={point.x} cx={point.x} cy={point.y} r="1.8" fill="var(--mantine-color-homeward-7)" />
      ))}
    </svg>
  );
}

/** Each indicator over the last twelve periods assessed: status in words and value, period by period. */
export function IndicatorHistory({
  assessments,
  framework,
}: {
  assessments: Assessment[];
  framework: FrameworkVersion;
}) {
  const { t } = useTranslation();
  const nameOf = useLocalName();
  const periodName = usePeriodName();
  const shortPeriod = usePeriodName('short');
  const last = assessments[0]?.period ?? currentPeriod();
  const periods = periodsUpTo(last, PERIODS).reverse();
  const rows = indicatorHistory(assessments, framework.definition, periods);
  const value = (definition: IndicatorDefinition | undefined, number: number) =>
    definition ? valueText(t, definition.unit, number) : String(number);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="zone-history">
      <Title order={2} size="h4" id="zone-history" mb="sm">
        {t('zones.history.title')}
      </Title>
      {assessments.length === 0 ? (
        <Text>{t('zones.neverAssessed')}</Text>
      ) : (
        <StackTable
          minWidth={1500}
          label={t('zones.history.title')}
          striped
          captionSide="top"
          verticalSpacing="xs"
          withColumnBorders
        >
          <Table.Caption ta="start">
            {t('zones.history.caption', { from: periodName(periods[0]!), to: periodName(last) })}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('zones.indicator')}</Table.Th>
              <Table.Th scope="col">{t('zones.history.trend')}</Table.Th>
              {periods.map((period) => (
                <Table.Th scope="col" key={period}>
                  <abbr title={periodName(period)} style={{ textDecoration: 'none' }}>
                    {shortPeriod(period)}
                  </abbr>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const definition = findIndicator(framework.definition, row.criterion, row.indicator);
              const values = row.cells.map((cell) => cell.assessment?.value ?? null);
              const known = row.cells.filter((cell) => cell.assessment && cell.assessment.value !== null);
              const first = known[0];
              const latest = known.at(-1);
              return (
                <Table.Tr key={`${row.criterion}/${row.indicator}`}>
                  <Table.Th scope="row" fw={600}>
                    {nameOf(definition?.name, row.indicator)}
                  </Table.Th>
                  <Table.Td>
                    {first && latest ? (
                      <Sparkline
                        values={values}
                        label={t('zones.history.trendLabel', {
                          from: value(definition, first.assessment!.value!),
                          fromPeriod: periodName(first.period),
                          to: value(definition, latest.assessment!.value!),
                          toPeriod: periodName(latest.period),
                        })}
                      />
                    ) : (
                      <Text size="xs">{t('zones.history.noValues')}</Text>
                    )}
                  </Table.Td>
                  {row.cells.map((cell) => (
                    <Table.Td key={cell.period}>
                      {cell.assessment ? (
                        <>
                          <AssessmentBadge status={cell.assessment.status} />
                          {cell.assessment.value !== null ? (
                            <Text size="xs" mt={2}>
                              {value(definition, cell.assessment.value)}
                            </Text>
                          ) : null}
                        </>
                      ) : (
                        <Text size="xs">{t('zones.history.notAssessed')}</Text>
                      )}
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </StackTable>
      )}
    </Paper>
  );
}
