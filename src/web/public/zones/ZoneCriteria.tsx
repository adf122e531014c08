import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type {
  Classification,
  CriterionStatus,
  IndicatorStatus,
  PublicZoneDetail,
} from '../../../shared/zones/schemas.ts';
import { CriterionTable } from '../../zones/CriterionTable.tsx';
import { StatusBadge } from './ClassBadge.tsx';

/** Criterion by criterion: its status, and each indicator's status, value, period, source and verification. */
export function ZoneCriteria({
  classification,
  framework,
}: {
  classification: Classification;
  framework: PublicZoneDetail['framework'];
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="zone-criteria-title">
      <Title id="zone-criteria-title" order={2} mb="sm">
        {t('publicZones.zone.criteriaTitle')}
      </Title>
      <Text maw={760} mb="md">
        {t('publicZones.zone.criteriaIntro')}
      </Text>
      <Stack gap="lg">
        {classification.criteria.map((criterion) => (
          <CriterionTable
            key={criterion.criterion}
            criterion={criterion}
            definition={framework?.definition.criteria.find((c) => c.code === criterion.criterion)}
            badge={(status) => <StatusBadge status={status as CriterionStatus | IndicatorStatus} />}
            hardNote={false}
          />
        ))}
      </Stack>
    </section>
  );
}
