import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../components/format.ts';
import { valueText } from '../../zones/explain.ts';
import { StackTable } from '../components/StackTable.tsx';
import type { FrameworkVersion } from './types.ts';
import { useLocalName } from './ui.tsx';

/** A framework version as it stands, criterion by criterion: each indicator's unit, direction, thresholds and rules. */
export function FrameworkView({ framework }: { framework: FrameworkVersion }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const nameOf = useLocalName();
  return (
    <Stack gap="lg">
      <Text fw={600}>{nameOf(framework.definition.title)}</Text>
      {framework.definition.criteria.map((criterion) => {
        const name = nameOf(criterion.name, criterion.code);
        const headingId = `framework-${framework.version}-${criterion.code}`;
        return (
          <section key={criterion.code} aria-labelledby={headingId}>
            <Title order={3} size="h5" id={headingId} mb={4}>
              {t('zones.framework.criterionHeading', { name, kind: t(`zones.kind.${criterion.kind}`) })}
            </Title>
            <StackTable striped captionSide="top" verticalSpacing="xs">
              <Table.Caption ta="start">{t('zones.criterionCaption', { criterion: name })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('zones.indicator')}</Table.Th>
                  <Table.Th scope="col">{t('zones.framework.unit')}</Table.Th>
                  <Table.Th scope="col">{t('zones.framework.direction')}</Table.Th>
                  <Table.Th scope="col">{t('zones.framework.green')}</Table.Th>
                  <Table.Th scope="col">{t('zones.framework.amber')}</Table.Th>
                  <Table.Th scope="col">{t('zones.framework.red')}</Table.Th>
                  <Table.Th scope="col">{t('zones.framework.weight')}</Table.Th>
                  <Table.Th scope="col">{t('zones.framework.hard')}</Table.Th>
                  <Table.Th scope="col">{t('zones.framework.freshness')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {criterion.indicators.map((indicator) => {
                  const higher = indicator.direction === 'higher_is_better';
                  const green = valueText(t, indicator.unit, indicator.green);
                  const red = valueText(t, indicator.unit, indicator.red);
                  return (
                    <Table.Tr key={indicator.code}>
                      <Table.Th scope="row" fw={600}>
                        {nameOf(indicator.name, indicator.code)}
                        <Text size="xs" c="dimmed" fw={400}>
                          <span className="ltr-value">{indicator.code}</span>
                        </Text>
                      </Table.Th>
                      <Table.Td>{t(`zones.unit.${indicator.unit}`)}</Table.Td>
                      <Table.Td>{t(`zones.direction.${indicator.direction}`)}</Table.Td>
                      <Table.Td>
                        {t(higher ? 'zones.framework.atLeast' : 'zones.framework.atMost', { value: green })}
                      </Table.Td>
                      <Table.Td>{t('zones.framework.between', { green, red })}</Table.Td>
                      <Table.Td>
                        {t(higher ? 'zones.framework.below' : 'zones.framework.above', { value: red })}
                      </Table.Td>
                      <Table.Td>{format.number(indicator.weight)}</Table.Td>
                      <Table.Td>{indicator.hard ? t('zones.framework.hardYes') : t('zones.framework.hardNo')}</Table.Td>
                      <Table.Td>{t('zones.framework.months', { count: indicator.freshnessMonths })}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </StackTable>
          </section>
        );
      })}
    </Stack>
  );
}
