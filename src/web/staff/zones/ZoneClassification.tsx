import { Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../components/format.ts';
import { Explanation } from '../../zones/Explanation.tsx';
import { findCriterion, findIndicator, valueText } from '../../zones/explain.ts';
import { StackTable } from '../components/StackTable.tsx';
import { useFrameworkFor } from './frameworkFor.ts';
import type { Assessment, CriterionAssessment, FrameworkDefinition, FrameworkVersion } from './types.ts';
import { AssessmentBadge, ClassBadge, useLocalName, usePeriodName } from './ui.tsx';

/** One criterion: its status, then each indicator's status and the value behind it. */
function CriterionTable({
  criterion,
  framework,
}: {
  criterion: CriterionAssessment;
  framework: FrameworkDefinition | undefined;
}) {
  const { t } = useTranslation();
  const nameOf = useLocalName();
  const periodName = usePeriodName();
  const definition = framework ? findCriterion(framework, criterion.criterion) : undefined;
  const name = nameOf(definition?.name, criterion.criterion);
  const headingId = `criterion-${criterion.criterion}`;
  return (
    <section aria-labelledby={headingId}>
      <Group gap="sm" mb={4} wrap="wrap">
        <Title order={3} size="h5" id={headingId}>
          {name}
        </Title>
        <Text size="sm" c="dimmed">
          {t(`zones.kind.${criterion.kind}`)}
        </Text>
        <AssessmentBadge status={criterion.status} />
      </Group>
      <StackTable striped captionSide="top" verticalSpacing="xs">
        <Table.Caption ta="start">{t('zones.criterionCaption', { criterion: name })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('zoneTerms.column.indicator')}</Table.Th>
            <Table.Th scope="col">{t('zoneTerms.column.status')}</Table.Th>
            <Table.Th scope="col">{t('zoneTerms.column.value')}</Table.Th>
            <Table.Th scope="col">{t('zoneTerms.column.period')}</Table.Th>
            <Table.Th scope="col">{t('zoneTerms.column.source')}</Table.Th>
            <Table.Th scope="col">{t('zoneTerms.column.basis')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {criterion.indicators.map((indicator) => {
            const found = framework ? findIndicator(framework, criterion.criterion, indicator.indicator) : undefined;
            return (
              <Table.Tr key={indicator.indicator}>
                <Table.Th scope="row" fw={600}>
                  {nameOf(found?.name, indicator.indicator)}
                  {indicator.hard ? (
                    <Text size="xs" c="dimmed" fw={400}>
                      {t('zoneTerms.hard')}
                    </Text>
                  ) : null}
                </Table.Th>
                <Table.Td>
                  <AssessmentBadge status={indicator.status} />
                </Table.Td>
                <Table.Td>
                  {indicator.value === null
                    ? t('zoneTerms.noValue')
                    : found
                      ? valueText(t, found.unit, indicator.value)
                      : indicator.value}
                </Table.Td>
                <Table.Td>{indicator.period ? periodName(indicator.period) : t('zones.none')}</Table.Td>
                <Table.Td>{indicator.source ? t(`zoneTerms.source.${indicator.source}`) : t('zones.none')}</Table.Td>
                <Table.Td>{t(`zoneTerms.basis.${indicator.basis}`)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </StackTable>
    </section>
  );
}

/** The zone's class for a period (the latest by default), why, and criterion by criterion what decided it. */
export function ZoneClassification({
  assessments,
  framework,
}: {
  assessments: Assessment[];
  framework: FrameworkVersion;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const periodName = usePeriodName();
  const [period, setPeriod] = useState(assessments[0]?.period ?? '');
  const assessment = assessments.find((candidate) => candidate.period === period) ?? assessments[0];
  const definition = useFrameworkFor(assessment?.frameworkVersion, framework);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="zone-class">
      <Title order={2} size="h4" id="zone-class" mb="sm">
        {t('zones.classTitle')}
      </Title>
      {!assessment ? (
        <Text>{t('zones.neverAssessed')}</Text>
      ) : (
        <Stack gap="md">
          {assessments.length > 1 ? (
            <NativeSelect
              label={t('zones.assessedPeriod')}
              value={assessment.period}
              onChange={(event) => setPeriod(event.currentTarget.value)}
              maw={320}
            >
              {assessments.map((candidate) => (
                <option key={candidate.period} value={candidate.period}>
                  {periodName(candidate.period)}
                </option>
              ))}
            </NativeSelect>
          ) : null}
          <div>
            <Group gap="sm" mb="xs" wrap="wrap">
              <ClassBadge zoneClass={assessment.class} />
              <Text size="sm">
                {t('zones.assessedLine', {
                  period: periodName(assessment.period),
                  version: assessment.frameworkVersion,
                  computedAt: format.dateTime(assessment.computedAt),
                })}
              </Text>
            </Group>
            <Explanation classification={assessment} framework={definition} />
          </div>
          {assessment.criteria.map((criterion) => (
            <CriterionTable key={criterion.criterion} criterion={criterion} framework={definition} />
          ))}
        </Stack>
      )}
    </Paper>
  );
}
