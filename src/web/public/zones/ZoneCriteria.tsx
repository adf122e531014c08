import { Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type {
  Classification,
  CriterionAssessment,
  CriterionDefinition,
  PublicZoneDetail,
} from '../../../shared/zones/schemas.ts';
import { StatusBadge } from './ClassBadge.tsx';
import { formatPeriod, formatValue, hasLanguage, localized } from './format.ts';

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
          <Criterion
            key={criterion.criterion}
            criterion={criterion}
            definition={framework?.definition.criteria.find((c) => c.code === criterion.criterion)}
          />
        ))}
      </Stack>
    </section>
  );
}

function Criterion({
  criterion,
  definition,
}: {
  criterion: CriterionAssessment;
  definition?: CriterionDefinition | undefined;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const name = localized(definition?.name, language, criterion.criterion);
  const id = `criterion-${criterion.criterion}`;
  return (
    <section aria-labelledby={id}>
      <Group gap="sm" mb="xs" align="center">
        <Title id={id} order={3} size="h4" lang={hasLanguage(definition?.name, language) ? undefined : 'en'}>
          {name}
        </Title>
        <StatusBadge status={criterion.status} />
        {criterion.kind === 'precondition' ? <Text size="sm">{t('publicZones.zone.precondition')}</Text> : null}
      </Group>
      <Table verticalSpacing="xs" withTableBorder aria-labelledby={id} className="stacked-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('publicZones.column.indicator')}</Table.Th>
            <Table.Th scope="col">{t('publicZones.column.status')}</Table.Th>
            <Table.Th scope="col">{t('publicZones.column.value')}</Table.Th>
            <Table.Th scope="col">{t('publicZones.column.period')}</Table.Th>
            <Table.Th scope="col">{t('publicZones.column.source')}</Table.Th>
            <Table.Th scope="col">{t('publicZones.column.basis')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {criterion.indicators.map((indicator) => {
            const indicatorDefinition = definition?.indicators.find((i) => i.code === indicator.indicator);
            return (
              <Table.Tr key={indicator.indicator}>
                <Table.Th scope="row" fw={400} data-label={t('publicZones.column.indicator')}>
                  <span lang={hasLanguage(indicatorDefinition?.name, language) ? undefined : 'en'}>
                    {localized(indicatorDefinition?.name, language, indicator.indicator)}
                  </span>
                  {indicator.hard ? (
                    <Text size="sm" mt={2}>
                      {t('publicZones.zone.hard')}
                    </Text>
                  ) : null}
                </Table.Th>
                <Table.Td data-label={t('publicZones.column.status')}>
                  <StatusBadge status={indicator.status} />
                </Table.Td>
                <Table.Td data-label={t('publicZones.column.value')}>
                  {indicator.value === null
                    ? t('publicZones.zone.noValue')
                    : formatValue(t, indicatorDefinition?.unit, indicator.value)}
                </Table.Td>
                <Table.Td data-label={t('publicZones.column.period')}>
                  {indicator.period ? (
                    <time dateTime={indicator.period}>{formatPeriod(indicator.period, language)}</time>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td data-label={t('publicZones.column.source')}>
                  {indicator.source ? t(`publicZones.source.${indicator.source}`) : '—'}
                </Table.Td>
                <Table.Td data-label={t('publicZones.column.basis')}>
                  {t(`publicZones.basis.${indicator.basis}`)}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </section>
  );
}
