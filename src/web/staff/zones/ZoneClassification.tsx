import { Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../components/format.ts';
import { CriterionTable } from '../../zones/CriterionTable.tsx';
import { Explanation } from '../../zones/Explanation.tsx';
import { findCriterion } from '../../zones/explain.ts';
import { useFrameworkFor } from './frameworkFor.ts';
import type { Assessment, FrameworkVersion } from './types.ts';
import { AssessmentBadge, ClassBadge, usePeriodName } from './ui.tsx';

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
            <CriterionTable
              key={criterion.criterion}
              criterion={criterion}
              definition={definition ? findCriterion(definition, criterion.criterion) : undefined}
              badge={(status) => <AssessmentBadge status={status} />}
            />
          ))}
        </Stack>
      )}
    </Paper>
  );
}
